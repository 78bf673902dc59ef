"""Store: write each new version (or quarantined page), then record it in the state.

The writing itself is :class:`crawler.state.commit.Committer`'s (the store first, then
the state); keeping items while the store is down is
:class:`crawler.storage.spool.circuit.SpoolingStore`'s.  This pipeline runs them in a
thread pool of its own (``STORE_MAX_CONCURRENCY`` threads, which also bounds the
uploads in flight; Scrapy's DNS lookups keep the reactor's pool) and counts outcomes.

Items waiting for a thread hold their response, and Scrapy stops downloading while
more than ``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes of responses are in processing, which
bounds the memory in flight.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.context import CrawlContext
from crawler.items import FetchedPage
from crawler.state.commit import Committer
from crawler.storage.probe import probe
from crawler.storage.spool.circuit import SpoolingStore, Unstorable

logger = logging.getLogger(__name__)
T = TypeVar("T")
PROBE_BYTES = b"the store answers\n" * 256  # a few kB: a nearly full disk refuses it too


def _probe(context: CrawlContext) -> None:
    """A write the store takes, or the error it refuses it with; nothing left behind."""
    probe(context.archive.storage, PROBE_BYTES)


class StorePipeline:
    """Writes versions and quarantined pages; spools them while the store is down."""

    def __init__(
        self, context: CrawlContext, stats: StatsCollector, threads: int, retry_seconds: float
    ) -> None:
        self.context, self.stats = context, stats
        self.committer = Committer(context.archive, context.state)
        self.pool = ThreadPool(minthreads=1, maxthreads=threads, name="archive-store")
        self.store = SpoolingStore(
            self.committer.commit,
            context.spool,
            self._in_pool,
            stats,
            self._count,
            retry_seconds,
            probe=lambda: _probe(context),
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        assert crawler.stats is not None
        settings = crawler.settings
        return cls(
            CrawlContext.of(crawler),
            crawler.stats,
            settings.getint("STORE_MAX_CONCURRENCY"),
            settings.getfloat("SPOOL_RETRY_SECONDS"),
        )

    async def _in_pool(self, function: Callable[..., T], *args: Any) -> T:
        from twisted.internet import reactor  # the installed one, not installed by an import

        deferred = deferToThreadPool(reactor, self.pool, function, *args)
        result: T = await maybe_deferred_to_future(deferred)
        return result

    async def open_spider(self) -> None:
        self.pool.start()
        await self.context.sync_state()
        await self.store.open()

    async def close_spider(self) -> None:
        left = await self.store.close()
        if left:
            self.stats.set_value("archive/still_spooled", left)
            logger.error(
                "%d items could not reach the store and stay spooled in %s; "
                "the next run stores them first",
                left,
                self.context.spool.directory,
            )
        self.pool.stop()

    def _count(self, item: FetchedPage) -> None:
        outcome = "quarantined" if item.article is None else str(item.version_reason)
        self.stats.inc_value(f"archive/{outcome}")
        self.stats.inc_value(f"archive/{outcome}/{item.site}")
        if item.quarantined_before:
            self.stats.inc_value("archive/quarantined_again")
            self.stats.inc_value(f"archive/quarantined_again/{item.site}")

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        version = None if self.store.circuit.down else self.committer.prepare(item)
        try:
            key = await self.store.put(item, lambda: self.committer.commit(item, version))
        except Unstorable as exc:
            self.stats.inc_value("archive/store_failed")
            self.stats.inc_value(f"archive/store_failed/{item.site}")
            raise DropItem(
                f"neither stored nor spooled ({exc}): {item.url}; it is fetched again next run",
                "ERROR",
            ) from exc
        if key is None:
            raise DropItem(f"spooled while the store is down: {item.url}", "INFO")
        self._count(item)
        if item.article is None:
            reasons = "; ".join(f"{f.field}: {f.reason}" for f in item.errors)
            raise DropItem(f"quarantined {item.url} ({reasons}) -> {key}", "WARNING")
        if item.existing_key is not None:
            raise DropItem(f"reverted to {key}: {item.url}", "INFO")
        return item.article.model_dump(mode="json")
