"""``scrapy crawl mfa``: the MFA platform's news, site by site.

Arguments: :mod:`crawler.spiders.arguments`.  Listings are read page by page
(:mod:`crawler.spiders.listing`) and each article once (:mod:`crawler.spiders.walk`);
an incremental run first revisits the
articles the schedule says are due.  The spider only reads pages: storage belongs to
the pipelines, and what the run covers is told to the crawl context when it starts.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from crawler.context import CrawlContext, CrawlScope
from crawler.items import FetchedPage
from crawler.platforms.evidence import CardClaims
from crawler.platforms.mfa import ListingCard
from crawler.platforms.reading import PageReading
from crawler.redact import REDACTED, redact_url
from crawler.registry import Registry
from crawler.spiders import checks
from crawler.spiders.arguments import ARGUMENTS, CrawlArguments, crawl_sites, start_hosts
from crawler.spiders.candidates import CandidateSpider, is_home_page
from crawler.spiders.failures import record_failure
from crawler.spiders.pages import (
    MARKED,
    WALK_FIRST,
    WALK_PAGE,
    WALK_START,
    article_request,
    fetched_page,
    not_modified,
)
from crawler.spiders.spider_settings import identify_and_slot
from crawler.spiders.walk import Walk, WalkLog
from crawler.state.schedule import Revisit
from crawler.state.standings import Check
from crawler.state.walks import default_mode, known_walks, stopping_early, walk_scopes
from crawler.urls import (
    canonical_url,
    language_of,
    page_kind,
)

logger = logging.getLogger(__name__)


class MfaSpider(CandidateSpider):
    """Listings page by page, then each article once (by canonical URL)."""

    name = "mfa"
    registry: Registry
    start_points: list[str]
    allowed_domains: list[str]
    crawl_sites: list[str]
    walk: Walk
    context: CrawlContext

    def __init__(self, **kwargs: Any) -> None:
        given = {name: kwargs.pop(name) for name in ARGUMENTS if name in kwargs}
        self.arguments = CrawlArguments.parse(**given, **kwargs)  # unknown ones refused
        super().__init__()
        self.mode = self.arguments.mode or ""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MfaSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.registry = Registry.load(crawler.settings.get("SITE_REGISTRY"))
        origins = spider.registry.origins()
        discovering = crawler.settings.getbool("DISCOVERY_ENABLED")
        spider.start_points = spider.arguments.start_points(spider.registry, discovering)
        domains: set[str] = set()
        for url in spider.start_points:
            for name in spider.registry.names(urlsplit(url).netloc.lower()):
                domains.add(name.rsplit(":", 1)[0])  # Scrapy's allowed_domains: no ports
        spider.allowed_domains = sorted(domains)
        spider.crawl_sites = crawl_sites(spider.start_points, origins)
        spider.walk = Walk(origins)
        return spider

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Who the crawler is, and the download slots (:mod:`crawler.spiders.spider_settings`)."""
        super().update_settings(settings)
        identify_and_slot(settings)

    def _begin(self) -> None:
        """Tell the crawl context what this run covers (the mode decided now, from the
        state: incremental once a listing of the run was walked to its end)."""
        self.context = CrawlContext.of(self.crawler)
        self.walk.marks = self.context.walk_marks(self.crawler)
        self.walk_log = WalkLog(self.crawler.stats)
        self.crawler.signals.connect(self._dropped, signal=signals.request_dropped)
        state, arguments = self.context.state, self.arguments
        self._discover()
        listings = self.walk.listings(self.start_points)
        scopes = walk_scopes(lang=arguments.lang, start_urls=list(arguments.start_urls))
        walks = known_walks(state.walks, listings, scopes)
        if not self.mode:
            self.mode = default_mode(walks, state.schedule.count(self.crawl_sites) > 0)
        self.stop_early = stopping_early(walks, self.mode)
        self.absent = {s.canonical_url for s in state.standings.absent(self.crawl_sites)}
        self.context.begin(
            CrawlScope(
                sites=self.crawl_sites,
                listings=listings,
                start_hosts=start_hosts(arguments, self.crawl_sites, self.registry),
                allowed_domains=frozenset(d.lower() for d in self.allowed_domains),
                mode=self.mode,
                limited=arguments.limited,
                start_points=tuple(self.start_points),
                lang=arguments.lang,
                job=arguments.job,
            )
        )
        self.crawler.stats.set_value("revisit/mode", self.mode)

    async def start(self) -> AsyncIterator[Any]:
        self._begin()
        articles_only = all(page_kind(u) in ("content", "publicservice") for u in self.start_points)
        if self.mode == "incremental" and not articles_only:
            for revisit in self.context.state.schedule.due(self.crawl_sites, datetime.now(UTC)):
                if self.arguments.lang and language_of(revisit.url) != self.arguments.lang:
                    continue
                self.walk.revisit(revisit.canonical_url)
                # A URL stored with a credential redacted would fetch nothing: use the
                # canonical one, which never carried it.
                url = revisit.canonical_url if REDACTED in revisit.url else revisit.url
                yield self._article_request(
                    url, revisit.category, revisit, marked=revisit.canonical_url
                )
            self.crawler.stats.set_value("revisit/due", self.walk.due)
        started: set[str] = set()  # a start point given twice is requested once
        for url in self.start_points:
            if not page_kind(url):
                home = self.discovery is not None and is_home_page(url)
                yield self._listing_request(url, start=url, followed=1, discover=home)
            elif (identity := canonical_url(url, self.walk.origins)) not in started:
                # an article, or a listing of the /page/ form: marked requested (no card
                # asks for it again), but requested whatever the marks say -- in a shared
                # crawl every worker runs this, and one of them pushes what it yields
                started.add(identity)
                self.walk.claim(url)
                walk = url if redact_url(url) in self.context.scope.listings else None
                yield self._article_request(
                    url, None, walk=walk, listing_page=True, marked=identity
                )

    def _article_request(
        self,
        url: str,
        category: str | None,
        revisit: Revisit | None = None,
        walk: str | None = None,
        listing_page: bool = False,
        card: ListingCard | None = None,
        marked: str | None = None,
    ) -> scrapy.Request:
        claims = CardClaims(card.title, card.card_date, card.image) if card is not None else None
        return article_request(
            url,
            category,
            revisit,
            self.parse_article,
            self.on_error,
            walk,
            listing_page,
            claims,
            marked,
        )

    def parse_article(self, response: Response, category: str | None) -> Iterator[Any]:
        """An article page (or a page of the article path form that is a listing)."""
        stats = self.crawler.stats
        identity = canonical_url(response.url, self.walk.origins)
        if response.status == 304:
            stats.inc_value("revisit/fetched")
            stats.inc_value("revisit/not_modified")
            if identity in self.absent:
                yield checks.present(response.url, identity)
            yield not_modified(response, identity, category)
            return
        if not isinstance(response, TextResponse):
            stats.inc_value("revisit/fetched")
            logger.error(
                "not an HTML page: %s (%s)", response.url, response.headers.get("Content-Type")
            )
            stats.inc_value("archive/not_html")
            return
        read = self._read(response)
        known = self.context.state.schedule.known
        check, goes_on = checks.after_response(
            response, identity, read.kind, known, self.absent, self.walk.origins
        )
        if check is not None:
            yield check
        if not goes_on:  # not the article: only a sign that it is gone
            return
        walk = response.meta.get(WALK_START)
        if walk is not None and response.meta.get(WALK_FIRST) and read.kind != "listing":
            self._missed(walk, read.kind)  # a discovered listing of the /page/ form
        if read.kind == "listing":  # /<lang>/page/<name>?menu=<id>: only the content tells
            yield from self._listing(response, read, start=walk or response.url, followed=1)
            return
        if walk is not None and response.meta.get(WALK_PAGE):
            self.walk_log.ended(walk)  # the start point is an article
        yield self._article(response, read, category)

    def _article(
        self,
        response: TextResponse,
        read: PageReading,
        category: str | None,
        marked: str | None = None,
    ) -> FetchedPage:
        """The article's item, its URL marked requested (:meth:`Walk.fetched`: not again in
        a shared crawl if it was under this very URL, ``marked`` by a discovery's claim or
        its request's ``MARKED``)."""
        identity = canonical_url(response.url, self.walk.origins)
        self.walk.fetched(identity, marked or response.meta.get(MARKED))
        self.crawler.stats.inc_value("revisit/fetched")
        self.crawler.stats.inc_value(f"archive/article_pages/{urlsplit(identity).netloc}")
        return fetched_page(response, read, identity, category)

    def on_error(self, failure: Failure) -> list[Check]:
        """A failed request: a known article's 404 or 410 is a check of its page (not a
        failure of the run); anything else is counted and listed (done at once: not a
        generator, which would wait to be read)."""
        if self._listing_gone(failure):
            return []
        check = checks.after_error(failure, self.context.state.schedule.known, self.walk.origins)
        if check is not None:
            self.crawler.stats.inc_value("revisit/fetched")
            return [check]
        record_failure(
            failure, self.context.log, self.walk_log, self.crawler.stats, self.walk.origins
        )
        return []
