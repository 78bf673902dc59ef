"""What discovery has learnt of each site's pages: which are listings, which are not.

A site is its host name: the crawler finds its listings by reading the home pages'
menus (:mod:`crawler.spiders.discovery`).  Every page a menu linked and the crawler
fetched is judged once by its content and the verdict kept here, so that the next run
starts from the listings found (no home page has to lead to them again) and does not
fetch, every run, the pages that were not listings:

- ``listing``: a page of article cards; walked by every run from now on, whether the
  menus still name it or not, until it answers nothing (then ``gone``);
- ``not_listing``: an article, a page of text, an error page, a 404; checked again
  once it is older than the recheck age (a section opened empty may fill later);
- ``gone``: a listing whose first page answered nothing (404 or 410, no cards, an
  article) in ``GONE_AFTER_RUNS`` runs in a row; looked at again as soon as a menu
  names it, else like ``not_listing``.

Kept in the state, so it goes wherever the state goes; it describes the sites, not
the archive, so a reset of the archive's versions keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

LISTING, NOT_LISTING, GONE = "listing", "not_listing", "gone"
LINKED, CHECKED = "discovery/linked", "discovery/checked"
SHOWN, OVER_BUDGET = "discovery/shown/", "discovery/over_budget/"
UNFETCHED = "discovery/unfetched_urls"
"""Stats in which a crawl notes what it learns as it goes: [site, URL] of each known page
a home page's menus named; [site, URL, verdict, reason] of each page judged; per
discovered listing (``SHOWN<URL>``), the article links its pages showed for the first
time this run; [URL, reason] of pages that could not be looked at; per site
(``OVER_BUDGET<site>``), the pages left for the next runs.  Lists and counters, so that
a shared crawl's workers add up; each bounded by the pages judged, not the links seen."""
GONE_AFTER_RUNS = 2
"""Runs in a row a listing's first page must answer nothing before it is dropped: one
maintenance page or one stray 404 drops nothing."""


@dataclass(frozen=True)
class SitePage:
    """One page of a site that a menu linked, and what the crawler found it to be."""

    url: str
    """The page's URL as the menu linked it (without credentials, fragment or page number)."""
    site: str
    """The site's canonical host (``host[:port]``)."""
    verdict: str
    """``listing``, ``not_listing`` or ``gone`` (see the module)."""
    first_seen: datetime
    """When a run first found it linked."""
    checked_at: datetime | None = None
    """When a run last fetched and judged it (None: linked, never fetched yet)."""
    in_menu_at: datetime | None = None
    """When a run last found it linked from a home page."""
    articles: int = 0
    """The most distinct article links one run's walk of it showed (a listing)."""
    reason: str | None = None
    """What it read as, when not a listing; why it is gone (or missed)."""
    misses: int = 0
    """Runs in a row its first page answered nothing (a listing; gone at
    ``GONE_AFTER_RUNS``)."""

    def due_for_check(self, now: datetime, recheck: timedelta) -> bool:
        """Whether a run fetches it as a candidate: never checked, or not a listing and
        last checked longer ago than ``recheck`` (a listing is walked, not checked)."""
        if self.verdict == LISTING:
            return False
        return self.checked_at is None or now - self.checked_at >= recheck


@dataclass(frozen=True)
class Observed:
    """What one run saw of one page (each field None when the run saw nothing of it)."""

    url: str
    site: str
    linked: bool = False
    verdict: str | None = None
    reason: str | None = None
    articles: int = 0


def next_page(old: SitePage | None, seen: Observed, at: datetime) -> SitePage:
    """The record after this run: a new verdict replaces the old one, but a listing
    stays one until its first page has answered nothing ``GONE_AFTER_RUNS`` runs in a
    row (a walk that showed articles starts the count again); a link only moves
    ``in_menu_at``; the article count keeps its highest."""
    page = old or SitePage(seen.url, seen.site, NOT_LISTING, at)
    if seen.linked:
        page = replace(page, in_menu_at=at)
    if seen.verdict == GONE:
        misses = page.misses + 1
        kept = page.verdict == LISTING and misses < GONE_AFTER_RUNS
        page = replace(
            page,
            verdict=LISTING if kept else GONE,
            checked_at=at,
            reason=seen.reason,
            misses=misses,
        )
    elif seen.verdict is not None:
        page = replace(page, verdict=seen.verdict, checked_at=at, reason=seen.reason, misses=0)
    elif seen.articles and page.verdict == LISTING:
        page = replace(page, misses=0, reason=None)
    if seen.articles > page.articles:
        page = replace(page, articles=seen.articles)
    return page


def merged(observations: Iterable[Observed]) -> dict[str, Observed]:
    """One observation per URL: a run may note a page several times (linked from both
    home pages, checked by one worker, its cards counted by others); ``gone`` and
    ``listing`` verdicts win over ``not_listing`` (the walk's word over the check's)."""
    rank = {None: 0, NOT_LISTING: 1, LISTING: 2, GONE: 3}
    found: dict[str, Observed] = {}
    for seen in observations:
        old = found.get(seen.url)
        if old is None:
            found[seen.url] = seen
            continue
        verdict, reason = (
            (seen.verdict, seen.reason)
            if rank[seen.verdict] > rank[old.verdict]
            else (old.verdict, old.reason)
        )
        found[seen.url] = Observed(
            seen.url,
            old.site,
            old.linked or seen.linked,
            verdict,
            reason,
            old.articles + seen.articles,
        )
    return found


class DiscoveryStore(Protocol):
    """The pages of each site discovery judged, on either backend."""

    def of_sites(self, sites: list[str]) -> list[SitePage]: ...
    def record(self, pages: list[SitePage]) -> None: ...
