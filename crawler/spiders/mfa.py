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
from crawler.platforms.mfa import extract_article, listing_cards
from crawler.registry import Registry, Site
from crawler.urls import (
    canonical_url,
    is_listing_url,
    language_of,
    listing_page_number,
    page_kind,
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
        self.failed: list[tuple[str, str]] = []
        """(URL, reason) of every request that failed for good, for the run summary."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MfaSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.registry = Registry.load(crawler.settings.get("SITE_REGISTRY"))
        spider.aliases = spider.registry.host_aliases()
        spider.start_points = spider._start_points()
        spider.allowed_domains = sorted({urlsplit(u).hostname or "" for u in spider.start_points})
        if not spider.start_arg:
            site = spider.registry.get(spider.site_arg or DEFAULT_SITE)
            assert site is not None
            spider.allowed_domains = sorted({site.host, *site.aliases})
        return spider

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
                yield scrapy.Request(
                    url, callback=self.parse_listing, errback=self.on_error,
                    cb_kwargs={"start": url},
                )  # fmt: skip

    def _article_request(self, url: str, category: str | None) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.on_error,
            cb_kwargs={"category": category},
        )  # fmt: skip

    def parse_listing(self, response: Response, start: str) -> Iterator[Any]:
        self.crawler.stats.inc_value("archive/listing_pages")
        if not isinstance(response, TextResponse):
            logger.error(
                "not an HTML listing: %s (%s)", response.url, response.headers.get("Content-Type")
            )
            return
        category = _category(response.url)
        new = 0
        for card in listing_cards(response.selector.root, response.url):
            if self.since and card.card_date and card.card_date < self.since:
                continue
            identity = canonical_url(card.url, self.aliases)
            if identity in self.seen:
                continue
            self.seen.add(identity)
            new += 1
            yield self._article_request(card.url, category)
        number = listing_page_number(response.url)
        if (
            is_listing_url(response.url)
            and new
            and (self.max_pages is None or number < self.max_pages)
        ):
            yield scrapy.Request(
                with_listing_page(response.url, number + 1), callback=self.parse_listing,
                errback=self.on_error, cb_kwargs={"start": start},
            )  # fmt: skip

    def parse_article(self, response: Response, category: str | None) -> Iterator[FetchedPage]:
        if not isinstance(response, TextResponse):
            logger.error(
                "not an HTML page: %s (%s)", response.url, response.headers.get("Content-Type")
            )
            self.crawler.stats.inc_value("archive/not_html")
            return
        identity = canonical_url(response.url, self.aliases)
        self.seen.add(identity)
        yield FetchedPage(
            url=response.url,
            canonical_url=identity,
            site=urlsplit(identity).netloc,
            language=language_of(response.url),
            category=category,
            fetched_at=datetime.now(UTC),
            html=response.body,
            encoding=response.encoding,
            raw=extract_article(response.selector.root, response.url),
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
