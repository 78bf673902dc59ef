"""The ``media`` table (:mod:`crawler.state.media`): URL -> the archive's copy of its file."""

from __future__ import annotations

from crawler.state.media import KnownFile
from crawler.state.sqlite.database import Database, placeholders

SCHEMA = """
CREATE TABLE IF NOT EXISTS media (
    url TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS media_failures (
    url TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    reason TEXT NOT NULL
);
"""


class Media:
    """The ``media`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def known(self, urls: list[str]) -> dict[str, KnownFile]:
        """The entries of those of ``urls`` the archive holds a file of."""
        found: dict[str, KnownFile] = {}
        for start in range(0, len(urls), 500):  # SQLite's limit on parameters
            chunk = urls[start : start + 500]
            query = f"SELECT * FROM media WHERE url IN ({placeholders(len(chunk))})"  # noqa: S608
            with self.db.locked() as connection:
                rows = connection.execute(query, chunk).fetchall()
            found.update({row[0]: KnownFile(*row) for row in rows})
        return found

    def record(self, files: list[KnownFile]) -> None:
        with self.db.transaction() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO media VALUES (?, ?, ?, ?, ?)",
                [(f.url, f.sha256, f.size, f.content_type, f.fetched_at) for f in files],
            )

    def count(self) -> int:
        with self.db.locked() as connection:
            return int(connection.execute("SELECT COUNT(*) FROM media").fetchone()[0])

    def clear(self) -> None:
        with self.db.transaction() as connection:
            connection.execute("DELETE FROM media")
            connection.execute("DELETE FROM media_failures")

    def failures(self, urls: list[str]) -> dict[str, tuple[int, str]]:
        """The runs that tried each of ``urls`` and failed, and the last reason."""
        found: dict[str, tuple[int, str]] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            query = f"SELECT * FROM media_failures WHERE url IN ({placeholders(len(chunk))})"  # noqa: S608
            with self.db.locked() as connection:
                rows = connection.execute(query, chunk).fetchall()
            found.update({row[0]: (row[1], row[2]) for row in rows})
        return found

    def record_failure(self, url: str, attempts: int, reason: str) -> None:
        with self.db.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO media_failures VALUES (?, ?, ?)", (url, attempts, reason)
            )
