"""The run summary as data (:func:`summarise`: totals, per site, failures, the verdict)
and as the lines the log shows (:func:`render_summary`), whoever asks: the summary
extension at the end of a run, a shared crawl's last worker for everyone's parts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from crawler.redact import redact_text, redact_url
from crawler.runs.discovery import discovery_lines
from crawler.runs.health import Thresholds, verdict
from crawler.runs.walks import walk_lines

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
    lines += walk_lines(summary) + discovery_lines(summary)
    lines += removal_lines(summary.get("removals", []))
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
