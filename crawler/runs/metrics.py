"""Metrics of the last run in Prometheus' text format, for a dashboard and alerts.

Written at the end of each run to ``METRICS_PATH`` (for node_exporter's textfile
collector: whole or not at all) and, with ``PUSHGATEWAY_URL`` set, pushed to a
Pushgateway.  Per site: articles by outcome, failures, and the time of the site's last
healthy run (carried over from the run reports, so that an unhealthy night does not
reset it); for the run: requests, duration, health and when it ended.

The extension :class:`RunMetrics` writes them when the run is judged; neither the
file nor the push can fail the crawl: what goes wrong is one line in the log.
"""

from __future__ import annotations

import logging
import socket
import urllib.request
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.runs import history
from crawler.runs.history import SiteRecord
from crawler.runs.report import RUN_FINISHED, RunReport
from crawler.storage import Storage, StorageError
from crawler.storage.atomic import write_atomically

JOB = "mfa_archive"


def _escape(value: str) -> str:
    """A label value as the text format writes it (backslash, quote, newline escaped)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(**labels: str) -> str:
    inner = ",".join(f'{key}="{_escape(value)}"' for key, value in labels.items())
    return "{" + inner + "}" if inner else ""


def _family(
    name: str, kind: str, text: str, samples: list[tuple[dict[str, str], float]]
) -> list[str]:
    lines = [f"# HELP {name} {text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{_labels(**labels)} {_number(value)}" for labels, value in samples]
    return lines


def _number(value: float) -> str:
    """Every digit kept (a timestamp in ``%g`` would lose its last minutes)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render(report: RunReport, records: dict[str, SiteRecord]) -> str:
    """The run as metrics (every value a gauge: each describes the last run)."""
    articles = [
        ({"site": site, "outcome": outcome}, float(count))
        for site, counts in sorted(report.sites.items())
        for outcome, count in sorted(counts.items())
        if outcome != "failed"
    ]
    failures = [({"site": s}, float(c.get("failed", 0))) for s, c in sorted(report.sites.items())]
    success = [
        ({"site": site}, record.last_healthy.timestamp())
        for site, record in sorted(records.items())
        if record.last_healthy is not None
    ]
    lines = [
        *_family(
            "mfa_articles", "gauge", "Articles of the last run by site and outcome.", articles
        ),
        *_family(
            "mfa_fetch_failures",
            "gauge",
            "Requests of the last run that failed for good.",
            failures,
        ),
        *_family("mfa_requests", "gauge", "Requests the last run made.", [({}, report.requests)]),
        *_family(
            "mfa_run_duration_seconds",
            "gauge",
            "How long the last run took.",
            [({}, report.duration_seconds)],
        ),
        *_family(
            "mfa_run_healthy",
            "gauge",
            "1 if the last run was healthy, else 0.",
            [({}, 1.0 if report.healthy else 0.0)],
        ),
        *_family(
            "mfa_run_finished_timestamp_seconds",
            "gauge",
            "When the last run ended.",
            [({}, report.finished.timestamp())],
        ),
        *_family(
            "mfa_last_success_timestamp_seconds",
            "gauge",
            "When each site last had a healthy run.",
            success,
        ),
    ]
    return "\n".join(lines) + "\n"


def push(gateway: str, text: str, instance: str, timeout: float = 10) -> None:
    """PUT the metrics to a Pushgateway (replacing this job's group); raises OSError."""
    url = f"{gateway.rstrip('/')}/metrics/job/{JOB}/instance/{instance}"
    request = urllib.request.Request(  # noqa: S310 - the operator's Pushgateway URL
        url,
        data=text.encode("utf-8"),
        method="PUT",
        headers={"Content-Type": "text/plain; version=0.0.4"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
        answer.read()


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
        text = render(report, history.per_site(runs))
        if self.path:
            try:
                write_atomically(Path(self.path), text.encode("utf-8"))
            except OSError as exc:
                logger.error("could not write the metrics to %s: %s", self.path, exc)
        if self.gateway:
            try:
                push(self.gateway, text, self.instance)
            except OSError as exc:
                logger.error("could not push the metrics to %s: %s", self.gateway, exc)
