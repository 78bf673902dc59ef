"""The ``versions`` table: which versions of which articles the store has confirmed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple
from datetime import date, datetime

from crawler.state.sqlite.database import Database
from crawler.state.versions import KnownVersion, VersionRow

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


class Versions:
    """Stored versions per canonical URL."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, canonical_url: str) -> list[KnownVersion]:
        """Known versions of an article, oldest first (the last one is the latest)."""
        with self.db.locked() as connection:
            rows = connection.execute(
                "SELECT updated_date, content_sha256, version_key, fetched_at FROM versions"
                " WHERE canonical_url = ? ORDER BY fetched_at, rowid",
                (canonical_url,),
            ).fetchall()
        return [
            KnownVersion(date.fromisoformat(u) if u else None, sha, key, fetched)
            for u, sha, key, fetched in rows
        ]

    def add(self, row: VersionRow) -> None:
        """Remember a version the store has confirmed."""
        with self.db.locked() as connection:
            connection.execute(_INSERT, astuple(row))

    def touch(self, canonical_url: str, version_key: str, fetched_at: datetime) -> None:
        """The page was fetched again as this stored version: it is the latest now."""
        with self.db.locked() as connection:
            connection.execute(
                "UPDATE versions SET fetched_at = ? WHERE canonical_url = ? AND version_key = ?",
                (fetched_at.isoformat(), canonical_url, version_key),
            )

    def count(self) -> int:
        with self.db.locked() as connection:
            return int(connection.execute("SELECT COUNT(*) FROM versions").fetchone()[0])

    def all_keys(self) -> set[str]:
        """Every version key the state knows."""
        with self.db.locked() as connection:
            return {row[0] for row in connection.execute("SELECT version_key FROM versions")}

    def replace(self, rows: Iterable[VersionRow]) -> int:
        """Replace every row with ``rows`` (call inside a transaction); returns how many."""
        total = 0
        with self.db.locked() as connection:
            connection.execute("DELETE FROM versions")
            for row in rows:
                connection.execute(_INSERT, astuple(row))
                total += 1
        return total
