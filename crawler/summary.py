"""The run summary, for the person (or scheduler) who started the crawl.

At the end of each run it logs what happened -- pages fetched, articles new, updated,
unchanged, silently edited, quarantined, with warnings, per site -- and where the
archive is; with ``SUMMARY_PATH`` set it also writes the same as JSON.  It decides
the run's exit status, which ``scrapy crawl`` returns (see ``crawler.commands``).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawler.redact import redact_text, redact_url
from crawler.resources import open_ledger

logger = logging.getLogger(__name__)
OUTCOMES = (
    "first",
    "updated",
    "unchanged",
    "silent_edit",
    "changed",
    "quarantined",
    "with_warnings",
)
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
}
LISTED = {"item_errors": "pipeline error", "incomplete": "incomplete"}


ARCHIVED = ("first", "updated", "unchanged", "silent_edit", "reverted", "changed")


@dataclass(frozen=True)
class Health:
    """When a run counts as failed (settings ``HEALTH_*``): rates above these, with at
    least ``min_count`` occurrences so that one bad page of three is not an alarm."""

    max_quarantine_rate: float = 0.25
    max_failed_rate: float = 0.10
    min_count: int = 5


def problems_of(stats: dict[str, Any], failed: list[tuple[str, str]], health: Health) -> list[str]:
    """Why the run is unhealthy (an empty list for a healthy run)."""
    problems = []
    if failed and not stats.get("archive/articles") and not stats.get("archive/not_an_article"):
        url, reason = failed[0]
        problems.append(f"nothing could be fetched ({len(failed)} failed; {url}: {reason})")
    sites = {key.rsplit("/", 1)[1] for key in stats if key.startswith("archive/article_pages/")}
    for site in sorted(sites):
        fetched = stats[f"archive/article_pages/{site}"]
        if fetched and not any(stats.get(f"archive/{o}/{site}") for o in ARCHIVED):
            problems.append(f"nothing archived from {site} although {fetched} article pages came")
    pages = stats.get("revisit/fetched", 0)
    quarantined = stats.get("archive/quarantined", 0)
    if quarantined >= health.min_count and quarantined > health.max_quarantine_rate * pages:
        problems.append(f"{quarantined} of {pages} article pages quarantined")
    requests = stats.get("downloader/request_count", 0)
    if len(failed) >= health.min_count and len(failed) > health.max_failed_rate * requests:
        problems.append(f"{len(failed)} of {requests} requests failed for good")
    if stats.get("archive/store_failed"):
        problems.append(
            f"{stats['archive/store_failed']} items could be neither stored nor spooled"
        )
    if stats.get("archive/set_aside"):
        problems.append(
            f"{stats['archive/set_aside']} spooled items the store refused were set aside"
            " (see the log)"
        )
    if stats.get("archive/item_errors"):
        problems.append(
            f"{stats['archive/item_errors']} items failed in an item pipeline"
            " (quarantined with the error: see the summary)"
        )
    if stats.get("archive/invalid"):
        problems.append(
            f"{stats['archive/invalid']} pages the schema refused (quarantined with the reason)"
        )
    if stats.get("spider_exceptions/count"):
        problems.append(f"{stats['spider_exceptions/count']} errors in the spider (see the log)")
    if stats.get("archive/still_spooled"):
        problems.append(
            f"{stats['archive/still_spooled']} items stay spooled (the store did not answer);"
            " the next run stores them first"
        )
    return problems


def redacted(entries: list[tuple[str, str]]) -> list[dict[str, str]]:
    """(URL, reason) pairs for the summary, without credentials."""
    return [{"url": redact_url(url), "reason": redact_text(reason)} for url, reason in entries]


def summarise(
    stats: dict[str, Any], failed: list[tuple[str, str]], health: Health | None = None
) -> dict[str, Any]:
    """The summary as data: totals, per-site counts, failures and the verdict."""
    per_site: dict[str, dict[str, int]] = defaultdict(dict)
    for key, value in stats.items():
        parts = key.split("/")
        if len(parts) == 3 and parts[0] == "archive" and parts[1] in LABELS:
            per_site[parts[2]][LABELS[parts[1]]] = value
    totals = {LABELS[name]: stats.get(f"archive/{name}", 0) for name in LABELS}
    fetched = stats.get("downloader/response_count", 0)
    problems = problems_of(stats, failed, health or Health())
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
        "healthy": not problems,
        "problems": problems,
        "finish_reason": stats.get("finish_reason"),
    }


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
    if summary.get("walk") == "complete":
        lines.append("  listings walked to the end: the next runs default to incremental")
    elif summary.get("walk") == "partial" and summary["mode"] == "full":
        lines.append("  listings not walked to the end: the next run defaults to full again")
    for site, counts in sorted(summary["per_site"].items()):
        lines.append(f"  {site}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if summary.get("warnings"):
        lines.append(
            "  warnings by field: "
            + ", ".join(f"{name} {count}" for name, count in summary["warnings"].items())
        )
    for kind in ("item_errors", "incomplete", "failed", "refused"):
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
        settings = crawler.settings
        self.health = Health(
            max_quarantine_rate=settings.getfloat("HEALTH_MAX_QUARANTINE_RATE", 0.25),
            max_failed_rate=settings.getfloat("HEALTH_MAX_FAILED_RATE", 0.10),
            min_count=settings.getint("HEALTH_MIN_COUNT", 5),
        )
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        return cls(crawler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        summary = summarise(stats, list(getattr(spider, "failed", [])), self.health)
        summary["refused"] = redacted(getattr(spider, "refused", []))
        summary["walk"] = self._record_walk(spider, reason, stats)
        self.crawler.stats.set_value("archive/exit_status", 0 if summary["healthy"] else 1)
        logger.info("%s", render_summary(summary))
        if self.path:
            text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
            Path(self.path).write_text(text + "\n", encoding="utf-8")

    def _record_walk(self, spider: Spider, reason: str, stats: dict[str, Any]) -> str:
        """Record a complete walk in the run ledger (see :mod:`crawler.run_ledger`):
        the spider walked everything, and everything it found was stored or spooled."""
        walked = getattr(spider, "walked_everything", None)
        if walked is None:
            return "n/a"
        lost = stats.get("archive/store_failed") or stats.get("archive/set_aside")
        if reason != "finished" or lost or not walked():
            return "partial"
        ledger = open_ledger(self.crawler.settings)
        try:
            sites, scopes = getattr(spider, "crawl_sites", []), getattr(spider, "walk_scopes", [""])
            ledger.record_walk(sites, scopes[0], datetime.now(UTC))
        finally:
            ledger.close()
        return "complete"
