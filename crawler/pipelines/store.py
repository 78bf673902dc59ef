"""Store: write each new version (or quarantined page), then record it in the state.

The state is written only after the store has confirmed the version, so a crash in
between can never make an article look stored when it is not.

Storage calls block, so they run in a thread pool of their own (``STORE_MAX_CONCURRENCY``
threads, which also bounds the uploads in flight; Scrapy's DNS lookups keep the
reactor's pool).  Items waiting for a thread hold their response, and Scrapy stops
downloading while more than ``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes of responses are in
processing, which bounds the memory in flight.

When the store fails (after the backend's own retries), the item goes to the spool on
local disk and the pipeline stops trying the store for every item: it spools them all
and retries the oldest spooled one every ``SPOOL_RETRY_SECONDS``; once that succeeds it
flushes the rest and stores directly again.  What is still spooled at the end stays on
disk for the next run, which flushes it first, and the run reports it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet import reactor, task
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.archive import Archive, Version
from crawler.dedup_state import DedupState
from crawler.faults import checkpoint
from crawler.items import FetchedPage
from crawler.resources import dedup_state_path, open_archive, open_schedule, spool_directory
from crawler.revisit import RevisitSchedule, article_observation
from crawler.spool import Spool
from crawler.storage import StorageError

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_CONSECUTIVE_FAILURES = 3
MAX_ENTRY_STRIKES = 3


class StorePipeline:
    """Writes versions and quarantined pages; spools them while the store is down."""

    def __init__(
        self, archive: Archive, state: DedupState, schedule: RevisitSchedule, spool: Spool,
        crawler: Crawler,
    ) -> None:  # fmt: skip
        assert crawler.stats is not None
        self.archive, self.state, self.schedule, self.spool = archive, state, schedule, spool
        self.stats: StatsCollector = crawler.stats
        self.retry_seconds = crawler.settings.getfloat("SPOOL_RETRY_SECONDS", 15.0)
        threads = crawler.settings.getint("STORE_MAX_CONCURRENCY", 8)
        self.pool = ThreadPool(minthreads=1, maxthreads=threads, name="archive-store")
        self.down = False
        self.flushing = False
        self.running_flush: Deferred[None] | None = None
        self.failures: dict[str, int] = {}  # spool entry -> passes it failed in
        self.strikes: dict[str, int] = {}  # spool entry -> passes it alone failed in
        self.retry_loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        archive = open_archive(crawler.settings)
        state = DedupState(dedup_state_path(crawler.settings))
        spool = Spool(spool_directory(crawler.settings))
        assert crawler.stats is not None
        crawler.stats.set_value("archive/location", archive.storage.location)
        return cls(archive, state, open_schedule(crawler.settings), spool, crawler)

    async def _in_pool(self, function: Callable[..., T], *args: Any) -> T:
        deferred = deferToThreadPool(reactor, self.pool, function, *args)
        result: T = await maybe_deferred_to_future(deferred)
        return result

    async def open_spider(self) -> None:
        self.pool.start()
        if len(self.spool):
            logger.info("%d items spooled by an earlier run: flushing them first", len(self.spool))
            await self._flush()
        self.retry_loop = task.LoopingCall(self._retry)
        self.retry_loop.start(self.retry_seconds, now=False)

    async def close_spider(self) -> None:
        if self.retry_loop is not None and self.retry_loop.running:
            self.retry_loop.stop()
        if self.running_flush is not None and not self.running_flush.called:
            await maybe_deferred_to_future(self.running_flush)  # let a retry pass finish
        if len(self.spool):
            await self._flush()
        left = len(self.spool)
        if left:
            self.stats.set_value("archive/still_spooled", left)
            logger.error(
                "%d items could not reach the store and stay spooled in %s; "
                "the next run stores them first",
                left, self.spool.directory,
            )  # fmt: skip
        self.pool.stop()
        self.state.close()
        self.schedule.close()

    def _write(self, item: FetchedPage, version: Version | None = None) -> str:
        """Store one item (blocking); the state learns of a version only after the store.

        ``version``: the item's files already rendered (on the reactor thread, so that
        the storage threads do little but I/O and seldom contend for the GIL).
        """
        if item.article is None:
            return self.archive.quarantine(
                item.url, item.canonical_url, item.html, item.encoding, item.errors,
                item.fetched_at.isoformat(),
            )  # fmt: skip
        if item.existing_key is not None:  # reverted: no new version, latest moves back
            self.archive.move_latest(item.article, item.existing_key)
            self.state.touch(item.article.canonical_url, item.existing_key, item.fetched_at)
            self.schedule.observe(
                article_observation(item.article, True, item.etag, item.last_modified)
            )
            return item.existing_key
        known = self.state.versions(item.article.canonical_url)
        newest = all(v.fetched_at <= item.article.fetched_at.isoformat() for v in known)
        version = version or self.archive.prepare_version(item.article, item.html, item.encoding)
        stored = self.archive.write_version(version, newest=newest)
        checkpoint("record")
        try:
            self.state.record(item.article, stored.key, item.version_reason)
            observed = article_observation(item.article, True, item.etag, item.last_modified)
            self.schedule.observe(observed)
        except sqlite3.Error as exc:  # e.g. the state's disk is full: keep the item, retry
            raise StorageError(f"cannot record {stored.key} in the dedup state: {exc}") from exc
        return stored.key

    def _count(self, item: FetchedPage) -> None:
        outcome = "quarantined" if item.article is None else str(item.version_reason)
        self.stats.inc_value(f"archive/{outcome}")
        self.stats.inc_value(f"archive/{outcome}/{item.site}")

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        if self.down:
            await self._spool(item)
            raise DropItem(f"spooled while the store is down: {item.url}", "INFO")
        version = None
        if item.article is not None and item.existing_key is None:
            version = self.archive.prepare_version(item.article, item.html, item.encoding)
        try:
            key = await self._in_pool(self._write, item, version)
        except StorageError as exc:
            self.down = True
            logger.error(
                "store unavailable (%s): spooling to %s until it answers", exc, self.spool.directory
            )
            await self._spool(item)
            raise DropItem(f"spooled: {item.url}", "INFO") from exc
        self._count(item)
        if item.article is None:
            reasons = "; ".join(f"{f.field}: {f.reason}" for f in item.errors)
            raise DropItem(f"quarantined {item.url} ({reasons}) -> {key}", "WARNING")
        if item.existing_key is not None:
            raise DropItem(f"reverted to {key}: {item.url}", "INFO")
        return item.article.model_dump(mode="json")

    async def _spool(self, item: FetchedPage) -> None:
        try:
            await self._in_pool(self.spool.put, item)
        except OSError as exc:
            self.stats.inc_value("archive/store_failed")
            self.stats.inc_value(f"archive/store_failed/{item.site}")
            raise DropItem(
                f"neither stored nor spooled ({exc.strerror or exc}): {item.url}; "
                "it is fetched again next run", "ERROR",
            ) from exc  # fmt: skip
        self.stats.inc_value("archive/spooled")

    def _retry(self) -> Deferred[None] | None:
        """The retry loop's tick: while the store is down, try the spool again."""
        if not self.down or self.flushing:
            return None
        self.running_flush = deferred_from_coro(self._flush()).addErrback(
            lambda failure: logger.error("spool flush failed: %s", failure.getErrorMessage())
        )
        return self.running_flush

    async def _flush(self) -> None:
        """Store spooled items, the least-failed first.

        ``MAX_CONSECUTIVE_FAILURES`` failures in a row mean the store is down: the pass
        stops.  An entry that fails while others in the same pass succeed is at fault
        itself (say, a key the store refuses); after ``MAX_ENTRY_STRIKES`` such passes it
        is set aside, so that one bad item never holds up the rest.
        """
        if self.flushing:
            return
        self.flushing = True
        flushed, failed_in_a_row, unexplained = 0, 0, []
        try:
            entries = sorted(self.spool.entries(), key=lambda e: (self.failures.get(e, 0), e))
            for entry in entries:
                try:
                    item = await self._in_pool(self.spool.load, entry)
                except (OSError, ValueError) as exc:
                    await self._set_aside(entry, f"unreadable spool entry: {exc}", "unreadable")
                    continue
                try:
                    await self._in_pool(self._write, item)
                except StorageError as exc:
                    self.failures[entry] = self.failures.get(entry, 0) + 1
                    unexplained.append((entry, str(exc)))
                    failed_in_a_row += 1
                    if failed_in_a_row >= MAX_CONSECUTIVE_FAILURES:
                        break
                    continue
                failed_in_a_row = 0
                await self._in_pool(self.spool.remove, entry)
                self.failures.pop(entry, None)
                self._count(item)
                self.stats.inc_value("archive/flushed")
                flushed += 1
            if flushed:
                for entry, reason in list(unexplained):  # others went through: their fault
                    self.strikes[entry] = self.strikes.get(entry, 0) + 1
                    if self.strikes[entry] >= MAX_ENTRY_STRIKES:
                        await self._set_aside(entry, reason, "refused")
                        unexplained.remove((entry, reason))
            if unexplained and not flushed:
                self.down = True
                logger.info(
                    "store still unavailable (%s); %d items spooled",
                    unexplained[-1][1], len(self.spool),
                )  # fmt: skip
                return
            if self.down or flushed:
                logger.info("store answers: %d spooled items stored", flushed)
            self.down = bool(unexplained)  # retry the failed ones on the next tick
        finally:
            self.flushing = False

    async def _set_aside(self, entry: str, reason: str, kind: str) -> None:
        aside = await self._in_pool(self.spool.set_aside, entry, reason, kind)
        self.failures.pop(entry, None)
        self.stats.inc_value("archive/set_aside")
        logger.error("spool entry set aside, not stored (%s): %s", reason, aside)
