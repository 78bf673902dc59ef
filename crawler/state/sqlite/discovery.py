"""The ``site_pages`` table: what discovery found each page a site's menus link to be
(:mod:`crawler.state.discovery` says what it means)."""

from __future__ import annotations

from datetime import datetime

from crawler.state.discovery import SitePage
from crawler.state.sqlite.database import Database, placeholders

SCHEMA = """
CREATE TABLE IF NOT EXISTS site_pages (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    verdict TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    checked_at TEXT,
    in_menu_at TEXT,
    articles INTEGER NOT NULL,
    reason TEXT,
    misses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS site_pages_site ON site_pages (site);
"""


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _text(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class Discovery:
    """The ``site_pages`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def of_sites(self, sites: list[str]) -> list[SitePage]:
        """Every page judged of ``sites``, in the order they were first seen."""
        if not sites:
            return []
        query = f"SELECT * FROM site_pages WHERE site IN ({placeholders(len(sites))}) ORDER BY first_seen, url"  # noqa: S608, E501
        with self.db.locked() as connection:
            rows = connection.execute(query, sites).fetchall()
        return [
            SitePage(
                row[0],
                row[1],
                row[2],
                datetime.fromisoformat(row[3]),
                _time(row[4]),
                _time(row[5]),
                row[6],
                row[7],
                row[8],
            )
            for row in rows
        ]

    def record(self, pages: list[SitePage]) -> None:
        """Keep these records (one transaction)."""
        with self.db.transaction() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO site_pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        p.url,
                        p.site,
                        p.verdict,
                        p.first_seen.isoformat(),
                        _text(p.checked_at),
                        _text(p.in_menu_at),
                        p.articles,
                        p.reason,
                        p.misses,
                    )
                    for p in pages
                ],
            )
