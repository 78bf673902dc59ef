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
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure
from w3lib.url import safe_url_string

from crawler.platforms.reading import PageReading
from crawler.redact import redact_text, redact_url
from crawler.spiders.discovery import CANDIDATE, Discovery
from crawler.spiders.listing import ListingSpider
from crawler.spiders.pages import WALK_FIRST, WALK_PAGE, WALK_START, classify_failure, slot
from crawler.state.discovery import UNFETCHED
from crawler.urls import canonical_url, path_segments

logger = logging.getLogger("crawler.spiders.mfa")
GONE_STATUSES = (404, 410)


def is_home_page(url: str) -> bool:
    """``/<lang>``: a site's home page in one language, where its menus are read."""
    return len(path_segments(url)) == 1 and not urlsplit(url).query


class CandidateSpider(ListingSpider):
    """Home pages' menus, the pages they lead to, and the listings found among them."""

    discovery: Discovery | None = None
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
        )
        given = {redact_url(url) for url in self.start_points}
        for site in self.crawl_sites:
            for url in self.discovery.listings(site, self.arguments.lang):
                if url not in given:
                    given.add(url)
                    self.start_points.append(url)

    def _candidates(self, response: TextResponse, read: PageReading) -> Iterator[Any]:
        """Requests for the pages the home page's menus lead to that are worth a look."""
        if self.discovery is None or read.page is None:
            return
        site = urlsplit(canonical_url(response.url, self.walk.origins)).netloc
        walked = set(self.context.scope.listings)
        links = [safe_url_string(url) for url in read.page.sections]
        for url in self.discovery.candidates(site, links, walked):
            yield scrapy.Request(
                url,
                callback=self.parse_candidate,
                errback=self.on_candidate_error,
                meta={
                    "download_slot": slot(url),
                    CANDIDATE: site,
                    "handle_httpstatus_list": list(GONE_STATUSES),
                },
            )

    def parse_candidate(self, response: Response) -> Iterator[Any]:
        """A page a menu led to: a listing (walked now), an article (archived), or
        neither (noted)."""
        assert self.discovery is not None
        site = str(response.meta[CANDIDATE])
        url = redact_url(response.request.url if response.request else response.url)
        if response.status in GONE_STATUSES:
            self.discovery.judged(site, url, "gone", f"HTTP {response.status}")
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
            yield self._article(response, read, None)

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
            site = str(request.meta[CANDIDATE])
            self.discovery.judged(site, failed.url, "other", f"refused: {failed.reason}")
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
