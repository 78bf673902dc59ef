"""The ``captures`` table (:mod:`crawler.state.captures`): URL -> its last full capture."""

from __future__ import annotations

from crawler.state.captures import Capture
from crawler.state.sqlite.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS captures (
    url TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    date TEXT NOT NULL
);
"""


class Captures:
    """The ``captures`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, url: str) -> Capture | None:
        with self.db.locked() as connection:
            row = connection.execute(
                "SELECT digest, date FROM captures WHERE url = ?", (url,)
            ).fetchone()
        return Capture(url, row[0], row[1]) if row else None

    def add(self, captures: list[Capture]) -> None:
        with self.db.transaction() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO captures VALUES (?, ?, ?)",
                [(c.url, c.digest, c.date) for c in captures],
            )

    def clear(self) -> None:
        with self.db.transaction() as connection:
            connection.execute("DELETE FROM captures")
