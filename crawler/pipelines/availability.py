"""Availability: what a check of a known article found -- absent (404, 410, a redirect
away, a page that is no article any more) or present again -- becomes an event in the
archive when it is one (:func:`crawler.state.standings.judge` says when), then the
article's standing in the state (the archive first, as for versions).

A check that could not be recorded is said in the log and counted; the article stays
due, so the next run checks it again.  Checks are not exported as items.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.state.schedule import Observation
from crawler.state.standings import Check, judge
from crawler.storage import StorageError
from crawler.storage.events import write_event
from schemas.events import ArticleEvent

logger = logging.getLogger(__name__)
EVENTS = "availability/events"
"""Stats: [kind, URL, reason] of each event the run recorded (lists join across workers)."""


class AvailabilityPipeline:
    """Records checks of known articles (items of type :class:`Check`)."""

    def __init__(self, context: CrawlContext, stats: StatsCollector, confirm: timedelta) -> None:
        self.context, self.stats, self.confirm = context, stats, confirm

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AvailabilityPipeline:
        assert crawler.stats is not None
        hours = crawler.settings.getfloat("GONE_CONFIRM_HOURS")
        return cls(CrawlContext.of(crawler), crawler.stats, timedelta(hours=hours))

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Check):
            return item
        try:
            event = await maybe_deferred_to_future(deferToThread(self.record, item))
        except StorageError as exc:  # the state's errors are storage errors too
            self.stats.inc_value("availability/unrecorded")
            logger.error("could not record the check of %s (%s): due again", item.url, exc)
            raise DropItem(f"check not recorded: {item.url}", "INFO") from exc
        if event is None:
            raise DropItem(f"checked, nothing new: {item.url}", "DEBUG")
        self.stats.inc_value(f"availability/{event.kind}")
        self.stats.inc_value(f"availability/{event.kind}/{item.site}")
        listed = self.stats.get_value(EVENTS, [])
        self.stats.set_value(EVENTS, [*listed, [event.kind, event.url, event.reason]])
        log = logger.warning if event.kind in ("gone", "moved") else logger.info
        log("%s: %s (%s)", event.kind, event.url, event.reason)
        raise DropItem(f"{event.kind}: {item.url}", "DEBUG")

    def record(self, check: Check) -> ArticleEvent | None:
        """The event the check makes, written; the standing after it (blocking)."""
        state = self.context.state
        with state.guard(check.canonical_url):
            standing = state.standings.of(check.canonical_url)
            event, after = judge(check, standing, self.confirm)
            if event is not None:
                write_event(self.context.archive.storage, event)
            if after is None and standing is not None:
                state.standings.drop(check.canonical_url)
            elif after is not None and after != standing:
                state.standings.put(after)
            if after is not None and after.kind != "missing":  # confirmed: checked less often
                state.schedule.observe(
                    Observation(
                        canonical_url=check.canonical_url,
                        url=check.url,
                        site=check.site,
                        category=None,
                        imported_date=None,
                        etag=None,
                        last_modified=None,
                        fetched_at=check.at,
                        changed=False,
                    )
                )
        return event
