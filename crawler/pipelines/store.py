"""Store: write each new version (or quarantined page), then record it in the state.

The state is written only after the store has confirmed the version, so a crash in
between can never make an article look stored when it is not.  Storage calls block,
so they run in the reactor's thread pool.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.archive import Archive
from crawler.dedup_state import DedupState
from crawler.items import FetchedPage
from crawler.resources import dedup_state_path, open_archive
from crawler.storage import StorageError

logger = logging.getLogger(__name__)


class StorePipeline:
    """Writes versions and quarantined pages; counts them per site."""

    def __init__(self, archive: Archive, state: DedupState, stats: StatsCollector) -> None:
        self.archive, self.state, self.stats = archive, state, stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        archive = open_archive(crawler.settings)
        state = DedupState(dedup_state_path(crawler.settings, archive))
        assert crawler.stats is not None
        crawler.stats.set_value("archive/location", archive.storage.location)
        return cls(archive, state, crawler.stats)

    def close_spider(self) -> None:
        self.state.close()

    def _store(self, item: FetchedPage) -> str:
        assert item.article is not None
        stored = self.archive.store_version(item.article, item.html, item.encoding)
        self.state.record(item.article, stored.key, item.version_reason)
        return stored.key

    def _quarantine(self, item: FetchedPage) -> str:
        return self.archive.quarantine(
            item.url, item.canonical_url, item.html, item.encoding, item.errors,
            item.fetched_at.isoformat(),
        )  # fmt: skip

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        work = self._quarantine if item.article is None else self._store
        try:
            key = await maybe_deferred_to_future(deferToThread(work, item))
        except StorageError as exc:
            self.stats.inc_value("archive/store_failed")
            self.stats.inc_value(f"archive/store_failed/{item.site}")
            raise DropItem(f"not stored, will retry next run: {item.url}: {exc}", "ERROR") from exc
        if item.article is None:
            self.stats.inc_value("archive/quarantined")
            self.stats.inc_value(f"archive/quarantined/{item.site}")
            reasons = "; ".join(f"{f.field}: {f.reason}" for f in item.errors)
            raise DropItem(f"quarantined {item.url} ({reasons}) -> {key}", "WARNING")
        self.stats.inc_value(f"archive/{item.version_reason}")
        self.stats.inc_value(f"archive/{item.version_reason}/{item.site}")
        return item.article.model_dump(mode="json")
