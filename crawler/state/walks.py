"""The walks: which listings a run has walked to their end (table ``listing_walks``).

An incremental run stops walking a listing at the first page with nothing new.  That
is right only once some earlier run walked that listing to its end: after a walk cut
short (a listing page that failed, an article of it that could not be fetched, a run
killed) the newest articles are known and every walk that stops early would stop above
the older ones, which would then never be archived.  So each listing keeps its own
record: a listing with a complete walk is walked until a page brings nothing new; one
without is walked to its end again (an incremental run then asks only for the articles
it does not know).  A listing page that answers 404 or 410 ends its listing as an empty
page past the end does.  Runs that leave a listing incomplete are counted, so that one
that never completes is told (a health rule), not paid for in silence every run.

The record is kept in the state, so it goes wherever the state goes.  State files
written before listings had records of their own hold complete walks per site and
scope (table ``walks``): until a run records a listing of that site, a listing with no
record of its own is complete when such a walk covers its site; from then on, that
site's old walk is gone (a listing added later is walked to its end).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

logger = logging.getLogger(__name__)

ENDED, BROKEN, DEAD_PAGES = "walk/ended", "walk/broken", "walk/dead_pages"
"""Stats in which a crawl notes its walks as they go: the start points whose walk reached
its end; [start, reason] of those cut short (the first reason of each); [URL, reason] of
listing pages that answered 404 or 410.  Lists, so that a shared crawl's workers add up
(:mod:`crawler.scaleout.merge`)."""


@dataclass(frozen=True)
class ListingWalk:
    """What the state knows of one listing's walks."""

    listing: str
    """The listing's start point (its URL without credentials)."""
    site: str
    completed_at: datetime | None = None
    """When a run last walked it to its end; None: never, or a later walk was cut short."""
    incomplete_runs: int = 0
    """How many runs in a row left it incomplete (0 after a complete walk)."""
    reason: str | None = None
    """Why the last of them did."""

    @property
    def complete(self) -> bool:
        return self.completed_at is not None


@dataclass(frozen=True)
class WalkOutcome:
    """How this run's walk of one listing ended."""

    listing: str
    site: str
    reason: str | None = None
    """None: walked to its end; else why not (the first failure that cut it short)."""


class WalkStore(Protocol):
    """Which listings a run has walked to their end: the records, on either backend."""

    def listings(self, urls: list[str]) -> dict[str, ListingWalk]: ...
    def record(self, walks: list[ListingWalk]) -> None: ...
    def site_walked(self, site: str, scopes: tuple[str, ...]) -> datetime | None: ...


def next_walk(old: ListingWalk | None, outcome: WalkOutcome, at: datetime) -> ListingWalk:
    """The record after this run: complete, or incomplete once more (a walk that stopped
    early and then failed is incomplete too: what lay behind the failure is unknown)."""
    if outcome.reason is None:
        return ListingWalk(outcome.listing, outcome.site, at, 0, None)
    runs = (old.incomplete_runs if old is not None else 0) + 1
    return ListingWalk(outcome.listing, outcome.site, None, runs, outcome.reason)


def walk_scopes(lang: str | None, start_urls: list[str]) -> tuple[str, ...]:
    """The scopes of the per-site walks of earlier state files that cover a run: its
    language (covered by ``lang:all`` too), or exactly its start URLs."""
    if start_urls:
        digest = hashlib.sha256("\n".join(sorted(start_urls)).encode()).hexdigest()[:16]
        return (f"start:{digest}",)
    return (f"lang:{lang}", "lang:all") if lang else ("lang:all",)


def known_walks(
    store: WalkStore, listings: Mapping[str, str], scopes: tuple[str, ...]
) -> dict[str, ListingWalk]:
    """The record of each of ``listings`` (URL -> site); a listing with none is complete
    when an earlier state file's walk of its site covers ``scopes``."""
    found = store.listings(list(listings))
    for listing, site in listings.items():
        if listing not in found and (walked := store.site_walked(site, scopes)) is not None:
            found[listing] = ListingWalk(listing, site, walked, 0, None)
    return found


def default_mode(walks: Mapping[str, ListingWalk], known: bool) -> str:
    """``incremental`` once one of the run's listings has a complete walk (the others are
    walked to their end within it), else ``full``."""
    if any(walk.complete for walk in walks.values()):
        return "incremental"
    if known:
        logger.info(
            "mode full: no earlier run walked a listing of this run to its end (interrupted,"
            " limited or failed); incremental runs begin once one has"
        )
    return "full"


def stopping_early(walks: Mapping[str, ListingWalk], mode: str) -> frozenset[str]:
    """The listings an incremental run walks until a page brings nothing new: those
    walked to their end before (a full run walks every listing to its end)."""
    if mode != "incremental":
        return frozenset()
    return frozenset(url for url, walk in walks.items() if walk.complete)
