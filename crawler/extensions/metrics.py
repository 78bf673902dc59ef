"""Prometheus metrics at the end of each run (``METRICS_PATH``, ``PUSHGATEWAY_URL``).

The last healthy run of each site comes from the run reports (this run's included), so
a dashboard shows how long a site has gone without one.  Neither the file nor the push
can fail the crawl: what goes wrong is one line in the log.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.extensions.summary import RUN_FINISHED
from crawler.operations import history, metrics
from crawler.operations.report import RunReport
from crawler.storage import Storage, StorageError
from crawler.storage.atomic import write_atomically

logger = logging.getLogger(__name__)


class RunMetrics:
    """Extension: writes (and pushes) the run's metrics."""

    def __init__(self, crawler: Crawler, path: str, gateway: str, instance: str) -> None:
        self.crawler, self.path, self.gateway, self.instance = crawler, path, gateway, instance
        crawler.signals.connect(self.run_finished, signal=RUN_FINISHED)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunMetrics:
        settings = crawler.settings
        path, gateway = settings.get("METRICS_PATH"), settings.get("PUSHGATEWAY_URL")
        if not path and not gateway:
            raise NotConfigured("neither METRICS_PATH nor PUSHGATEWAY_URL is set")
        return cls(crawler, path, gateway, settings.get("METRICS_INSTANCE") or socket.gethostname())

    async def run_finished(self, report: RunReport) -> None:
        storage = CrawlContext.of(self.crawler).archive.storage
        await maybe_deferred_to_future(deferToThread(self._publish, storage, report))

    def _publish(self, storage: Storage, report: RunReport) -> None:
        try:
            earlier = history.reports(storage)
        except StorageError as exc:
            logger.warning("metrics without the earlier runs (%s)", exc)
            earlier = []
        runs = [r for r in earlier if r.key != report.key] + [report]
        text = metrics.render(report, history.per_site(runs))
        if self.path:
            try:
                write_atomically(Path(self.path), text.encode("utf-8"))
            except OSError as exc:
                logger.error("could not write the metrics to %s: %s", self.path, exc)
        if self.gateway:
            try:
                metrics.push(self.gateway, text, self.instance)
            except OSError as exc:
                logger.error("could not push the metrics to %s: %s", self.gateway, exc)
