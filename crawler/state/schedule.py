"""The revisit policy: which known articles a run fetches again, and when.

Kept in the state (the SQLite file's table ``schedule``, or Redis): per article, when
it was last fetched and last changed, its validators (``ETag``, ``Last-Modified``) and
when it is next due.
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

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from scrapy.settings import BaseSettings

from schemas.models import ArchivedArticle


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


def stamp(moment: datetime) -> str:
    """A UTC time as stored: fixed width, so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
