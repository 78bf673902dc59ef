"""No item lost in silence: a page whose item fails in a pipeline is quarantined.

Scrapy logs an exception raised by an item pipeline ("Error processing") and drops
the item; the page would be neither archived nor quarantined, and only the log would
know.  This extension listens to ``item_error``: the page (its HTML travels with the
item) is quarantined with the pipeline's exception as the reason, the error is
counted and listed, and the run summary turns unhealthy (exit status 1).  When even
the quarantine cannot be written the item is counted as not stored, which the next
run fetches again.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from crawler.context import CrawlContext
from crawler.items import FetchedPage, NotModified
from crawler.redact import redact_text, redact_url
from schemas.models import Finding

logger = logging.getLogger(__name__)
MAX_LISTED = 50


def _reason(failure: Failure) -> str:
    frames = failure.frames
    where = ""
    for name, filename, _line, _locals, _globals in reversed(frames):
        if "/crawler/pipelines/" in filename or "pipeline" in filename.lower():
            where = f" in {filename.rsplit('/', 1)[-1]} ({name})"
            break
    kind = failure.type.__name__ if failure.type is not None else "error"
    return f"an item pipeline failed{where}: {kind}: {failure.getErrorMessage()}"


class ItemErrors:
    """Quarantines, counts and lists the items that an item pipeline failed on."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler, self.stats = crawler, crawler.stats
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ItemErrors:
        return cls(crawler)  # the context is asked when needed: extensions are built together

    def _list(self, url: str, reason: str) -> None:
        listed = list(self.stats.get_value("archive/item_error_urls", []))
        if len(listed) < MAX_LISTED:
            listed.append({"url": redact_url(url), "reason": redact_text(reason)})
            self.stats.set_value("archive/item_error_urls", listed)

    async def item_error(self, item: Any, failure: Failure) -> None:
        reason = _reason(failure)
        self.stats.inc_value("archive/item_errors")
        if isinstance(item, NotModified):  # no page to keep: the next run revisits it
            self._list(item.url, reason)
            return
        if not isinstance(item, FetchedPage):
            self._list("?", reason)
            return
        self.stats.inc_value(f"archive/item_errors/{item.site}")
        self._list(item.url, reason)
        findings = [*item.errors, Finding(field="item", value=None, reason=reason)]
        try:
            archive = CrawlContext.of(self.crawler).archive
            stored = await maybe_deferred_to_future(
                deferToThread(
                    archive.quarantine,
                    item.url,
                    item.canonical_url,
                    item.html,
                    item.encoding,
                    findings,
                    item.fetched_at.isoformat(),
                )
            )
        except Exception as exc:
            self.stats.inc_value("archive/store_failed")
            self.stats.inc_value(f"archive/store_failed/{item.site}")
            logger.error("could not quarantine %s after a pipeline error: %s", item.url, exc)
            return
        self.stats.inc_value("archive/quarantined")
        self.stats.inc_value(f"archive/quarantined/{item.site}")
        logger.error(
            "quarantined %s after a pipeline error (%s) -> %s", item.url, reason, stored.key
        )
