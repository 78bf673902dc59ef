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
from scrapy.statscollectors import StatsCollector

from crawler.context import CrawlContext
from crawler.items import FetchedPage, NotModified
from crawler.state.backend import State
from crawler.state.schedule import Observation, article_observation
from crawler.state.versions import KnownVersion

logger = logging.getLogger(__name__)
MAX_LISTED = 50  # silent edits named in the summary and the run report


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

    def __init__(self, context: CrawlContext, stats: StatsCollector) -> None:
        self.context, self.stats = context, stats
        self.state: State = context.state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        assert crawler.stats is not None
        return cls(CrawlContext.of(crawler), crawler.stats)

    async def open_spider(self) -> None:
        await self.context.sync_state()

    def close_spider(self) -> None:
        if self.context.started and self.context.scope.sites:
            now, overdue = datetime.now(UTC), []
            for site in self.context.scope.sites:
                late = self.state.schedule.overdue([site], now)
                self.stats.set_value(f"revisit/overdue/{site}", len(late))
                overdue += late
            self.stats.set_value("revisit/overdue", len(overdue))
            self.stats.set_value("revisit/overdue_urls", overdue[:20])

    def process_item(self, item: Any) -> Any:
        if isinstance(item, NotModified):
            self._unchanged(item.site, observation_of(item))
            raise DropItem(f"not modified (304): {item.canonical_url}", log_level="DEBUG")
        if not isinstance(item, FetchedPage) or item.article is None:
            return item
        article = item.article
        known = self.state.versions.of(article.canonical_url)
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
                article.canonical_url,
                article.updated_date_raw,
            )
            edits = list(self.stats.get_value("archive/silent_edit_urls", []))
            if len(edits) < MAX_LISTED:
                self.stats.set_value("archive/silent_edit_urls", [*edits, article.url])
        return item

    def _unchanged(self, site: str, seen: Observation) -> None:
        self.state.schedule.observe(seen)
        self.stats.inc_value("archive/unchanged")
        self.stats.inc_value(f"archive/unchanged/{site}")


def observation_of(item: NotModified) -> Observation:
    return Observation(
        canonical_url=item.canonical_url,
        url=item.url,
        site=item.site,
        category=item.category,
        imported_date=None,
        etag=item.etag,
        last_modified=item.last_modified,
        fetched_at=item.fetched_at,
        changed=False,
    )
