"""The platform's spider, its listing pages: read page by page, each card an article
request, the walk ended or found broken.

A base class of :class:`crawler.spiders.mfa.MfaSpider`, which sets the attributes
annotated here when the crawl starts and answers for the article pages (``_article``,
``_article_request``) and for failed requests (``on_error``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from typing import Any, Protocol
from urllib.parse import urlsplit

import scrapy
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.response import get_base_url
from twisted.python.failure import Failure

from crawler.context import CrawlContext
from crawler.items import FetchedPage
from crawler.media.slots import media_hosts
from crawler.platforms.charset import parse_html
from crawler.platforms.evidence import CardClaims
from crawler.platforms.mfa import PageContext
from crawler.platforms.reading import PageReading, read_fetched
from crawler.redact import redact_url
from crawler.registry import Registry
from crawler.runs.health import SITE_READ
from crawler.scaleout.outcomes import REPLAYED
from crawler.spiders.arguments import CrawlArguments
from crawler.spiders.discovery import DISCOVER, Discovery
from crawler.spiders.pages import CARD, WALK_FIRST, WALK_PAGE, WALK_START, slot
from crawler.spiders.walk import Walk, WalkLog
from crawler.urls import (
    canonical_url,
    is_listing_url,
    listing_category,
    listing_page_number,
    with_listing_page,
)

logger = logging.getLogger(__name__)


class ArticleOf(Protocol):
    """The spider's article item of a page read (``marked``: the URL it was marked
    requested under, if not its request's)."""

    def __call__(
        self,
        response: TextResponse,
        read: PageReading,
        category: str | None,
        marked: str | None = None,
    ) -> FetchedPage: ...


