"""``scrapy crawl mfa``: the MFA platform's news, site by site.

Arguments (``-a name=value``):

- ``site``: a registered host (default ``www.mfa.go.th``), see ``crawler/sites.toml``;
- ``lang``: ``th`` or ``en`` (default: all the site's languages);
- ``start_urls``: listing pages or article URLs, comma-separated; they replace the
  registry's start points, and the platform parser applies to whatever host they name
  (a mirror, a staging copy, the local replica);
- ``max_pages``: listing pages to follow per start point (default: until a page brings
  no new article links);
- ``since``: ``YYYY-MM-DD``; listing cards dated before it are not followed, and paging
  stops at a page with nothing newer.

The spider only reads pages: storage belongs to the pipelines.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from crawler import __version__
from crawler.extensions.context import CrawlContext, CrawlScope
from crawler.items import FetchedPage, NotModified
from crawler.platforms.mfa import PageContext
from crawler.platforms.reading import PageReading, read_fetched
from crawler.redact import REDACTED
from crawler.registry import Registry, Site
from crawler.spiders.pages import article_request, classify_failure, fetched_page, header
from crawler.state.schedule import Revisit
from crawler.state.walks import default_mode, walk_scopes
from crawler.urls import (
    canonical_url,
    is_listing_url,
    language_of,
    listing_category,
    listing_page_number,
    page_kind,
    url_key,
    with_listing_page,
)

logger = logging.getLogger(__name__)
DEFAULT_SITE = "www.mfa.go.th"


class MfaSpider(scrapy.Spider):
    """Listings page by page, then each article once (by canonical URL)."""

    name = "mfa"
    registry: Registry
    aliases: dict[str, str]
    start_points: list[str]
    allowed_domains: list[str]
    crawl_sites: list[str]
    context: CrawlContext

    def __init__(
        self,
        site: str | None = None,
        lang: str | None = None,
        start_urls: str | None = None,
        max_pages: str | None = None,
        since: str | None = None,
        mode: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.site_arg, self.lang = site, lang
        self.start_arg = [u.strip() for u in (start_urls or "").split(",") if u.strip()]
        self.max_pages = int(max_pages) if max_pages else None
        self.since = date.fromisoformat(since) if since else None
        if lang is not None and lang not in {"th", "en"}:
            raise ValueError(f"lang must be th or en, not {lang!r}")
        if mode not in (None, "full", "incremental"):
            raise ValueError(f"mode must be full or incremental, not {mode!r}")
        self.mode = mode or ""
        self.due: set[int] = set()
        """Canonical URLs of the known articles this run revisits."""
        self.seen: set[int] = set()
        """Canonical URLs of the articles requested in this crawl."""
        self.listed: dict[str, set[int]] = {}
        """Per start point, the articles its listing pages have shown."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MfaSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.registry = Registry.load(crawler.settings.get("SITE_REGISTRY"))
        spider.aliases = spider.registry.host_aliases()
        spider.start_points = spider._start_points()
        domains: set[str] = set()
        for url in spider.start_points:
            host = (urlsplit(url).hostname or "").lower()
            domains.update(spider.site_hosts(host))
        spider.allowed_domains = sorted(domains)
        spider.crawl_sites = sorted(
            {urlsplit(canonical_url(url, spider.aliases)).netloc for url in spider.start_points}
        )
        return spider

    def site_hosts(self, host: str) -> frozenset[str]:
        """All names of the site ``host`` belongs to (just ``host`` if unregistered)."""
        site = self.registry.get(host)
        return frozenset({site.host, *site.aliases}) if site else frozenset({host})

    def _page_context(self, url: str) -> PageContext:
        return PageContext.of(url, self.site_hosts((urlsplit(url).hostname or "").lower()))

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """A User-Agent naming the project and its contact (``-s USER_AGENT`` still wins)."""
        super().update_settings(settings)
        contact = settings.get("ARCHIVE_CONTACT") or "no contact set"
        agent = f"mfa-archive/{__version__} (archival crawler; contact: {contact})"
        settings.set("USER_AGENT", agent, priority="spider")

    def _start_points(self) -> list[str]:
        if self.start_arg:
            return self.start_arg
        name = self.site_arg or DEFAULT_SITE
        site: Site | None = self.registry.get(name)
        if site is None:
            known = ", ".join(sorted(self.registry.sites))
            raise ValueError(f"unknown site {name!r}; registered sites: {known}")
        return site.start_urls(self.lang)

    def _begin(self) -> None:
        """Tell the crawl context what this run covers (the mode decided now, from the
        state: incremental once a complete walk covers this scope)."""
        self.context = CrawlContext.of(self.crawler)
        state = self.context.state
        scopes = walk_scopes(lang=self.lang, start_urls=self.start_arg)
        if not self.mode:
            known = state.schedule.count(self.crawl_sites) > 0
            self.mode = default_mode(state.walks, self.crawl_sites, scopes, known)
        self.context.begin(CrawlScope(
            sites=self.crawl_sites, walk_scopes=scopes,
            start_hosts=frozenset((urlsplit(u).hostname or "").lower() for u in self.start_arg),
            allowed_domains=frozenset(d.lower() for d in self.allowed_domains), mode=self.mode,
            limited=self.max_pages is not None or self.since is not None,
        ))  # fmt: skip
        self.crawler.stats.set_value("revisit/mode", self.mode)

    async def start(self) -> AsyncIterator[Any]:
        self._begin()
        articles_only = all(page_kind(u) in ("content", "publicservice") for u in self.start_points)
        if self.mode == "incremental" and not articles_only:
            schedule = self.context.state.schedule
            for revisit in schedule.due(self.crawl_sites, datetime.now(UTC)):
                if self.lang and language_of(revisit.url) != self.lang:
                    continue
                self.due.add(url_key(revisit.canonical_url))
                self.seen.add(url_key(revisit.canonical_url))
                # A URL stored with a credential redacted would fetch nothing: use the
                # canonical one, which never carried it.
                url = revisit.canonical_url if REDACTED in revisit.url else revisit.url
                yield self._article_request(url, revisit.category, revisit)
            self.crawler.stats.set_value("revisit/due", len(self.due))
        for url in self.start_points:
            if page_kind(url):
                key = url_key(canonical_url(url, self.aliases))
                if key not in self.seen:
                    self.seen.add(key)
                    yield self._article_request(url, category=None)
            else:
                yield self._listing_request(url, start=url, followed=1)

    def _listing_request(self, url: str, start: str, followed: int) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error,
            cb_kwargs={"start": start, "followed": followed},
        )  # fmt: skip

    def _article_request(
        self, url: str, category: str | None, revisit: Revisit | None = None
    ) -> scrapy.Request:
        return article_request(url, category, revisit, self.parse_article, self.on_error)

    def parse_listing(self, response: Response, start: str, followed: int) -> Iterator[Any]:
        """A listing page (or a start point that turns out to be an article)."""
        if not isinstance(response, TextResponse):
            content_type = response.headers.get("Content-Type")
            logger.error("not an HTML listing: %s (%s)", response.url, content_type)
            return
        read = self._read(response)
        if read.kind == "article":
            yield self._article(response, read, category=None)
            return
        yield from self._listing(response, read, start, followed)

    def _read(self, response: TextResponse) -> PageReading:
        """The page read by content, in the charset that decodes it (counted when the
        declared one was wrong)."""
        stats = self.crawler.stats
        assert stats is not None
        read = read_fetched(
            response.body, response.encoding, lambda: response.selector.root,
            self._page_context(response.url), self.crawler.settings.getint("LISTING_MAX_LINKS"),
        )  # fmt: skip
        if read.text.notes:
            fixed = "archive/charset_fixed" if read.text.clean else "archive/charset_damaged"
            stats.inc_value(fixed)
        return read

    def _listing(
        self, response: TextResponse, read: PageReading, start: str, followed: int
    ) -> Iterator[Any]:
        """Article links of one listing page; the next page while this one brought new ones.

        "New" is counted per start point (a listing that repeats its last page, or runs
        out, stops), while each article is requested once per crawl however many
        listings link it.
        """
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("archive/listing_pages")
        if read.kind != "listing":  # past the last page, or not a listing at all
            logger.info("no article cards on the listing page %s", response.url)
            stats.inc_value("archive/empty_listings")
        category = listing_category(response.url)
        listed = self.listed.setdefault(start, set())
        new = 0
        limit = self.crawler.settings.getint("LISTING_MAX_LINKS")
        cards = read.page.cards if read.page is not None else []
        if read.page is not None and read.page.truncated:
            stats.inc_value("archive/listing_truncated")
            logger.warning(
                "listing %s shows more than %d article links; reading the first %d"
                " (LISTING_MAX_LINKS)", response.url, limit, limit,
            )  # fmt: skip
        for card in cards:
            if self.since and card.card_date and card.card_date < self.since:
                continue
            identity = canonical_url(card.url, self.aliases)
            key = url_key(identity)
            if key in listed:
                continue
            listed.add(key)
            if key in self.due:  # requested at the start of the run
                new += 1
                continue
            if key in self.seen:
                continue
            if self.mode == "incremental" and self.context.state.schedule.known(identity):
                continue  # archived, and not due yet
            new += 1
            self.seen.add(key)
            yield self._article_request(card.url, category)
        more = self.max_pages is None or followed < self.max_pages
        if read.kind == "listing" and is_listing_url(response.url) and new and more:
            number = listing_page_number(response.url)
            yield self._listing_request(
                with_listing_page(response.url, number + 1), start, followed + 1
            )

    def parse_article(self, response: Response, category: str | None) -> Iterator[Any]:
        """An article page (or a page of the article path form that is a listing)."""
        stats = self.crawler.stats
        assert stats is not None
        identity = canonical_url(response.url, self.aliases)
        site = urlsplit(identity).netloc
        if response.status == 304:
            stats.inc_value("revisit/fetched")
            stats.inc_value("revisit/not_modified")
            yield NotModified(
                url=response.url, canonical_url=identity, site=site, category=category,
                fetched_at=datetime.now(UTC), etag=header(response, b"ETag"),
                last_modified=header(response, b"Last-Modified"),
            )  # fmt: skip
            return
        if not isinstance(response, TextResponse):
            stats.inc_value("revisit/fetched")
            logger.error(
                "not an HTML page: %s (%s)", response.url, response.headers.get("Content-Type")
            )
            stats.inc_value("archive/not_html")
            return
        read = self._read(response)
        if read.kind == "listing":  # /<lang>/page/<name>?menu=<id>: only the content tells
            yield from self._listing(response, read, start=response.url, followed=1)
            return
        yield self._article(response, read, category)

    def _article(
        self, response: TextResponse, read: PageReading, category: str | None
    ) -> FetchedPage:
        stats = self.crawler.stats
        assert stats is not None
        identity = canonical_url(response.url, self.aliases)
        stats.inc_value("revisit/fetched")
        self.seen.add(url_key(identity))
        stats.inc_value(f"archive/article_pages/{urlsplit(identity).netloc}")
        page = fetched_page(response, read, identity, category)
        self.context.crash.reached("fetched")
        return page

    def on_error(self, failure: Failure) -> None:
        failed = classify_failure(failure)
        if failed.kind == "retrying":
            return  # not a failure: the request comes again after a backoff
        if failed.kind == "refused":
            self.context.log.refused.append((failed.url, failed.reason))
            self.crawler.stats.inc_value("archive/refused")
            logger.warning("refused %s: %s", failed.url, failed.reason)
            return
        self.context.log.failed.append((failed.url, failed.reason))
        self.crawler.stats.inc_value("archive/fetch_failed")
        logger.error("could not fetch %s: %s", failed.url, failed.reason)
