"""The platform's spider, its discovery: the pages a home page's menus lead to, fetched
and judged, and the listings among them walked (:mod:`crawler.spiders.discovery` says
what is found and kept).

A base class of :class:`crawler.spiders.mfa.MfaSpider`, between it and
:class:`crawler.spiders.listing.ListingSpider`; ``discovery`` is set when the crawl
starts (None: discovery is off, or the run was given its start URLs).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.platforms.reading import PageReading
from crawler.redact import redact_text, redact_url
from crawler.spiders.discovery import CANDIDATE, Discovery
from crawler.spiders.listing import ListingSpider
from crawler.spiders.pages import WALK_FIRST, WALK_PAGE, WALK_START, classify_failure, slot
from crawler.state.discovery import UNFETCHED
from crawler.urls import canonical_url, listing_key, path_segments

logger = logging.getLogger("crawler.spiders.mfa")
GONE_STATUSES = (404, 410)
REDIRECTS = (301, 302, 303, 307, 308)


def is_home_page(url: str) -> bool:
    """``/<lang>``: a site's home page in one language, where its menus are read."""
    return len(path_segments(url)) == 1 and not urlsplit(url).query


class CandidateSpider(ListingSpider):
    """Home pages' menus, the pages they lead to, and the listings found among them."""

    discovery: Discovery | None = None
    _walked_keys: set[str] | None = None
    start_points: list[str]
    crawl_sites: list[str]

    def _discover(self) -> None:
        """Discovery on, unless the run was given its start URLs or the setting is off:
        the listings earlier runs found become start points too (after the home pages
        and the registry's hints)."""
        settings = self.crawler.settings
        if self.arguments.start_urls or not settings.getbool("DISCOVERY_ENABLED"):
            return
        self.discovery = Discovery(
            self.crawler.stats,
            self.context.state.discovery.of_sites(self.crawl_sites),
            settings.getint("DISCOVERY_MAX_PAGES"),
            timedelta(days=settings.getfloat("DISCOVERY_RECHECK_DAYS")),
            datetime.now(UTC),
            self.walk.marks,
        )
        origins = self.walk.origins
        given = {listing_key(redact_url(url), origins) for url in self.start_points}
        for site in self.crawl_sites:
            for url in self.discovery.listings(site, self.arguments.lang):
                if url not in given:
                    given.add(url)
                    self.start_points.append(url)

    def _walked(self) -> set[str]:
        """The listing keys of the run's start points (a registry hint spelled another
        way is the same listing)."""
        if self._walked_keys is None:
            origins = self.walk.origins
            self._walked_keys = {listing_key(u, origins) for u in self.context.scope.listings}
        return self._walked_keys

    def _candidates(self, response: TextResponse, read: PageReading) -> Iterator[Any]:
        """Requests for the pages the home page's menus lead to that are worth a look
        (each asked on the site's own origin, under its listing key)."""
        if self.discovery is None or read.page is None:
            return
        site = urlsplit(canonical_url(response.url, self.walk.origins)).netloc
        links = [listing_key(url, self.walk.origins) for url in read.page.sections]
        for url in self.discovery.candidates(site, links, self._walked()):
            yield self._candidate_request(site, url)

    def _candidate_request(self, site: str, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_candidate,
            errback=self.on_candidate_error,
            meta={
                "download_slot": slot(url),
                CANDIDATE: [site, url],
                # a redirect is read here: the link is judged, its target asked once
                "dont_redirect": True,
                "handle_httpstatus_list": [*REDIRECTS, *GONE_STATUSES],
            },
            dont_filter=True,  # asked once a run already; a drop would leave no verdict
        )

    def parse_candidate(self, response: Response) -> Iterator[Any]:
        """A page a menu led to: a listing (walked now), an article (archived), or
        neither (noted) -- under the link the menu gave, wherever it redirected."""
        assert self.discovery is not None
        site, url = response.meta[CANDIDATE]
        if response.status in GONE_STATUSES:
            self.discovery.judged(site, url, "gone", f"HTTP {response.status}")
            return
        if response.status in REDIRECTS:  # no page of its own; its target may be
            yield from self._redirected(site, url, response)
            return
        if not isinstance(response, TextResponse):
            self.discovery.judged(site, url, "other", "not an HTML page")
            return
        read = self._read(response)
        self.discovery.judged(site, url, read.kind, read.problem)
        if read.kind == "listing":
            logger.info("discovered the listing %s", url)
            yield from self._listing(response, read, start=url, followed=1)
        elif read.kind == "article" and self.walk.claim(response.url):
            marked = canonical_url(response.url, self.walk.origins)  # as the claim marked it
            yield self._article(response, read, None, marked)

    def _redirected(self, site: str, url: str, response: Response) -> Iterator[scrapy.Request]:
        """A candidate that redirects: judged not a listing (it leads elsewhere); its
        target on the same site, if nothing asked for it yet, is a candidate of its own."""
        assert self.discovery is not None
        location = (response.headers.get(b"Location") or b"").decode("latin-1").strip()
        target = listing_key(urljoin(response.url, location), self.walk.origins)
        self.discovery.judged(site, url, "other", f"leads to {target}")
        same_site = urlsplit(target).netloc == site and location
        if same_site and target not in self._walked() and self.discovery.claim(target):
            yield self._candidate_request(site, target)

    def _missed(self, start: str, kind: str) -> None:
        """The first page of a discovered listing read as something else now: noted, and
        the listing dropped once that has happened ``GONE_AFTER_RUNS`` runs in a row."""
        if self.discovery is not None and self.discovery.is_listing(start):
            reason = (
                "its first page reads as an article now"
                if kind == "article"
                else "no article cards on its first page"
            )
            self.discovery.gone(start, reason)

    def on_candidate_error(self, failure: Failure) -> None:
        """A candidate that could not be fetched: not judged, so a later run asks again;
        counted and listed in the summary, never a failure of the run (no article of it
        is known to be lost).  One refused on purpose (robots.txt, the address filter,
        the size cap) is judged not a listing: asking again would be refused again."""
        failed = classify_failure(failure)
        if failed.kind == "retrying":
            return
        request = getattr(failure, "request", None)
        if failed.kind == "refused" and self.discovery is not None and request is not None:
            # robots.txt, the address filter, the size cap: asking again would be refused again
            site, url = request.meta[CANDIDATE]
            self.discovery.judged(site, url, "other", f"refused: {failed.reason}")
            return
        self.crawler.stats.inc_value("discovery/unfetched")
        entry = [redact_url(failed.url), redact_text(failed.reason)]
        found = self.crawler.stats.get_value(UNFETCHED, [])
        self.crawler.stats.set_value(UNFETCHED, [*found, entry][:20])
        logger.info("could not look at %s: %s", failed.url, failed.reason)

    def _listing_gone(self, failure: Failure) -> bool:
        """Whether a failure is the first page of a listing found by discovery answering
        404 or 410: the listing is gone (said in the summary, no longer walked), not a
        failure of the run."""
        request = getattr(failure, "request", None)
        if self.discovery is None or request is None:
            return False
        meta = request.meta
        start = meta.get(WALK_START)
        if not (start and meta.get(WALK_PAGE) and meta.get(WALK_FIRST)):
            return False
        failed = classify_failure(failure)
        if failed.gone and self.discovery.is_listing(start):
            self.discovery.gone(start, f"its first page answers {failed.reason}")
            self.walk_log.ended(start)
            return True
        return False
