"""Media: each article's pictures and attached files fetched and kept, once by content.

Between validate and dedup: every article read is told, per file, the archive's copy or
why there is none (:mod:`crawler.media.entries`), so that a new version's record says
it.  A file whose URL the archive holds already is not fetched again (a picture shown
by a hundred articles is fetched once); one being fetched for another article is waited
for.  Files come through Scrapy's downloader (``engine.download_async``, as Scrapy's
own media pipelines do): robots.txt, the address filter, retries and the WARC files
apply, and each host is a download slot of its own (``MEDIA_CONCURRENCY``,
``MEDIA_DELAY`` for ``MEDIA_HOSTS``).  Only the platform's hosts (``MEDIA_HOSTS``, the
image host) and the article's own site are asked; caps per file, per article and per
crawl bound the cost.  A file that could not be fetched or stored never holds the
article back: the version is stored saying so, and its article is due again
(:func:`crawler.state.schedule.media_pending`).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.items import FetchedPage
from crawler.media.entries import Outcome, media_urls, told
from crawler.media.keeping import keep
from crawler.spiders.arguments import site_names
from crawler.state.media import DUE_AGAIN, KnownFile
from crawler.storage import StorageError
from schemas.models import StoredFile

logger = logging.getLogger(__name__)
MEDIA = "media"
"""Request meta: the request fetches an article's file."""


def stored(entry: KnownFile) -> StoredFile:
    return StoredFile(sha256=entry.sha256, size=entry.size, content_type=entry.content_type)


class MediaPipeline:
    """Fetches and keeps the files of the articles read; tells each record of them."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler, self.context = crawler, CrawlContext.of(crawler)
        self.enabled = settings.getbool("MEDIA_ENABLED")
        self.hosts = frozenset(h.lower() for h in settings.getlist("MEDIA_HOSTS"))
        self.max_bytes = settings.getint("MEDIA_MAX_FILE_BYTES")
        self.per_article = settings.getint("MEDIA_MAX_PER_ARTICLE")
        self.per_crawl = settings.getint("MEDIA_MAX_PER_CRAWL")
        self.fetched = 0
        self._waiting: dict[str, list[Deferred[Outcome]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MediaPipeline:
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        if not self.enabled or not isinstance(item, FetchedPage) or item.article is None:
            return item
        urls = media_urls(item.article)
        if not urls:
            return item
        state = self.context.state
        known = await maybe_deferred_to_future(deferToThread(state.media.known, urls))
        outcomes: dict[str, Outcome] = {}
        for number, url in enumerate(urls):
            if url in known:
                outcomes[url] = stored(known[url])
            elif number >= self.per_article:
                outcomes[url] = "over the cap of files per article (MEDIA_MAX_PER_ARTICLE)"
            elif not self._allowed(url, item.site):
                outcomes[url] = "not on the platform's hosts (MEDIA_HOSTS): not fetched"
            else:
                outcomes[url] = await self._once(url)
        item.article = told(item.article, outcomes)
        return item

    def _allowed(self, url: str, site: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        netloc = urlsplit(url).netloc.lower()
        registry = getattr(self.crawler.spider, "registry", None)
        own = site_names(registry, site) if registry is not None else frozenset({site})
        return host in self.hosts or netloc in own

    async def _once(self, url: str) -> Outcome:
        """The file fetched and kept, or why not; once however many articles wait."""
        if url in self._waiting:
            waiter: Deferred[Outcome] = Deferred()
            self._waiting[url].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._waiting[url] = []
        outcome: Outcome = f"{DUE_AGAIN} (the crawl stopped)"
        try:
            # kept meanwhile, for an article looked up before another's fetch ended?
            known = await maybe_deferred_to_future(
                deferToThread(self.context.state.media.known, [url])
            )
            outcome = stored(known[url]) if url in known else await self._fetch(url)
        finally:
            for waiter in self._waiting.pop(url):
                waiter.callback(outcome)
        return outcome

    async def _fetch(self, url: str) -> Outcome:
        stats = self.crawler.stats
        assert stats is not None and self.crawler.engine is not None
        if self.fetched >= self.per_crawl:
            stats.inc_value("media/over_crawl_cap")
            return f"{DUE_AGAIN} (the cap of files per crawl, MEDIA_MAX_PER_CRAWL)"
        self.fetched += 1
        request = scrapy.Request(
            url,
            meta={
                "download_slot": urlsplit(url).netloc.lower(),
                "download_maxsize": self.max_bytes,
                "allow_offsite": True,
                MEDIA: True,
            },
        )
        try:
            response = await self.crawler.engine.download_async(request)
        except IgnoreRequest as exc:
            stats.inc_value("media/refused")
            return f"refused: {exc}"
        except Exception as exc:  # a timeout, a reset, a body over the cap
            stats.inc_value("media/failed")
            if _too_large(exc, self.max_bytes, len(str(exc))):
                return f"too large (over MEDIA_MAX_FILE_BYTES, {self.max_bytes} bytes)"
            return f"{DUE_AGAIN} ({type(exc).__name__}: {exc})"[:300]
        if response.status != 200:
            stats.inc_value(f"media/status/{response.status}")
            gone = response.status in (404, 410)
            return str(response.status) if gone else f"{DUE_AGAIN} (HTTP {response.status})"
        content_type = response.headers.get(b"Content-Type")
        kind = content_type.decode("latin-1") if content_type else None
        storage, state = self.context.archive.storage, self.context.state
        try:
            entry = await maybe_deferred_to_future(
                deferToThread(keep, storage, state, url, response.body, kind)
            )
        except StorageError as exc:
            stats.inc_value("media/not_stored")
            return f"{DUE_AGAIN} (not stored: {exc})"[:300]
        stats.inc_value("media/files")
        stats.inc_value("media/bytes", entry.size)
        return stored(entry)


def _too_large(exc: Exception, limit: int, _length: int) -> bool:
    """A download Scrapy cancelled at the size cap (it says so only in its message)."""
    text = str(exc).lower()
    return "maxsize" in text or "max size" in text or str(limit) in text
