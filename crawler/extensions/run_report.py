"""The run report kept with the archive: ``runs/<start time>_<id>.json`` (local or S3).

Written when the run is judged (:data:`crawler.extensions.summary.RUN_FINISHED`).  A
store that does not take it now (S3 down) does not lose it: the report waits beside
this machine's state and the next run stores it first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.extensions.summary import RUN_FINISHED
from crawler.operations.report import RunReport
from crawler.storage import StorageError
from crawler.storage.atomic import write_atomically
from crawler.storage.layout import JSON_TYPE

logger = logging.getLogger(__name__)


class RunReports:
    """Extension: stores each run's report with the archive."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.run_finished, signal=RUN_FINISHED)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReports:
        return cls(crawler)

    async def run_finished(self, report: RunReport) -> None:
        context = CrawlContext.of(self.crawler)
        waiting = context.paths.reports_waiting
        await maybe_deferred_to_future(deferToThread(self._store, context, report, waiting))

    def _store(self, context: CrawlContext, report: RunReport, waiting: Path) -> None:
        storage = context.archive.storage
        pending = sorted(waiting.glob("*.json")) if waiting.is_dir() else []
        try:
            for path in pending:  # reports an earlier run could not store
                storage.put(f"runs/{path.name}", path.read_bytes(), JSON_TYPE)
                path.unlink()
            storage.put(report.key, report.dump(), JSON_TYPE)
        except StorageError as exc:
            waiting.mkdir(parents=True, exist_ok=True)
            write_atomically(waiting / report.key.removeprefix("runs/"), report.dump())
            logger.error("the run report waits in %s: the store did not take it (%s)", waiting, exc)
            return
        logger.info("run report: %s/%s", storage.location.rstrip("/"), report.key)
