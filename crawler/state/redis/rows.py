"""How a version row and a schedule entry are written in Redis, and read back: one
place for both the pipelines and the Lua scripts (:mod:`.record`), so the two paths
can never disagree on a field's order."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import astuple
from datetime import date, datetime
from typing import Any

from crawler.state.schedule import Entry
from crawler.state.versions import VersionRow


def dump_row(row: VersionRow, order: int) -> str:
    """A version's row: update date, content hash, site, fetch time, reason, order."""
    return json.dumps(
        [row.updated_date, row.content_sha256, row.site, row.fetched_at, row.reason, order]
    )


def row_head(row: VersionRow) -> str:
    """A row without its order, which a script appends (``head .. order .. ']'``)."""
    return dump_row(row, 0)[: -len("0]")]


def load_row(canonical_url: str, version_key: str, raw: str | bytes) -> tuple[VersionRow, int]:
    updated, sha, site, fetched, reason, order = json.loads(raw)
    return VersionRow(canonical_url, updated, sha, version_key, site, fetched, reason), order


def rows_of(canonical_url: str, stored: Mapping[Any, str | bytes]) -> list[VersionRow]:
    """An article's versions from its hash, oldest first (fetch time, then order)."""
    rows = [load_row(canonical_url, str(key), raw) for key, raw in stored.items()]
    return [row for row, _order in sorted(rows, key=lambda r: (r[0].fetched_at, r[1]))]


def dump_entry(entry: Entry) -> str:
    return json.dumps(astuple(entry))


def load_entry(raw: str | bytes | None) -> Entry | None:
    return Entry(*json.loads(raw)) if raw else None


def due_score(entry: Entry) -> float:
    """The entry's place in its site's ``due`` set: the next due time, epoch seconds."""
    return datetime.fromisoformat(entry.next_due).timestamp()


def imported_score(entry: Entry) -> int | None:
    """Its place in the ``imported`` set: the import date's ordinal (None: not known)."""
    return date.fromisoformat(entry.imported_date).toordinal() if entry.imported_date else None
