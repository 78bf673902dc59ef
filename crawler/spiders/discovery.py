"""Discovery: a site's listings found by reading its home pages' menus.

A site of the registry needs nothing but its host name.  Its home page in each language
is a start point, read with its menus (:mod:`crawler.platforms.mfa.menus`); each page
the menus lead to that the state knows nothing of (or judged not a listing long enough
ago) is fetched once, within a budget of pages per site per run, through the same
download slot, robots.txt and politeness as every other request.  A candidate that reads
as a page of article cards is a listing: walked at once, page by page to its end, and a
start point of every later run (:mod:`crawler.state.discovery`); one that reads as an
article is archived as any article; anything else is noted as not a listing.  A listing
found before is walked whether the menus still name it or not, until its first page
answers nothing (404, 410, no cards): it is then ``gone``, and said so in the summary.

What the run learns goes to the stats (lists and counters, so that a shared crawl's
workers add up) and is kept in the state when the run ends
(:mod:`crawler.runs.discovery`).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from scrapy.statscollectors import StatsCollector

from crawler.marks import LocalMarks, Marks
from crawler.redact import redact_text, redact_url
from crawler.state.discovery import (
    CHECKED,
    GONE,
    LINKED,
    LISTING,
    NOT_LISTING,
    OVER_BUDGET,
    SHOWN,
    SitePage,
)
from crawler.urls import language_of, url_key

DISCOVER = "discover"
"""Request meta: read the page's menus (a site's home page)."""
ASKED = "discovery:asked"
"""Marks: the pages this run asked for to learn what they are."""
CANDIDATE = "candidate"
"""Request meta: the site of a page a menu leads to, fetched to learn what it is."""


class Discovery:
    """What the state knows of the sites' pages, and what this run learns of them.

    Pages are known by their listing key (:func:`crawler.urls.listing_key`): one listing
    linked under an alias host, with a trailing slash or lower-case escapes is one."""

    def __init__(
        self,
        stats: StatsCollector,
        known: list[SitePage],
        budget: int,
        recheck: timedelta,
        now: datetime,
        marks: Marks | None = None,
    ) -> None:
        self.stats = stats
        self.marks = marks if marks is not None else LocalMarks()
        """Which pages this run asked for: this process's, or the shared crawl's (two
        workers never both ask for one page: a redirect's target is met by either)."""
        self.known = {page.url: page for page in known}
        self.budget, self.recheck, self.now = budget, recheck, now
        self.fetched: Counter[str] = Counter()
        """Candidates requested per site this run (by this process)."""
        self.asked: set[str] = set()
        self.found: set[str] = set()
        """Listings this run found."""
        self.linked: set[str] = set()

    def listings(self, site: str, lang: str | None) -> list[str]:
        """The listings of ``site`` found by earlier runs (in ``lang``, if given)."""
        return [
            page.url
            for page in self.known.values()
            if page.site == site
            and page.verdict == LISTING
            and (lang is None or language_of(page.url) == lang)
        ]

    def is_listing(self, url: str) -> bool:
        """Whether ``url`` is a listing an earlier run found (not one of the registry)."""
        page = self.known.get(redact_url(url))
        return page is not None and page.verdict == LISTING

    def walks(self, start: str) -> bool:
        """Whether the walk of ``start`` is a discovered listing's (found before or now):
        paged with ``?p=N`` whatever its path's form, its article links counted."""
        return self.is_listing(start) or redact_url(start) in self.found

    def candidates(self, site: str, links: list[str], walked: set[str]) -> list[str]:
        """The pages of ``links`` (listing keys of a home page's menus) to fetch now: none
        that is walked already, known for a listing, or judged not one recently (a gone
        listing a menu names again is looked at at once); at most the budget per site."""
        wanted = []
        for url in dict.fromkeys(links):
            known = self.known.get(url)
            if known is not None and url not in self.linked:  # when a menu last named it
                self.linked.add(url)
                self._append(LINKED, [site, url])
            if url in walked or url in self.asked:
                continue
            due = known is None or known.verdict == GONE
            if not due and known is not None and not known.due_for_check(self.now, self.recheck):
                continue
            if self.fetched[site] >= self.budget:
                self.stats.inc_value(f"{OVER_BUDGET}{site}")
                continue
            if not self.claim(url):
                continue
            self.fetched[site] += 1
            wanted.append(url)
        return wanted

    def claim(self, url: str) -> bool:
        """Whether ``url`` is not asked for yet this run, by this process or another
        worker of the crawl (it is, from now on)."""
        if url in self.asked:
            return False
        self.asked.add(url)
        return self.marks.add(ASKED, [url_key(url)])[0]

    def judged(self, site: str, url: str, kind: str, reason: str | None = None) -> None:
        """A candidate fetched and read: ``kind`` as the reader says (``listing``,
        ``article``, ``other``), or an HTTP status that says it is not there."""
        verdict = LISTING if kind == "listing" else NOT_LISTING
        if verdict == LISTING:
            self.found.add(redact_url(url))
        why = None if verdict == LISTING else (reason or _KINDS.get(kind, kind))
        self._append(CHECKED, [site, redact_url(url), verdict, why and redact_text(why)])
        self.stats.inc_value(f"discovery/{'listings' if verdict == LISTING else 'not_listings'}")

    def gone(self, url: str, reason: str) -> None:
        """A listing found before answered nothing on its first page (once more)."""
        site = urlsplit(url).netloc.lower()
        self._append(CHECKED, [site, redact_url(url), GONE, redact_text(reason)])
        self.stats.inc_value("discovery/missed")

    def shown(self, start: str, count: int) -> None:
        """A page of the discovered listing ``start`` showed ``count`` article links it
        had not shown yet this run (counters: a shared crawl's workers add up)."""
        if count and self.walks(start):
            self.stats.inc_value(f"{SHOWN}{redact_url(start)}", count)

    def _append(self, key: str, value: object) -> None:
        """One note more (in place: a first full run notes hundreds)."""
        found = self.stats.get_value(key)
        if isinstance(found, list):
            found.append(value)
        else:
            self.stats.set_value(key, [value])


_KINDS = {
    "article": "an article (archived as one), not a listing",
    "other": "no article cards: not a listing",
}
