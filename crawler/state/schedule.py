"""The revisit policy: which known articles a run fetches again, and when.

Kept in the state file (table ``schedule``): per article, when it was last fetched and
last changed, its validators (``ETag``, ``Last-Modified``) and when it is next due.
The policy is adaptive, in the manner of Heritrix's and StormCrawler's adaptive
schedulers:

- an article that changed (or is new) comes back after ``REVISIT_MIN_HOURS``;
- one that did not change waits twice as long as last time, up to ``REVISIT_MAX_DAYS``;
- recent articles (imported in the last ``REVISIT_RECENT_DAYS``) are due on every run,
  because that is when a ministry corrects and updates its news.

Writes happen when an outcome is known: after the store confirms a new version, or
when a fetch finds the article unchanged (a 304, or the same content).
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from datetime import UTC, date, datetime, timedelta

from scrapy.settings import BaseSettings

from crawler.state.sqlite import Database, placeholders
from schemas.models import ArchivedArticle

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


@dataclass(frozen=True)
class Policy:
    """The revisit intervals (settings ``REVISIT_*``, whose defaults are in settings.py)."""

    min_interval: timedelta
    max_interval: timedelta
    recent: timedelta
    overdue_grace: timedelta

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Policy:
        return cls(
            min_interval=timedelta(hours=settings.getfloat("REVISIT_MIN_HOURS")),
            max_interval=timedelta(days=settings.getfloat("REVISIT_MAX_DAYS")),
            recent=timedelta(days=settings.getfloat("REVISIT_RECENT_DAYS")),
            overdue_grace=timedelta(hours=settings.getfloat("REVISIT_OVERDUE_HOURS")),
        )


@dataclass(frozen=True)
class Revisit:
    """A known article to fetch again, with the validators of its last fetch."""

    canonical_url: str
    url: str
    category: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Observation:
    """What a fetch of an article found out."""

    canonical_url: str
    url: str
    site: str
    category: str | None
    imported_date: date | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    changed: bool


def article_observation(
    article: ArchivedArticle,
    changed: bool,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Observation:
    """What fetching ``article`` told the schedule."""
    return Observation(
        canonical_url=article.canonical_url,
        url=article.url,
        site=article.site,
        category=article.category,
        imported_date=article.imported_date,
        etag=etag,
        last_modified=last_modified,
        fetched_at=article.fetched_at,
        changed=changed,
    )


@dataclass(frozen=True)
class Entry:
    """One article's schedule (a row of the table, a hash in Redis): times as ``stamp``s."""

    canonical_url: str
    url: str
    site: str
    category: str | None
    imported_date: str | None
    etag: str | None
    last_modified: str | None
    last_fetched: str
    last_changed: str | None
    interval_seconds: float
    next_due: str


COLUMNS = ", ".join(field.name for field in fields(Entry))


def next_entry(old: Entry | None, seen: Observation, policy: Policy) -> Entry:
    """An article's schedule after a fetch's outcome (``old``: before it, if known).

    What this fetch did not learn (a 304 has no import date; a server may send no
    validators) is kept from the earlier fetch."""
    minimum = policy.min_interval.total_seconds()
    changed_at: str | None
    if old is None or seen.changed:
        interval, changed_at = minimum, stamp(seen.fetched_at)
    else:
        interval = min(max(old.interval_seconds, minimum) * 2, policy.max_interval.total_seconds())
        changed_at = old.last_changed
    return Entry(
        canonical_url=seen.canonical_url,
        url=seen.url,
        site=seen.site,
        category=seen.category or (old.category if old else None),
        imported_date=(
            seen.imported_date.isoformat()
            if seen.imported_date
            else (old.imported_date if old else None)
        ),
        etag=seen.etag or (old.etag if old else None),
        last_modified=seen.last_modified or (old.last_modified if old else None),
        last_fetched=stamp(seen.fetched_at),
        last_changed=changed_at,
        interval_seconds=interval,
        next_due=stamp(seen.fetched_at + timedelta(seconds=interval)),
    )


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


def stamp(moment: datetime) -> str:
    """A UTC time as stored: fixed width, so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
