"""Exports of a small archive: the rows of both views, the filters, byte-identical
re-exports, and nothing half-written when an export fails."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from crawler.export.rows import Selection
from crawler.export.run import export, run_end
from crawler.runs.report import RunReport
from crawler.storage import Storage, StorageError
from crawler.storage.archive import Archive
from tests.crawler.export.conftest import EMBASSY, MFA, THAI

DATA = ["latest.jsonl", "latest.parquet", "versions.jsonl", "versions.parquet"]
FILES = sorted([".mfa-export", "README.md", *DATA, "schema.json"])


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_both_views_in_both_formats(archive: Archive, tmp_path: Path) -> None:
    done = export(archive.storage, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == FILES
    assert done.articles == 5 and done.rows == {"latest": 5, "versions": 8}
    latest = {row["canonical_url"]: row for row in _rows(tmp_path / "out" / "latest.jsonl")}
    alpha = latest[f"{MFA}/th/content/alpha"]
    assert alpha["version_number"] == 3 and alpha["version_count"] == 3 and alpha["silent_edit"]
    assert alpha["body"] == ["แก้เงียบ", THAI] and alpha["kind"] == "content"  # text exact
    assert alpha["updated_date"] == "2023-01-05" and alpha["updated_date_raw"] == "5 พ.ย. 2565"
    delta = latest[f"{EMBASSY}/th/content/delta"]  # went back to its first version
    assert delta["version_number"] == 1 and delta["is_latest"] and delta["body"][0] == "ย่อหน้า"
    assert delta["last_fetched_at"] == "2026-11-06T00:00:00Z"
    assert latest[f"{MFA}/th/page/gamma/inner"]["kind"] == "page"  # inside another's folder
    versions = _rows(tmp_path / "out" / "versions.jsonl")
    history = [
        (r["version_number"], r["version_reason"], r["is_latest"])
        for r in versions
        if r["canonical_url"] == f"{MFA}/th/content/alpha"
    ]
    assert history == [(1, "first", False), (2, "updated", False), (3, "silent_edit", True)]
    changes = [r["changes"] for r in versions if r["canonical_url"] == f"{MFA}/th/content/alpha"]
    assert changes[0] is None  # the first version
    assert changes[1]["paragraphs_changed"] == 1 and changes[1]["fields_changed"] == [
        "updated_date",
        "updated_date_raw",
    ]
    assert changes[2]["fields_changed"] == [] and changes[2]["characters_changed"] > 0


def test_parquet_holds_the_same_rows_with_typed_dates(archive: Archive, tmp_path: Path) -> None:
    export(archive.storage, tmp_path / "out")
    for view in ("latest", "versions"):
        table = pq.read_table(tmp_path / "out" / f"{view}.parquet")
        assert str(table.schema.field("updated_date").type) == "date32[day]"
        assert str(table.schema.field("fetched_at").type) == "timestamp[us, tz=UTC]"
        rows = _rows(tmp_path / "out" / f"{view}.jsonl")
        assert table.column("version").to_pylist() == [r["version"] for r in rows]
        assert table.column("body").to_pylist() == [r["body"] for r in rows]
        dates = [
            None if d is None else d.isoformat() for d in table.column("imported_date").to_pylist()
        ]
        assert dates == [r["imported_date"] for r in rows]


def test_two_exports_of_one_archive_are_the_same_bytes(archive: Archive, tmp_path: Path) -> None:
    export(archive.storage, tmp_path / "one")
    export(archive.storage, tmp_path / "two")
    for name in FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(sites=frozenset({"bangkok.thaiembassy.org"})), ["delta"]),
        (Selection(languages=frozenset({"en"})), ["beta"]),
        (Selection(kinds=frozenset({"page"})), ["gamma", "inner"]),
        (Selection(until=date(2019, 12, 31)), ["beta"]),
        (Selection(since=date(2020, 1, 1), kinds=frozenset({"content"})), ["alpha", "delta"]),
    ],
)
def test_filters(
    archive: Archive, tmp_path: Path, selection: Selection, expected: list[str]
) -> None:
    export(archive.storage, tmp_path / "out", ["latest"], ["jsonl"], selection)
    urls = [row["canonical_url"] for row in _rows(tmp_path / "out" / "latest.jsonl")]
    assert sorted(str(url).rsplit("/", 1)[1] for url in urls) == expected


class FailingStorage:
    """The archive's storage, failing after some reads (a store that went away)."""

    def __init__(self, storage: Storage, reads: int) -> None:
        self.storage, self.reads = storage, reads
        self.location = storage.location

    def list(self, prefix: str) -> object:
        return self.storage.list(prefix)

    def get(self, key: str) -> bytes | None:
        self.reads -= 1
        if self.reads < 0:
            raise StorageError("the store went away")
        return self.storage.get(key)


def test_a_failed_export_leaves_the_previous_one_whole(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(archive.storage, out)
    before = {name: (out / name).read_bytes() for name in FILES}
    with pytest.raises(StorageError):
        export(FailingStorage(archive.storage, 4), out)  # type: ignore[arg-type]
    assert sorted(p.name for p in out.iterdir()) == FILES  # no partial file left
    assert {name: (out / name).read_bytes() for name in FILES} == before


def test_since_a_run_only_what_the_archive_gained_after_it(
    archive: Archive, tmp_path: Path
) -> None:
    ended = datetime(2026, 11, 3, 12, tzinfo=UTC)
    run = RunReport(run_id="0badcafe", started=ended - timedelta(hours=1), finished=ended)
    archive.storage.put(run.key, run.dump(), "application/json")
    after = run_end(archive.storage, "0badcafe")
    assert after == ended and run_end(archive.storage, run.key) == ended
    with pytest.raises(ValueError, match=r"no run 'nope'.*0badcafe"):
        run_end(archive.storage, "nope")
    export(archive.storage, tmp_path / "out", selection=Selection(changed_after=after))
    latest = [
        (r["canonical_url"].rsplit("/", 1)[1], r["version_number"])
        for r in _rows(tmp_path / "out" / "latest.jsonl")
    ]
    versions = [
        (r["canonical_url"].rsplit("/", 1)[1], r["version_number"])
        for r in _rows(tmp_path / "out" / "versions.jsonl")
    ]
    # inner: archived on day 4; delta: a second version on day 5, then back to its first
    assert sorted(latest) == [("delta", 1), ("inner", 1)]
    assert sorted(versions) == [("delta", 2), ("inner", 1)]
    assert "Incremental: only what the archive gained after 2026-11-03T12:00:00+00:00" in (
        tmp_path / "out" / "README.md"
    ).read_text("utf-8")
