"""Dedup by the page's own update date, the heart of incremental re-archiving.

- unseen article: stored as its ``first`` version;
- same update date and same content: not stored again (counted as unchanged);
- newer update date: a new version (``updated``); the older ones stay, latest moves;
- same update date, different content: a new version flagged ``silent_edit``;
- no update date: deduplicated by content hash alone (``changed`` if new).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.archive import Archive
from crawler.dedup_state import DedupState, KnownVersion
from crawler.items import FetchedPage
from crawler.resources import dedup_state_path, open_archive
from crawler.storage import StorageError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    """Why a new version must be stored (``reason``), or which stored one this is."""

    reason: str | None
    existing: KnownVersion | None = None


def decide(known: list[KnownVersion], updated: date | None, sha: str) -> Decision:
    """Compare a fetched article with the versions the store holds (oldest first)."""
    if not known:
        return Decision("first")
    for version in reversed(known):
        if version.content_sha256 == sha and version.updated_date == updated:
            return Decision(None, version)
    if updated is None:
        same = [v for v in known if v.content_sha256 == sha]
        return Decision(None, same[-1]) if same else Decision("changed")
    latest = known[-1].updated_date
    if latest is None or updated > latest:
        return Decision("updated")
    return Decision("silent_edit" if updated == latest else "changed")


class DedupPipeline:
    """Drops what the archive already holds; says why everything else is new."""

    def __init__(self, state: DedupState, archive: Archive, stats: StatsCollector) -> None:
        self.state, self.archive, self.stats = state, archive, stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        archive = open_archive(crawler.settings)
        state = DedupState(dedup_state_path(crawler.settings, archive))
        assert crawler.stats is not None
        return cls(state, archive, crawler.stats)

    async def open_spider(self) -> None:
        try:
            await self._open()
        except StorageError as exc:
            logger.warning(
                "cannot check the dedup state against the archive (%s); versions the store "
                "already holds are recognised when they are written again",
                exc,
            )

    async def _open(self) -> None:
        """Make the state agree with the store: rebuilt when empty, reset when the
        archive it describes is gone (a state must never claim what the store lacks)."""
        has_versions = await maybe_deferred_to_future(deferToThread(self.archive.has_versions))
        if self.state.count() and not has_versions:
            logger.warning(
                "the dedup state knows %d versions but the archive holds none: starting afresh",
                self.state.count(),
            )
            self.state.rebuild([])
        if self.state.count() == 0 and has_versions:
            rebuilt = await maybe_deferred_to_future(
                deferToThread(self.state.rebuild, self.archive.versions())
            )
            logger.info("dedup state rebuilt from the archive: %d versions", rebuilt)

    def close_spider(self) -> None:
        self.state.close()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage) or item.article is None:
            return item
        article = item.article
        known = self.state.versions(article.canonical_url)
        decision = decide(known, article.updated_date, article.content_sha256)
        reason = decision.reason
        if reason is None:
            assert decision.existing is not None
            if decision.existing.version_key != known[-1].version_key:
                # the page went back to an earlier version: latest moves back to it
                item.version_reason, item.existing_key = "reverted", decision.existing.version_key
                return item
            self.stats.inc_value("archive/unchanged")
            self.stats.inc_value(f"archive/unchanged/{item.site}")
            raise DropItem(f"unchanged: {article.canonical_url}", log_level="DEBUG")
        item.version_reason = reason
        item.article = article.model_copy(update={"version_reason": reason})
        if reason == "silent_edit":
            logger.warning(
                "silent edit: %s changed without a new update date (%s)",
                article.canonical_url, article.updated_date_raw,
            )  # fmt: skip
        return item
