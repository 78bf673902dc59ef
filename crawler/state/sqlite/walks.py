"""The ``listing_walks`` table (and the per-site ``walks`` of earlier state files): the
record of each listing's walk (:mod:`crawler.state.walks` says what it means)."""

from __future__ import annotations

from datetime import datetime

from crawler.state.sqlite.database import Database, placeholders
from crawler.state.walks import ListingWalk

SCHEMA = """
CREATE TABLE IF NOT EXISTS walks (
    site TEXT NOT NULL,
    scope TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    PRIMARY KEY (site, scope)
);
CREATE TABLE IF NOT EXISTS listing_walks (
    listing TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    completed_at TEXT,
    incomplete_runs INTEGER NOT NULL,
    reason TEXT
);
"""


class Walks:
    """The ``listing_walks`` table, and the per-site ``walks`` of earlier state files."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def listings(self, urls: list[str]) -> dict[str, ListingWalk]:
        """The records of those of ``urls`` that have one."""
        if not urls:
            return {}
        query = f"SELECT * FROM listing_walks WHERE listing IN ({placeholders(len(urls))})"  # noqa: S608
        with self.db.locked() as connection:
            rows = connection.execute(query, urls).fetchall()
        return {
            row[0]: ListingWalk(
                row[0], row[1], datetime.fromisoformat(row[2]) if row[2] else None, row[3], row[4]
            )
            for row in rows
        }

    def record(self, walks: list[ListingWalk]) -> None:
        """Keep these records (one transaction); the per-site walks of an earlier state
        file are retired for their sites then (a listing added later must not pass for
        walked on the strength of a walk that never saw it)."""
        with self.db.transaction() as connection:
            connection.executemany(
                "DELETE FROM walks WHERE site = ?", [(site,) for site in {w.site for w in walks}]
            )
            connection.executemany(
                "INSERT OR REPLACE INTO listing_walks VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        w.listing,
                        w.site,
                        w.completed_at.isoformat() if w.completed_at else None,
                        w.incomplete_runs,
                        w.reason,
                    )
                    for w in walks
                ],
            )

    def site_walked(self, site: str, scopes: tuple[str, ...]) -> datetime | None:
        """When a run walked ``site`` to the end in one of ``scopes``, as state files kept
        it before listings had records of their own (None: never)."""
        query = f"SELECT max(completed_at) FROM walks WHERE site = ? AND scope IN ({placeholders(len(scopes))})"  # noqa: S608, E501
        with self.db.locked() as connection:
            found = connection.execute(query, (site, *scopes)).fetchone()
        return datetime.fromisoformat(found[0]) if found and found[0] else None
