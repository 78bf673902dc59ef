"""The fault suite (``pytest -m faults``): real crawler processes against the replica and
the S3 server, with faults injected, and a table of what each fault cost.

Each scenario records: the fault, how many times it was injected, the articles expected,
archived, lost (must be 0) and corrupt (must be 0, as ``verify`` judges the archive).
The table is printed at the end of the session and written to ``FAULTS_REPORT`` (JSON)
if that is set (:mod:`tests.support.tables`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler.storage import Storage
from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from crawler.verify import verify
from tests.support.project import open_state
from tests.support.s3server import bucket_objects, s3_archive
from tests.support.tables import record_row


@dataclass
class FaultRow:
    fault: str
    injected: int
    expected: int
    archived: int
    lost: int
    corrupt: int


ARTICLES = 58
"""The replica's articles (the corpus and the sample, the page without a date aside)."""


@dataclass
class Audit:
    """An archive as ``verify`` sees it: distinct articles, duplicates, errors."""

    articles: int
    versions: int
    duplicates: int
    errors: list[str]


def audit(storage: Storage, state_path: Path | None) -> Audit:
    archive = Archive(storage)
    per_article = Counter(article.canonical_url for _key, article in archive.versions())
    state = open_state(state_path) if state_path is not None and state_path.exists() else None
    report = verify(archive, state)
    if state is not None:
        state.close()
    duplicates = sum(count - 1 for count in per_article.values())
    return Audit(len(per_article), sum(per_article.values()), duplicates, report.errors)


def audit_local(archive_root: Path) -> Audit:
    return audit(LocalStorage(archive_root), archive_root / ".state" / "dedup.sqlite3")


def audit_s3(bucket: str, state_dir: Path) -> Any:
    states = list(state_dir.rglob("dedup.sqlite3"))
    return audit(s3_archive(bucket), states[0] if states else None)


def assert_complete_s3(bucket: str, state_dir: Path) -> Any:
    """Every article, nothing half-written, the state claiming exactly what the store holds."""
    result = audit_s3(bucket, state_dir)
    assert result.errors == [] and result.duplicates == 0
    assert result.articles == ARTICLES
    objects = bucket_objects(bucket)
    assert sum(1 for key in objects if key.endswith("reasons.json")) == 1
    assert not any(p.name == "item.json" for p in state_dir.rglob("*"))  # spool empty
    return result


@pytest.fixture
def record_fault(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Records a row of the fault table (:mod:`tests.support.tables`)."""

    def record(fault: str, injected: int, expected: int, archived: int, corrupt: int) -> None:
        row = FaultRow(fault, injected, expected, archived, expected - archived, corrupt)
        record_row(request.node, "faults", asdict(row))

    return record
