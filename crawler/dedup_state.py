"""The dedup state: which versions of which articles the store has confirmed.

Embedded (SQLite, no server), so it survives restarts; written only after the store
has confirmed a version, so it can lag the store (a crash in between means the next
run finds the version already stored and records it) but never lead it.  It can be
rebuilt from the store at any time (:meth:`DedupState.rebuild`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from crawler.faults import checkpoint
from schemas.models import ArchivedArticle

SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    canonical_url TEXT NOT NULL,
    updated_date TEXT,
    content_sha256 TEXT NOT NULL,
    version_key TEXT NOT NULL,
    site TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (canonical_url, version_key)
);
CREATE INDEX IF NOT EXISTS versions_by_url ON versions (canonical_url, fetched_at);
"""


_INSERT = "INSERT OR IGNORE INTO versions VALUES (?, ?, ?, ?, ?, ?, ?)"


def _row(article: ArchivedArticle, version_key: str, reason: str | None) -> tuple[object, ...]:
    """A ``versions`` row, in the table's column order."""
    updated = article.updated_date.isoformat() if article.updated_date else None
    return (article.canonical_url, updated, article.content_sha256, version_key,
            article.site, article.fetched_at.isoformat(), reason)  # fmt: skip


def placeholders(count: int) -> str:
    """``?, ?, ...`` for an ``IN (...)`` list: only placeholders go into query text."""
    return ",".join("?" * count)


@dataclass(frozen=True)
class KnownVersion:
    """One stored version as the state remembers it."""

    updated_date: date | None
    content_sha256: str
    version_key: str
    fetched_at: str


class StateFile:
    """One table of the state file: a SQLite connection shared by the crawl's threads.

    WAL mode lets the pipelines read while another connection writes; ``synchronous
    NORMAL`` keeps commits in the WAL without an fsync each (a power loss may lose the
    last commits, which only makes the state lag the store: never lead it).
    """

    def __init__(self, path: Path, schema: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(schema)

    def close(self) -> None:
        with self._lock:
            self._db.close()


class DedupState(StateFile):
    """Stored versions per canonical URL, in a SQLite file; safe across threads."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)

    def versions(self, canonical_url: str) -> list[KnownVersion]:
        """Known versions of an article, oldest first (the last one is the latest)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT updated_date, content_sha256, version_key, fetched_at FROM versions"
                " WHERE canonical_url = ? ORDER BY fetched_at, rowid",
                (canonical_url,),
            ).fetchall()
        return [
            KnownVersion(date.fromisoformat(u) if u else None, sha, key, fetched)
            for u, sha, key, fetched in rows
        ]

    def record(self, article: ArchivedArticle, version_key: str, reason: str | None) -> None:
        """Remember a version the store has confirmed."""
        with self._lock:
            checkpoint("state")
            self._db.execute(_INSERT, _row(article, version_key, reason))

    def touch(self, canonical_url: str, version_key: str, fetched_at: datetime) -> None:
        """The page was fetched again as this stored version: it is the latest now."""
        with self._lock:
            self._db.execute(
                "UPDATE versions SET fetched_at = ? WHERE canonical_url = ? AND version_key = ?",
                (fetched_at.isoformat(), canonical_url, version_key),
            )

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM versions").fetchone()[0])

    def version_keys(self) -> set[str]:
        with self._lock:
            return {row[0] for row in self._db.execute("SELECT version_key FROM versions")}

    def rebuild(self, versions: Iterable[tuple[str, ArchivedArticle]]) -> int:
        """Replace the state with what the store holds, in one transaction (a crash
        midway leaves the old state); returns the number of versions."""
        total = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM versions")
                for key, article in versions:
                    self._db.execute(_INSERT, _row(article, key, article.version_reason))
                    total += 1
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return total
