"""The run summary, for the person (or scheduler) who started the crawl.

At the end of each run it logs what happened -- pages fetched, articles new, updated,
unchanged, silently edited, quarantined, with warnings, per site -- and where the
archive is; with ``SUMMARY_PATH`` set it also writes the same as JSON.  It decides
the run's exit status, which ``scrapy crawl`` returns (see ``crawler.commands``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.context import CrawlContext
from crawler.redact import redact_data, redact_text
from crawler.runs.discovery import discovery_summary, judge_discovery
from crawler.runs.health import SITE_READ, SITE_UNREAD, Thresholds
from crawler.runs.render import redacted, render_summary, summarise
from crawler.runs.report import RUN_FINISHED, run_report
from crawler.runs.walks import (
    NO_ANSWER,
    WalkReport,
    judge_walks,
    nothing_read,
    walk_summary,
)
from crawler.scaleout.workers import Workers
from crawler.storage.atomic import write_atomically

logger = logging.getLogger("crawler.summary")  # the name operators grep for in cron mail


class RunSummary:
    """Logs the summary at spider close and records the exit status in the stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.path = crawler.settings.get("SUMMARY_PATH")
        self.limits = Thresholds.from_settings(crawler.settings)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        return cls(crawler)  # the context is asked when needed: extensions are built together

    async def spider_closed(self, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        context = CrawlContext.of(self.crawler)
        log = context.log
        workers = Workers.of(self.crawler)
        if workers is not None:  # a shared crawl: the last worker speaks for all
            part = self._worker_part(stats, log.failed)  # written before the last one's
            own = (stats, log.failed, log.refused)
            (stats, failed, refused), last = await workers.gather(own, reason == "finished")
            if not last:
                self._worker_done(part)
                return
            log.failed[:], log.refused[:] = failed, refused
        walks = judge_walks(context, reason, stats)
        found = judge_discovery(context, stats)
        details = self._judge(context, walks, stats, log.refused)
        details.update(unread_sites(context, stats, log.failed + log.refused))
        summary = summarise(stats, log.failed, self.limits, details)
        summary["refused"] = redacted(log.refused)
        summary.update(walk_summary(walks))
        summary.update(discovery_summary(found))
        summary = redact_data(summary)  # every field, whatever it holds
        self.crawler.stats.set_value("archive/exit_status", 0 if summary["healthy"] else 1)
        logger.info("%s", render_summary(summary))
        report = run_report(stats, summary, context)
        summary["run_report"] = report.key
        self._write(summary)
        await self.crawler.signals.send_catch_log_async(
            signal=RUN_FINISHED, report=report, summary=summary
        )

    def _judge(
        self,
        context: CrawlContext,
        walks: WalkReport,
        stats: dict[str, Any],
        refused: list[tuple[str, str]],
    ) -> dict[str, str]:
        """The stats of the walks' health rules, and what their messages name."""
        runs = self.limits.max_incomplete_walks
        details = {"walk_runs": str(runs)}
        stuck = walks.stuck(runs)
        if stuck:
            stats["walk/stuck"] = len(stuck)
            details["stuck_first"] = f"{stuck[0].listing}: {stuck[0].reason}"
        if context.started and nothing_read(stats):
            stats["archive/nothing_read"] = 1
            first = f"refused {refused[0][0]}: {refused[0][1]}" if refused else NO_ANSWER
            details["first_refusal"] = redact_text(first)
        return details

    def _write(self, summary: dict[str, Any]) -> None:
        """The summary as JSON at ``SUMMARY_PATH``, for schedulers and monitors."""
        if self.path:
            text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
            write_atomically(Path(self.path), (text + "\n").encode("utf-8"))

    def _worker_part(self, stats: dict[str, Any], failed: list[tuple[str, str]]) -> dict[str, Any]:
        """This worker's own part of a shared crawl, at ``SUMMARY_PATH`` before it leaves
        the crawl: workers sharing one path on one machine end with the last worker's
        summary there (it is written after every other worker has left), and a worker
        alone on its machine leaves its part."""
        summary = summarise(stats, failed, self.limits)
        summary["worker_part"] = True  # this worker's part only: see the last worker's
        self._write(summary)
        return summary

    def _worker_done(self, summary: dict[str, Any]) -> None:
        """A worker that is not the last: its exit status from its own part; the run's
        summary and report come from the last worker."""
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("archive/exit_status", 0 if summary["healthy"] else 1)
        logger.info(
            "this worker's part is done (%d new, %d updated, %d unchanged); the run's summary"
            " and report come from the last worker of the crawl",
            summary["totals"].get("new", 0),
            summary["totals"].get("updated", 0),
            summary["totals"].get("unchanged", 0),
        )


def unread_sites(
    context: CrawlContext, stats: dict[str, Any], failures: list[tuple[str, str]]
) -> dict[str, str]:
    """Each site of the crawl of which no page was read (down, unknown to DNS, refused by
    robots.txt or the address filter) marked in ``stats`` for the ``site_unread`` rule,
    with the first failure or refusal of a request to it (what the rule's message says)."""
    if not context.started or nothing_read(stats):
        return {}  # the run's own rule says it of every site
    reasons = {}
    for site in context.scope.sites:
        if stats.get(f"{SITE_READ}/{site}"):
            continue
        stats[f"{SITE_UNREAD}/{site}"] = 1
        first = next(
            (f"{url}: {why}" for url, why in failures if urlsplit(url).netloc == site),
            "no request to it got an answer",
        )
        reasons[f"{SITE_UNREAD}/{site}"] = redact_text(first)
    return reasons
