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
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from crawler import __version__
from crawler.items import FetchedPage
from crawler.platforms.mfa import PageContext, extract_article, listing_cards
from crawler.registry import Registry, Site
from crawler.urls import (
    canonical_url,
    is_listing_url,
    language_of,
    listing_page_number,
    page_kind,
    with_listing_page,
)
from schemas.assess import RawArticle

logger = logging.getLogger(__name__)
DEFAULT_SITE = "www.mfa.go.th"


class MfaSpider(scrapy.Spider):
    """Listings page by page, then each article once (by canonical URL)."""

    name = "mfa"
    registry: Registry
    aliases: dict[str, str]
    start_points: list[str]
    allowed_domains: list[str]

    def __init__(
        self,
        site: str | None = None,
        lang: str | None = None,
        start_urls: str | None = None,
        max_pages: str | None = None,
        since: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.site_arg, self.lang = site, lang
        self.start_arg = [u.strip() for u in (start_urls or "").split(",") if u.strip()]
        self.max_pages = int(max_pages) if max_pages else None
        self.since = date.fromisoformat(since) if since else None
        if lang is not None and lang not in {"th", "en"}:
            raise ValueError(f"lang must be th or en, not {lang!r}")
        self.seen: set[str] = set()
        """Canonical URLs of the articles requested in this crawl."""
        self.listed: dict[str, set[str]] = {}
        """Per start point, the articles its listing pages have shown."""
        self.failed: list[tuple[str, str]] = []
        """(URL, reason) of every request that failed for good, for the run summary."""

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
        return spider

    def site_hosts(self, host: str) -> frozenset[str]:
        """All names of the site ``host`` belongs to (just ``host`` if unregistered)."""
        site = self.registry.get(host)
        return frozenset({site.host, *site.aliases}) if site else frozenset({host})

    def _context(self, url: str) -> PageContext:
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

    async def start(self) -> AsyncIterator[Any]:
        for url in self.start_points:
            if page_kind(url):
                yield self._article_request(url, category=None)
            else:
                yield self._listing_request(url, start=url, followed=1)

    def _listing_request(self, url: str, start: str, followed: int) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error,
            cb_kwargs={"start": start, "followed": followed},
        )  # fmt: skip

    def _article_request(self, url: str, category: str | None) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.on_error,
            cb_kwargs={"category": category},
        )  # fmt: skip

    def parse_listing(self, response: Response, start: str, followed: int) -> Iterator[Any]:
        """Article links of one listing page; the next page while this one brought new ones.

        "New" is counted per start point (a listing that repeats its last page, or runs
        out, stops), while each article is requested once per crawl however many
        listings link it.
        """
        self.crawler.stats.inc_value("archive/listing_pages")
        if not isinstance(response, TextResponse):
            content_type = response.headers.get("Content-Type")
            logger.error("not an HTML listing: %s (%s)", response.url, content_type)
            return
        category = _category(response.url)
        listed = self.listed.setdefault(start, set())
        new = 0
        for card in listing_cards(response.selector.root, self._context(response.url)):
            if self.since and card.card_date and card.card_date < self.since:
                continue
            identity = canonical_url(card.url, self.aliases)
            if identity in listed:
                continue
            listed.add(identity)
            new += 1
            if identity not in self.seen:
                self.seen.add(identity)
                yield self._article_request(card.url, category)
        more = self.max_pages is None or followed < self.max_pages
        if is_listing_url(response.url) and new and more:
            number = listing_page_number(response.url)
            yield self._listing_request(
                with_listing_page(response.url, number + 1), start, followed + 1
            )

    def parse_article(self, response: Response, category: str | None) -> Iterator[FetchedPage]:
        if not isinstance(response, TextResponse):
            logger.error(
                "not an HTML page: %s (%s)", response.url, response.headers.get("Content-Type")
            )
            self.crawler.stats.inc_value("archive/not_html")
            return
        identity = canonical_url(response.url, self.aliases)
        self.seen.add(identity)
        try:
            raw, problem = (
                extract_article(response.selector.root, self._context(response.url)),
                None,
            )
        except Exception as exc:
            logger.exception("could not read %s", response.url)
            raw, problem = RawArticle(), f"{type(exc).__name__}: {exc}"
        yield FetchedPage(
            url=response.url,
            canonical_url=identity,
            site=urlsplit(identity).netloc,
            language=language_of(response.url),
            category=category,
            fetched_at=datetime.now(UTC),
            html=response.body,
            encoding=response.encoding,
            raw=raw,
            extraction_error=problem,
        )

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        reason = failure.getErrorMessage() or repr(failure.value)
        self.failed.append((url, reason))
        self.crawler.stats.inc_value("archive/fetch_failed")
        logger.error("could not fetch %s: %s", url, reason)


def _category(listing_url: str) -> str | None:
    path = unquote(urlsplit(listing_url).path)
    return path.rsplit("/", 1)[-1] if "/content-category/" in path else None
