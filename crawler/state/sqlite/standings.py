"""The ``standings`` table (:mod:`crawler.state.standings`): articles not live."""

from __future__ import annotations

from datetime import datetime

from crawler.state.sqlite.database import Database, placeholders
from crawler.state.standings import Standing

SCHEMA = """
CREATE TABLE IF NOT EXISTS standings (
    canonical_url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    since TEXT NOT NULL,
    evidence TEXT NOT NULL
);
"""


def _standing(row: tuple[str, str, str, str, str]) -> Standing:
    return Standing(row[0], row[1], row[2], datetime.fromisoformat(row[3]), row[4])


class Standings:
    """The ``standings`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, canonical_url: str) -> Standing | None:
        with self.db.locked() as connection:
            row = connection.execute(
                "SELECT * FROM standings WHERE canonical_url = ?", (canonical_url,)
            ).fetchone()
        return _standing(row) if row else None

    def absent(self, sites: list[str] | None = None) -> list[Standing]:
        query, args = "SELECT * FROM standings", ()
        if sites is not None:
            query += f" WHERE site IN ({placeholders(len(sites))})"
            args = tuple(sites)  # type: ignore[assignment]
        with self.db.locked() as connection:
            rows = connection.execute(query + " ORDER BY since", args).fetchall()
        return [_standing(row) for row in rows]

    def put(self, standing: Standing) -> None:
        with self.db.locked() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO standings VALUES (?, ?, ?, ?, ?)",
                (
                    standing.canonical_url,
                    standing.site,
                    standing.kind,
                    standing.since.isoformat(),
                    standing.evidence,
                ),
            )

    def drop(self, canonical_url: str) -> None:
        with self.db.locked() as connection:
            connection.execute("DELETE FROM standings WHERE canonical_url = ?", (canonical_url,))

    def clear(self) -> None:
        with self.db.locked() as connection:
            connection.execute("DELETE FROM standings")
