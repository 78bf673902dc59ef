"""The run summary, for the person (or scheduler) who started the crawl.

At the end of each run it logs what happened -- pages fetched, articles new, updated,
unchanged, silently edited, quarantined, with warnings, per site -- and where the
archive is; with ``SUMMARY_PATH`` set it also writes the same as JSON.  It decides
the run's exit status, which ``scrapy crawl`` returns (see ``crawler.commands``).
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.context import CrawlContext
from crawler.redact import redact_data, redact_text, redact_url
from crawler.runs.health import Thresholds, verdict
from crawler.runs.report import RUN_FINISHED, RunReport, per_site
from crawler.runs.walks import (
    NO_ANSWER,
    WalkReport,
    judge_walks,
    nothing_read,
    walk_lines,
    walk_summary,
)
from crawler.scaleout.workers import Workers
from crawler.storage.atomic import write_atomically
from crawler.version import crawler_identity

logger = logging.getLogger("crawler.summary")  # the name operators grep for in cron mail
LABELS = {
    "first": "new",
    "updated": "updated",
    "unchanged": "unchanged",
    "silent_edit": "silently edited",
    "reverted": "reverted",
    "changed": "changed",
    "quarantined": "quarantined",
    "with_warnings": "with warnings",
    "store_failed": "not stored",
    "spooled": "spooled",
    "flushed": "flushed from the spool",
    "item_errors": "pipeline errors",
    "disagree": "disagreeing with their evidence",
}
LISTED = {
    "item_errors": "pipeline error",
    "incomplete": "incomplete",
    "dead_listing_pages": "dead listing page (its listing ends there)",
}


def redacted(entries: list[tuple[str, str]]) -> list[dict[str, str]]:
    """(URL, reason) pairs for the summary, without credentials."""
    return [{"url": redact_url(url), "reason": redact_text(reason)} for url, reason in entries]


def summarise(
    stats: dict[str, Any],
    failed: list[tuple[str, str]],
    limits: Thresholds,
    details: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The summary as data: totals, per-site counts, failures and the verdict
    (``details``: what the health rules' messages name beside the stats)."""
    per_site: dict[str, dict[str, int]] = defaultdict(dict)
    for key, value in stats.items():
        parts = key.split("/")
        if len(parts) == 3 and parts[0] == "archive" and parts[1] in LABELS:
            per_site[parts[2]][LABELS[parts[1]]] = value
    totals = {LABELS[name]: stats.get(f"archive/{name}", 0) for name in LABELS}
    fetched = stats.get("downloader/response_count", 0)
    first = redact_text(f"{failed[0][0]}: {failed[0][1]}") if failed else ""
    problems = verdict(stats, limits, {"first_failure": first, **(details or {})})
    return {
        "archive": stats.get("archive/location"),
        "pages_fetched": fetched,
        "requests": stats.get("downloader/request_count", 0),
        "listing_pages": stats.get("archive/listing_pages", 0),
        "articles_seen": stats.get("archive/articles", 0),
        "mode": stats.get("revisit/mode"),
        "revisits": {
            "due": stats.get("revisit/due", 0),
            "article_pages_fetched": stats.get("revisit/fetched", 0),
            "not_modified": stats.get("revisit/not_modified", 0),
            "overdue": stats.get("revisit/overdue", 0),
            "overdue_urls": stats.get("revisit/overdue_urls", []),
        },
        "totals": totals,
        "per_site": dict(per_site),
        "failed": redacted(failed),
        "item_errors": stats.get("archive/item_error_urls", []),
        "warnings": {
            key.removeprefix("archive/warnings/"): value
            for key, value in sorted(stats.items())
            if key.startswith("archive/warnings/")
        },
        "incomplete": stats.get("archive/incomplete_urls", []),
        "workers_lost": stats.get("shared/workers_lost", 0),
        "removals": stats.get("availability/events", []),
        "healthy": not problems,
        "problems": [problem.message for problem in problems],
        "rules_broken": [problem.rule for problem in problems],
        "finish_reason": stats.get("finish_reason"),
    }


REMOVALS = {
    "gone": "gone",
    "moved": "moved",
    "back": "back",
    "missing": "missing (removal to confirm: GONE_CONFIRM_HOURS)",
}


def removal_lines(events: list[list[str]]) -> list[str]:
    """What the run's checks of known articles recorded: counts, then each one."""
    if not events:
        return []
    counts = Counter(kind for kind, _url, _reason in events)
    lines = [
        "  removals: "
        + ", ".join(f"{counts[k]} {label}" for k, label in REMOVALS.items() if counts[k])
    ]
    lines += [f"  {kind}: {url}: {reason}" for kind, url, reason in events[:20]]
    if len(events) > 20:
        lines.append(f"  ... and {len(events) - 20} more (see SUMMARY_PATH)")
    return lines


def render_summary(summary: dict[str, Any]) -> str:
    totals = summary["totals"]
    verdict = "OK" if summary["healthy"] else "FAILED: " + "; ".join(summary["problems"])
    lines = [
        f"Run summary: {verdict}",
        f"  archive: {summary['archive']}",
        f"  pages fetched: {summary['pages_fetched']} (listing pages: {summary['listing_pages']}),"
        f" failed: {len(summary['failed'])}",
        "  articles: " + ", ".join(f"{label} {totals[label]}" for label in LABELS.values()),
        "  revisits ({}): due {due}, article pages fetched {article_pages_fetched}"
        " (304 not modified: {not_modified}), overdue {overdue}".format(
            summary["mode"], **summary["revisits"]
        ),
    ]
    if summary.get("workers_lost"):
        lines.append(
            f"  workers lost: {summary['workers_lost']} (killed, or stalled past"
            " REDIS_LEASE_TTL): their requests went back on the queue, but the counts above"
            " leave out what they did (the archive holds what they stored)"
        )
    lines += walk_lines(summary) + removal_lines(summary.get("removals", []))
    for site, counts in sorted(summary["per_site"].items()):
        lines.append(f"  {site}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if summary.get("warnings"):
        lines.append(
            "  warnings by field: "
            + ", ".join(f"{name} {count}" for name, count in summary["warnings"].items())
        )
    for kind in ("item_errors", "incomplete", "failed", "refused", "dead_listing_pages"):
        entries = summary.get(kind, [])
        label = LISTED.get(kind, kind)
        lines += [f"  {label}: {entry['url']}: {entry['reason']}" for entry in entries[:20]]
        if len(entries) > 20:
            lines.append(f"  ... and {len(entries) - 20} more {kind} URLs (see SUMMARY_PATH)")
    return "\n".join(lines)


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
        details = self._judge(context, walks, stats, log.refused)
        summary = summarise(stats, log.failed, self.limits, details)
        summary["refused"] = redacted(log.refused)
        summary.update(walk_summary(walks))
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
