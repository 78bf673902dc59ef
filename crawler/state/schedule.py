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

from crawler.state.media import DUE_AGAIN
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
    media_pending: bool = False
    """A file of the article could not be fetched or stored this time: the article is due
    again at once (the next run fetches it), without validators (a ``304`` would bring
    nothing to fetch the file with)."""


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
        media_pending=media_pending(article),
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


def media_pending(article: ArchivedArticle) -> bool:
    """Whether a file of the article is due again (its reason says "not fetched yet")."""
    return any(
        missing and missing.startswith(DUE_AGAIN) for _url, _file, missing in article.file_entries()
    )


def next_entry(old: Entry | None, seen: Observation, policy: Policy) -> Entry:
    """An article's schedule after a fetch's outcome (``old``: before it, if known).

    What this fetch did not learn (a 304 has no import date; a server may send no
    validators) is kept from the earlier fetch."""
    minimum = policy.min_interval.total_seconds()
    changed_at: str | None
    if old is None or seen.changed:
        interval, changed_at = minimum, stamp(seen.fetched_at)
    elif seen.media_pending:
        interval, changed_at = minimum, old.last_changed
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
        etag=None if seen.media_pending else seen.etag or (old.etag if old else None),
        last_modified=(
            None
            if seen.media_pending
            else seen.last_modified or (old.last_modified if old else None)
        ),
        last_fetched=stamp(seen.fetched_at),
        last_changed=changed_at,
        interval_seconds=interval,
        # a file left for later: due at once, so the next run, whenever it is, fetches it
        next_due=stamp(seen.fetched_at + timedelta(seconds=0 if seen.media_pending else interval)),
    )


def stamp(moment: datetime) -> str:
    """A UTC time as stored: fixed width, so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