class ListingSpider(scrapy.Spider):
    """Listing pages: their article cards, and the next page while one brings new ones."""

    registry: Registry
    arguments: CrawlArguments
    mode: str
    walk: Walk
    walk_log: WalkLog
    context: CrawlContext
    stop_early: frozenset[str]
    _article: ArticleOf
    _article_request: Callable[..., scrapy.Request]
    on_error: Callable[[Failure], Any]
    discovery: Discovery | None
    _candidates: Callable[[TextResponse, PageReading], Iterator[Any]]
    _missed: Callable[[str, str], None]

    def _page_context(
        self, url: str, card: CardClaims | None = None, discover: bool = False
    ) -> PageContext:
        names = self.registry.names(urlsplit(url).netloc.lower())
        return PageContext.of(url, names, card, discover, self._image_hosts)

    @functools.cached_property
    def _image_hosts(self) -> frozenset[str]:
        """``MEDIA_HOSTS``, read once: every page's reading is told them."""
        return media_hosts(self.crawler.settings)

    def _listing_request(
        self, url: str, start: str, followed: int, replayed: bool = False, discover: bool = False
    ) -> scrapy.Request:
        meta = {
            "download_slot": slot(url),
            WALK_START: start,
            WALK_PAGE: True,
            WALK_FIRST: followed == 1,
        }
        if discover:  # a home page: its menus are read too
            meta[DISCOVER] = True
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.on_error,
            cb_kwargs={"start": start, "followed": followed},
            meta=meta,
            dont_filter=replayed,  # a dead worker may have marked it seen, never queued
        )

    def parse_listing(self, response: Response, start: str, followed: int) -> Iterator[Any]:
        """A listing page (or a start point that turns out to be an article)."""
        if not isinstance(response, TextResponse):
            content_type = response.headers.get("Content-Type")
            logger.error("not an HTML listing: %s (%s)", response.url, content_type)
            self.walk_log.broken(start, f"{response.url}: not an HTML listing ({content_type!r})")
            return
        read = self._read(response)
        if read.kind == "article":
            self.walk_log.ended(start)  # the start point is an article
            if followed == 1:
                self._missed(start, read.kind)
            yield self._article(response, read, None)
            return
        yield from self._listing(response, read, start, followed)

    def _read(self, response: TextResponse) -> PageReading:
        """The page read by content, in the charset that decodes it (counted when the
        declared one was wrong)."""
        meta = response.request.meta if response.request is not None else {}
        card = meta.get(CARD)
        claims = card if isinstance(card, CardClaims) else None
        read = read_fetched(
            response.body,
            response.encoding,
            lambda: parse_html(response.text, get_base_url(response), _kind(response)),
            self._page_context(response.url, claims, bool(meta.get(DISCOVER))),
            self.crawler.settings.getint("LISTING_MAX_LINKS"),
        )
        site = urlsplit(canonical_url(response.url, self.walk.origins)).netloc
        self.crawler.stats.inc_value(f"{SITE_READ}/{site}")  # the site answered
        if read.text.notes:
            fixed = "archive/charset_fixed" if read.text.clean else "archive/charset_damaged"
            self.crawler.stats.inc_value(fixed)
        return read

    def _listing(
        self, response: TextResponse, read: PageReading, start: str, followed: int
    ) -> Iterator[Any]:
        """Article links of one listing page; the next page while this one brought new ones."""
        stats = self.crawler.stats
        stats.inc_value("archive/listing_pages")
        if read.kind != "listing":  # past the last page, or not a listing at all
            logger.info("no article cards on the listing page %s", response.url)
            stats.inc_value("archive/empty_listings")
        if read.page is not None and read.page.truncated:
            limit = self.crawler.settings.getint("LISTING_MAX_LINKS")
            stats.inc_value("archive/listing_truncated")
            logger.warning(
                "listing %s shows more than %d article links; reading the first %d"
                " (LISTING_MAX_LINKS)",
                response.url,
                limit,
                limit,
            )
            self.walk_log.broken(start, f"{response.url}: more than {limit} article links")
        schedule = self.context.state.schedule
        known = schedule.known if self.mode == "incremental" else (lambda _identity: False)
        cards = read.page.cards if read.page is not None else []
        early = redact_url(start) in self.stop_early
        replayed = response.request is not None and bool(response.meta.get(REPLAYED))
        wanted, goes_on = self.walk.cards(
            start, cards, self.arguments.since, known, early, replayed
        )
        if self.discovery is not None:
            self.discovery.shown(start, self.walk.listed)
            if response.meta.get(DISCOVER):
                yield from self._candidates(response, read)
            if followed == 1 and read.kind != "listing":
                self._missed(start, read.kind)
        category = listing_category(response.url)
        for card in wanted:
            marked = canonical_url(card.url, self.walk.origins)  # as the walk marked it
            yield self._article_request(card.url, category, walk=start, card=card, marked=marked)
        # a listing of a paged form, or one discovery found whatever its path: ?p=N
        # (a server that ignores it repeats the page, which brings nothing new: the end)
        pageable = is_listing_url(response.url) or (
            self.discovery is not None and self.discovery.walks(start)
        )
        paged = read.kind == "listing" and pageable and goes_on
        if paged and self.arguments.max_pages is not None and followed >= self.arguments.max_pages:
            return  # cut short on purpose: the run is limited, its walks are not recorded
        if paged:
            number = listing_page_number(response.url)
            yield self._listing_request(
                with_listing_page(response.url, number + 1), start, followed + 1, replayed
            )
        elif read.kind == "listing" or followed == 1 or (read.page and read.page.links_itself):
            self.walk_log.ended(start)
        else:  # no cards, and nothing of the listing: an error page, a login wall
            self.walk_log.broken(
                start,
                f"{response.url}: no article cards, and not a page"
                " of the listing (an error page? a login wall?)",
            )

    def _dropped(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        """A listing page the scheduler dropped as one already requested (a page past
        the end redirected to the first, one start point redirected to another): the walk
        came back to where it had been, so it has ended."""
        walk = request.meta.get(WALK_START)
        if walk is not None and request.meta.get(WALK_PAGE):
            self.walk_log.ended(walk)


def _kind(response: TextResponse) -> str | None:
    """How Scrapy's ``response.selector`` parses ``response`` (which the reading does
    not use: it would keep the page alive in a reference cycle, see ``parse_html``)."""
    if isinstance(response, XmlResponse):
        return "xml"
    return "html" if isinstance(response, HtmlResponse) else None
