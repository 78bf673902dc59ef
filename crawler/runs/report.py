"""The run report: what one run covered and what became of it, kept with the archive.

Written at ``runs/<start time>_<id>.json`` under the archive root, local or S3, so that
"how did last night go?" has an answer without the logs: the scope (sites, start
points, language, mode), start and end, per site the articles new, updated, unchanged,
silently edited, reverted, quarantined, failed and overdue, the health verdict with the
rules that decided it, and the crawler's version and commit.

The extension :class:`RunReports` stores the report when the run is judged; a store
that does not take it now (S3 down) does not lose it: the report waits beside this
machine's state and the next run stores it first.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.redact import redact_data, redact_url
from crawler.storage import StorageError
from crawler.storage.atomic import write_atomically
from crawler.storage.layout import JSON_TYPE, RUNS, dump_json
from crawler.version import crawler_identity

RUN_FINISHED = object()
"""Scrapy signal: the run is over and judged (arguments ``report`` and ``summary``); the
run report, metrics and notifications listen to it."""


PER_SITE = {  # report field -> the stat counted per site
    "new": "archive/first",
    "updated": "archive/updated",
    "unchanged": "archive/unchanged",
    "silent_edits": "archive/silent_edit",
    "reverts": "archive/reverted",
    "changed": "archive/changed",
    "quarantined": "archive/quarantined",
    "failed": "archive/fetch_failed",
    "overdue": "revisit/overdue",
    "disagreeing": "archive/disagree",
    "missing": "availability/missing",
    "gone": "availability/gone",
    "moved": "availability/moved",
    "back": "availability/back",
}


class RunReport(BaseModel):
    """One run, as ``runs/<start>_<id>.json`` holds it."""

    run_id: str = Field(default_factory=lambda: uuid.uuid4().hex[:8])
    started: datetime
    finished: datetime
    mode: str | None = None
    scope: dict[str, Any] = Field(default_factory=dict)
    """``sites``, ``start_points`` (without credentials), ``lang``, ``limited``, ``walk``
    (``complete``, ``partial``...), ``listings`` (each listing's walk record after the
    run: complete, or incomplete so many runs in a row and why), ``dead_listing_pages``."""
    sites: dict[str, dict[str, int]] = Field(default_factory=dict)
    totals: dict[str, int] = Field(default_factory=dict)
    requests: int = 0
    healthy: bool = True
    problems: list[str] = Field(default_factory=list)
    rules_broken: list[str] = Field(default_factory=list)
    silent_edits: list[str] = Field(default_factory=list)
    removals: list[dict[str, str]] = Field(default_factory=list)
    """Each event the run's checks of known articles recorded: ``kind`` (``missing``,
    ``gone``, ``moved``, ``back``: :mod:`schemas.events`), ``url``, ``reason``."""
    finish_reason: str | None = None
    crawler: dict[str, str] = Field(default_factory=dict)

    @field_validator("scope")
    @classmethod
    def _without_credentials(cls, scope: dict[str, Any]) -> dict[str, Any]:
        """Start points without credentials, however the report was written (reports of
        earlier versions kept them as given): ``scrapy runs --json`` prints them."""
        starts = scope.get("start_points")
        if isinstance(starts, list):
            scope = {**scope, "start_points": [redact_url(str(url)) for url in starts]}
        return scope

    @property
    def key(self) -> str:
        """Where the report lives: start times sort the runs (to the millisecond: two runs
        may start within one second, and the random id must not decide their order)."""
        millis = self.started.microsecond // 1000
        return f"{RUNS}{self.started:%Y%m%dT%H%M%S}.{millis:03d}Z_{self.run_id}.json"

    @property
    def duration_seconds(self) -> float:
        return (self.finished - self.started).total_seconds()

    def dump(self) -> bytes:
        """The report as stored: every string without credentials."""
        return dump_json(redact_data(self.model_dump(mode="json")))

    @classmethod
    def read(cls, data: bytes) -> RunReport | None:
        try:
            return cls.model_validate_json(data)
        except ValidationError:
            return None


def per_site(stats: dict[str, Any], sites: list[str]) -> dict[str, dict[str, int]]:
    """The per-site counts of a run's stats, for every site crawled."""
    return {
        site: {field: int(stats.get(f"{stat}/{site}", 0) or 0) for field, stat in PER_SITE.items()}
        for site in sites
    }


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


def run_report(stats: dict[str, Any], summary: dict[str, Any], context: CrawlContext) -> RunReport:
    """The report of this run, from its stats, summary and scope."""
    scope = context.scope if context.started else None
    sites = scope.sites if scope else sorted(summary["per_site"])
    started = stats.get("start_time") or datetime.now(UTC)
    return RunReport(
        started=started,
        finished=datetime.now(UTC),
        mode=summary.get("mode"),
        scope={
            "sites": sites,
            "start_points": [redact_url(url) for url in scope.start_points] if scope else [],
            "lang": scope.lang if scope else None,
            "limited": scope.limited if scope else False,
            "walk": summary.get("walk"),
            "listings": summary.get("listings", []),
            "dead_listing_pages": summary.get("dead_listing_pages", []),
            "discovery": summary.get("discovery"),
            "job": scope.job if scope else None,
        },
        sites=per_site(stats, sites),
        totals=summary["totals"],
        requests=summary["requests"],
        healthy=summary["healthy"],
        problems=summary["problems"],
        rules_broken=summary["rules_broken"],
        silent_edits=[redact_url(u) for u in stats.get("archive/silent_edit_urls", [])],
        removals=[
            {"kind": kind, "url": redact_url(url), "reason": reason}
            for kind, url, reason in summary.get("removals", [])
        ],
        finish_reason=summary.get("finish_reason"),
        crawler=crawler_identity(),
    )
