"""What the crawl asks of its state, whichever backend keeps it.

Two backends: an SQLite file on this machine (:mod:`crawler.state.sqlite`, the default)
and Redis, shared by every worker of a crawl (:mod:`crawler.state.redis`, chosen by
``REDIS_URL``).  Both keep the same things -- versions, the revisit schedule, the walks,
the standings of articles not live, the WARC captures, the files held by URL and what
discovery found of the sites' pages -- derive what derives from the archive the same way
(all but the walks and discovery's findings, which describe the sites: a state rebuilt
from the archive finds them again from the home pages), and write a version and its
schedule as one atomic step.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Protocol

from crawler.state.captures import CaptureStore
from crawler.state.discovery import DiscoveryStore
from crawler.state.media import MediaStore
from crawler.state.schedule import Observation, Revisit
from crawler.state.standings import Standing, StandingStore
from crawler.state.versions import KnownVersion, VersionRow
from crawler.state.walks import WalkStore
from crawler.storage import StoreUnavailable
from schemas.models import ArchivedArticle


class ArchiveBusy(Exception):
    """Another process holds the archive; the message says which."""


class StateUnavailable(StoreUnavailable):
    """The state cannot take a write now (its disk is full, the file is locked, Redis
    does not answer).  For the store pipeline it is the store being down: the item waits
    in the spool until it answers; commands say it in one line.  Each backend raises it
    for its driver's errors, so nothing above the backends knows which driver failed."""


class VersionStore(Protocol):
    """Which versions of which articles the store has confirmed."""

    def of(self, canonical_url: str) -> list[KnownVersion]: ...
    def touch(self, canonical_url: str, version_key: str, fetched_at: datetime) -> None: ...
    def count(self) -> int: ...
    def all_keys(self) -> set[str]: ...


class ScheduleStore(Protocol):
    """When each known article is next due."""

    def observe(self, seen: Observation) -> None: ...
    def due(self, sites: list[str], now: datetime) -> list[Revisit]: ...
    def known(self, canonical_url: str) -> bool: ...
    def count(self, sites: list[str] | None = None) -> int: ...
    def overdue(self, sites: list[str], now: datetime) -> list[str]: ...
    def span(self, site: str) -> tuple[date | None, date | None]: ...


class State(Protocol):
    """One archive's state, opened once per crawl (or command)."""

    @property
    def versions(self) -> VersionStore: ...
    @property
    def schedule(self) -> ScheduleStore: ...
    @property
    def walks(self) -> WalkStore: ...
    @property
    def captures(self) -> CaptureStore: ...
    @property
    def standings(self) -> StandingStore: ...
    @property
    def discovery(self) -> DiscoveryStore: ...
    @property
    def media(self) -> MediaStore: ...

    def record_version(
        self, article: ArchivedArticle, key: str, reason: str | None, seen: Observation
    ) -> None:
        """A version the store has confirmed and what its fetch tells the schedule: one
        atomic step."""

    def record_revert(self, key: str, seen: Observation) -> None:
        """The page is an earlier stored version again (``key``): it is the latest now."""

    def load(
        self, rows: list[VersionRow], latest: list[Observation], standings: list[Standing]
    ) -> int:
        """Replace everything (the rebuild from the archive), atomically."""

    def guard(self, canonical_url: str) -> AbstractContextManager[None]:
        """Held while one article's version and pointer are written: no other writer of
        the same state writes that article meanwhile."""

    def reset(self) -> None:
        """Forget every version and schedule entry (the archive they described is gone)."""

    def close(self) -> None: ...
