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
from datetime import UTC, date, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.archive import Archive
from crawler.dedup_state import DedupState, KnownVersion
from crawler.items import FetchedPage, NotModified
from crawler.rebuild import rebuild_state
from crawler.resources import dedup_state_path, open_archive, open_schedule
from crawler.revisit import Observation, RevisitSchedule, article_observation
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
    """Drops what the archive already holds; says why everything else is new.

    It also keeps the revisit schedule for what it drops: an article found unchanged
    (the same content, or a 304) waits longer before its next visit.
    """

    def __init__(
        self, state: DedupState, schedule: RevisitSchedule, archive: Archive, crawler: Crawler
    ) -> None:
        assert crawler.stats is not None
        self.state, self.schedule, self.archive = state, schedule, archive
        self.crawler, self.stats = crawler, crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        state = DedupState(dedup_state_path(crawler.settings))
        schedule = open_schedule(crawler.settings)
        return cls(state, schedule, open_archive(crawler.settings), crawler)

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
            self.schedule.clear()
        if has_versions and (self.state.count() == 0 or self.schedule.count() == 0):
            rebuilt = await maybe_deferred_to_future(deferToThread(self._rebuild))
            logger.info("dedup state rebuilt from the archive: %d versions", rebuilt)

    def _rebuild(self) -> int:
        return rebuild_state(self.archive, self.state, self.schedule)

    def close_spider(self) -> None:
        sites = getattr(self.crawler.spider, "crawl_sites", None)
        if sites:
            overdue = self.schedule.overdue(sites, datetime.now(UTC))
            self.stats.set_value("revisit/overdue", len(overdue))
            self.stats.set_value("revisit/overdue_urls", overdue[:20])
        self.state.close()
        self.schedule.close()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, NotModified):
            self._unchanged(item.site, observation_of(item))
            raise DropItem(f"not modified (304): {item.canonical_url}", log_level="DEBUG")
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
            self._unchanged(
                item.site, article_observation(article, False, item.etag, item.last_modified)
            )
            raise DropItem(f"unchanged: {article.canonical_url}", log_level="DEBUG")
        item.version_reason = reason
        item.article = article.model_copy(update={"version_reason": reason})
        if reason == "silent_edit":
            logger.warning(
                "silent edit: %s changed without a new update date (%s)",
                article.canonical_url, article.updated_date_raw,
            )  # fmt: skip
        return item

    def _unchanged(self, site: str, seen: Observation) -> None:
        self.schedule.observe(seen)
        self.stats.inc_value("archive/unchanged")
        self.stats.inc_value(f"archive/unchanged/{site}")


def observation_of(item: NotModified) -> Observation:
    return Observation(
        canonical_url=item.canonical_url, url=item.url, site=item.site, category=item.category,
        imported_date=None, etag=item.etag, last_modified=item.last_modified,
        fetched_at=item.fetched_at, changed=False,
    )  # fmt: skip
