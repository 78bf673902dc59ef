"""Media: each article's pictures and attached files fetched and kept, once by content.

Between validate and dedup: every article read is told, per file, the archive's copy or
why there is none (:mod:`crawler.media.entries`), so that a new version's record says
it.  A file whose URL the archive holds already is not fetched again (a picture shown
by a hundred articles is fetched once); one being fetched for another article is waited
for; one that failed this run is not asked again this run.  Files come through Scrapy's
downloader (``engine.download_async``, as Scrapy's own media pipelines do): robots.txt,
the address filter, retries and the WARC files apply, and the image host is a download
slot of its own (``MEDIA_CONCURRENCY``, ``MEDIA_DELAY``).  Only the image service's
hosts (``MEDIA_HOSTS``) and the article's own site are asked (:mod:`crawler.media.outcomes`);
caps per file, per article and per crawl bound the cost.  A file that could not be
fetched or stored never holds the article back: the version is stored saying why, and a
reason that may change (``not fetched yet``) makes its article due again, for
``MEDIA_MAX_ATTEMPTS`` runs at most (:func:`crawler.state.schedule.media_pending`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.items import FetchedPage
from crawler.media.entries import Outcome, media_urls, told
from crawler.media.keeping import keep
from crawler.media.outcomes import (
    MEDIA,
    allowed,
    clean,
    failure_reason,
    is_final,
    status_reason,
)
from crawler.media.slots import media_hosts
from crawler.state.media import DUE_AGAIN
from crawler.storage import StorageError

logger = logging.getLogger(__name__)
T = TypeVar("T")


class MediaPipeline:
    """Fetches and keeps the files of the articles read; tells each record of them."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler, self.context = crawler, CrawlContext.of(crawler)
        self.enabled = settings.getbool("MEDIA_ENABLED")
        self.hosts = media_hosts(settings)
        self.max_bytes = settings.getint("MEDIA_MAX_FILE_BYTES")
        self.per_article = settings.getint("MEDIA_MAX_PER_ARTICLE")
        self.per_crawl = settings.getint("MEDIA_MAX_PER_CRAWL")
        self.attempts = settings.getint("MEDIA_MAX_ATTEMPTS")
        self.fetched = 0
        self._waiting: dict[str, list[Deferred[Outcome]]] = {}
        self._failed: dict[str, str] = {}  # this run's failures, not asked again this run

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
        try:
            known, failed = await self._in_thread(
                lambda: (state.media.known(urls), state.media.failures(urls))
            )
        except StorageError as exc:  # the state is down: the article goes on, files later
            reason = clean(f"{DUE_AGAIN} (the state did not answer: {exc})")
            item.article = told(item.article, dict.fromkeys(urls, reason))
            return item
        own = self._own_names(item.site)
        outcomes: dict[str, Outcome] = {}
        for number, url in enumerate(urls):
            tried, last = failed.get(url, (0, ""))
            if url in known:
                outcomes[url] = known[url].as_stored()
            elif number >= self.per_article:
                outcomes[url] = "over the cap of files per article (MEDIA_MAX_PER_ARTICLE)"
            elif not allowed(url, self.hosts, own):
                outcomes[url] = "not on the image service's hosts (MEDIA_HOSTS): not fetched"
            elif last and (is_final(last) or tried >= self.attempts):
                outcomes[url] = last if is_final(last) else f"given up after {tried} runs: {last}"
            elif url in self._failed:
                outcomes[url] = self._failed[url]
            else:
                outcomes[url] = await self._once(url, tried)
        item.article = told(item.article, outcomes)
        return item

    async def _in_thread(self, function: Callable[..., T], *args: Any) -> T:
        """A blocking call (the state, the store) off the reactor thread."""
        result: T = await maybe_deferred_to_future(deferToThread(function, *args))
        return result

    def _own_names(self, site: str) -> frozenset[str]:
        registry = getattr(self.crawler.spider, "registry", None)
        return frozenset({site}) | (registry.names(site) if registry is not None else set())

    async def _once(self, url: str, tried: int) -> Outcome:
        """The file fetched and kept, or why not; once however many articles wait."""
        if url in self._waiting:
            waiter: Deferred[Outcome] = Deferred()
            self._waiting[url].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._waiting[url] = []
        outcome: Outcome = f"{DUE_AGAIN} (the crawl stopped)"
        try:
            # kept meanwhile, for an article looked up before another's fetch ended?
            known = await self._in_thread(self.context.state.media.known, [url])
            outcome = known[url].as_stored() if url in known else await self._fetch(url)
        except StorageError as exc:
            outcome = clean(f"{DUE_AGAIN} (the state did not answer: {exc})")
        finally:
            for waiter in self._waiting.pop(url):
                waiter.callback(outcome)
        if isinstance(outcome, str):
            self._failed[url] = outcome
            await self._note_failure(url, tried + 1, outcome)
        return outcome

    async def _note_failure(self, url: str, attempts: int, reason: str) -> None:
        with contextlib.suppress(StorageError):  # else the next run tries once more
            await self._in_thread(self.context.state.media.record_failure, url, attempts, reason)

    async def _fetch(self, url: str) -> Outcome:
        stats = self.crawler.stats
        assert stats is not None and self.crawler.engine is not None
        if self.fetched >= self.per_crawl:
            stats.inc_value("media/over_crawl_cap")
            return f"{DUE_AGAIN} (the cap of files per crawl, MEDIA_MAX_PER_CRAWL)"
        self.fetched += 1
        parts = urlsplit(url)
        slot = (parts.hostname or "").lower() if parts.port is None else parts.netloc.lower()
        request = scrapy.Request(
            url,
            meta={
                "download_slot": slot,  # the image host's own budget (MEDIA_CONCURRENCY)
                "download_maxsize": self.max_bytes,
                "allow_offsite": True,
                # no retry within the run: the backoff retry goes back through the engine
                # to the spider, not to this pipeline; a file that failed is asked again
                # by the next runs (MEDIA_MAX_ATTEMPTS)
                "dont_retry": True,
                MEDIA: True,
            },
        )
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as exc:  # a timeout, a reset, a refusal, a body over the cap
            stats.inc_value("media/failed")
            return failure_reason(exc, self.max_bytes)
        if response.status != 200:
            stats.inc_value(f"media/status/{response.status}")
            return status_reason(response.status)
        content_type = response.headers.get(b"Content-Type")
        kind = clean(content_type.decode("latin-1")) if content_type else None
        storage, state = self.context.archive.storage, self.context.state
        try:
            entry = await self._in_thread(keep, storage, state, url, response.body, kind)
        except StorageError as exc:
            stats.inc_value("media/not_stored")
            return clean(f"{DUE_AGAIN} (not stored: {exc})")
        stats.inc_value("media/files")
        stats.inc_value("media/bytes", entry.size)
        return entry.as_stored()
