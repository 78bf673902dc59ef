"""The ``schedule`` table: when each known article is next due (:mod:`crawler.state.schedule`
says how that is decided)."""

from __future__ import annotations

from dataclasses import astuple, fields
from datetime import date, datetime

from crawler.state.schedule import Entry, Observation, Policy, Revisit, next_entry, stamp
from crawler.state.sqlite.database import Database, placeholders

SCHEMA = """
CREATE TABLE IF NOT EXISTS schedule (
    canonical_url TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    site TEXT NOT NULL,
    category TEXT,
    imported_date TEXT,
    etag TEXT,
    last_modified TEXT,
    last_fetched TEXT NOT NULL,
    last_changed TEXT,
    interval_seconds REAL NOT NULL,
    next_due TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS schedule_due ON schedule (site, next_due);
CREATE INDEX IF NOT EXISTS schedule_recent ON schedule (site, imported_date);
"""


COLUMNS = ", ".join(field.name for field in fields(Entry))


class Schedule:
    """The ``schedule`` table: when each known article is next due."""

    def __init__(self, db: Database, policy: Policy) -> None:
        self.db, self.policy = db, policy

    def observe(self, seen: Observation) -> None:
        """Record a fetch's outcome and set when the article is next due."""
        with self.db.locked() as connection:
            row = connection.execute(
                f"SELECT {COLUMNS} FROM schedule WHERE canonical_url = ?",  # noqa: S608
                (seen.canonical_url,),
            ).fetchone()
            entry = next_entry(Entry(*row) if row else None, seen, self.policy)
            connection.execute(
                "INSERT OR REPLACE INTO schedule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                astuple(entry),
            )

    def _recent_since(self, now: datetime) -> str:
        return (now - self.policy.recent).date().isoformat()

    def due(self, sites: list[str], now: datetime) -> list[Revisit]:
        """Known articles of ``sites`` to fetch in a run starting ``now``."""
        marks = placeholders(len(sites))
        columns = "canonical_url, url, category, etag, last_modified"
        where = f"site IN ({marks}) AND (next_due <= ? OR imported_date >= ?)"
        query = f"SELECT {columns} FROM schedule WHERE {where} ORDER BY next_due"  # noqa: S608
        with self.db.locked() as connection:
            cursor = connection.execute(query, (*sites, stamp(now), self._recent_since(now)))
            rows = cursor.fetchall()
        return [Revisit(*row) for row in rows]

    def known(self, canonical_url: str) -> bool:
        with self.db.locked() as connection:
            query = "SELECT 1 FROM schedule WHERE canonical_url = ?"
            return connection.execute(query, (canonical_url,)).fetchone() is not None

    def count(self, sites: list[str] | None = None) -> int:
        with self.db.locked() as connection:
            if sites is None:
                return int(connection.execute("SELECT COUNT(*) FROM schedule").fetchone()[0])
            marks = placeholders(len(sites))
            query = f"SELECT COUNT(*) FROM schedule WHERE site IN ({marks})"  # noqa: S608
            return int(connection.execute(query, sites).fetchone()[0])

    def span(self, site: str) -> tuple[date | None, date | None]:
        """The import dates of the site's oldest and newest known article."""
        query = "SELECT min(imported_date), max(imported_date) FROM schedule WHERE site = ?"
        with self.db.locked() as connection:
            oldest, newest = connection.execute(query, (site,)).fetchone()
        return (
            date.fromisoformat(oldest) if oldest else None,
            date.fromisoformat(newest) if newest else None,
        )

    def overdue(self, sites: list[str], now: datetime) -> list[str]:
        """Articles that should have been fetched by now and were not (the grace aside)."""
        marks = placeholders(len(sites))
        limit = stamp(now - self.policy.overdue_grace)
        query = (
            f"SELECT url FROM schedule WHERE site IN ({marks}) AND next_due < ? ORDER BY next_due"  # noqa: S608
        )
        with self.db.locked() as connection:
            rows = connection.execute(query, (*sites, limit)).fetchall()
        return [row[0] for row in rows]

    def clear(self) -> None:
        with self.db.locked() as connection:
            connection.execute("DELETE FROM schedule")
