"""What the run learnt of the sites' pages, kept in the state and said in the summary.

The spider notes, as it goes (:mod:`crawler.spiders.discovery`, in the stats, so that
a shared crawl's workers add up), every page a home page's menus led to, the verdict
on each page it fetched to find out what it is, and how many article links each
listing showed.  Here they become each page's record (:mod:`crawler.state.discovery`),
whatever the run's end: what a page is does not depend on the run finishing.  The
summary names the listings found for the first time, the listings that are gone, and
the pages that could not be looked at (they are looked at again next run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawler.context import CrawlContext
from crawler.state.discovery import (
    CHECKED,
    GONE,
    GONE_AFTER_RUNS,
    LINKED,
    LISTING,
    OVER_BUDGET,
    SHOWN,
    UNFETCHED,
    Observed,
    SitePage,
    merged,
    next_page,
)
from crawler.storage import StorageError


@dataclass(frozen=True)
class DiscoveryReport:
    """What the summary says of discovery."""

    on: bool = False
    found: list[SitePage] = field(default_factory=list)
    """Listings found for the first time by this run."""
    gone: list[SitePage] = field(default_factory=list)
    """Listings dropped by this run: their first page answered nothing, run after run."""
    missed: list[SitePage] = field(default_factory=list)
    """Listings whose first page answered nothing this run, not dropped yet."""
    listings: dict[str, int] = field(default_factory=dict)
    """Per site, the listings known after this run."""
    not_listings: int = 0
    """Pages looked at this run that are not listings."""
    unfetched: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason) of pages that could not be looked at (again next run)."""
    over_budget: dict[str, int] = field(default_factory=dict)
    """Per site, the pages left for the next runs (``DISCOVERY_MAX_PAGES`` reached)."""
    unrecorded_because: str | None = None


def observations(stats: Mapping[str, Any]) -> list[Observed]:
    """Everything the run noted, one entry per note."""
    seen = [Observed(url, site, linked=True) for site, url in stats.get(LINKED, [])]
    seen += [
        Observed(url, site, verdict=verdict, reason=reason)
        for site, url, verdict, reason in stats.get(CHECKED, [])
    ]
    seen += [
        Observed(name.removeprefix(SHOWN), "", articles=int(count))
        for name, count in stats.items()
        if name.startswith(SHOWN)
    ]
    return seen


def judge_discovery(context: CrawlContext, stats: Mapping[str, Any]) -> DiscoveryReport:
    """Each page's record after this run, kept in the state."""
    if not (stats.get(LINKED) or stats.get(CHECKED)) or not context.started:
        return DiscoveryReport()
    unfetched = [(url, why) for url, why in stats.get(UNFETCHED, [])]
    seen = merged(observations(stats))
    sites = sorted({s.site for s in seen.values() if s.site} | set(context.scope.sites))
    now = datetime.now(UTC)
    try:
        old = {page.url: page for page in context.state.discovery.of_sites(sites)}
        new = [
            next_page(old.get(url), observed, now)
            for url, observed in seen.items()
            if url in old or observed.linked or observed.verdict is not None
        ]
        context.state.discovery.record(new)
    except StorageError as exc:
        return DiscoveryReport(True, unrecorded_because=f"the state did not answer: {exc}")
    after = {**old, **{page.url: page for page in new}}
    listings: dict[str, int] = {}
    for page in after.values():
        if page.verdict == LISTING:
            listings[page.site] = listings.get(page.site, 0) + 1
    return DiscoveryReport(
        True,
        found=[p for p in new if p.verdict == LISTING and _was(old, p.url) != LISTING],
        gone=[p for p in new if p.verdict == GONE and _was(old, p.url) != GONE],
        missed=[p for p in new if p.verdict == LISTING and p.misses and seen[p.url].verdict],
        listings=listings,
        not_listings=sum(1 for s in seen.values() if s.verdict not in (None, LISTING, GONE)),
        unfetched=unfetched,
        over_budget={
            name.removeprefix(OVER_BUDGET): int(count)
            for name, count in stats.items()
            if name.startswith(OVER_BUDGET)
        },
    )


def _was(old: Mapping[str, SitePage], url: str) -> str | None:
    page = old.get(url)
    return page.verdict if page is not None else None


def discovery_summary(report: DiscoveryReport) -> dict[str, Any]:
    """The summary's ``discovery`` (absent when discovery was off)."""
    if not report.on:
        return {}
    return {
        "discovery": {
            "listings_known": dict(sorted(report.listings.items())),
            "listings_found": [{"url": p.url, "site": p.site} for p in report.found],
            "listings_gone": [{"url": p.url, "reason": p.reason} for p in report.gone],
            "listings_missed": [
                {"url": p.url, "reason": p.reason, "runs": p.misses} for p in report.missed
            ],
            "pages_not_listings": report.not_listings,
            "pages_not_looked_at": [{"url": u, "reason": r} for u, r in report.unfetched],
            "pages_left_for_next_runs": dict(sorted(report.over_budget.items())),
            "unrecorded_because": report.unrecorded_because,
        }
    }


def discovery_lines(summary: dict[str, Any]) -> list[str]:
    """The summary's lines on discovery."""
    found = summary.get("discovery")
    if not found:
        return []
    if found["unrecorded_because"]:
        return [f"  discovery not recorded: {found['unrecorded_because']}"]
    known = found["listings_known"]
    lines = [
        f"  discovery: {sum(known.values())} listings known on {len(known)} sites"
        f" ({len(found['listings_found'])} found this run), "
        f"{found['pages_not_listings']} pages looked at were not listings"
    ]
    lines += [f"  listing found: {entry['url']}" for entry in found["listings_found"][:20]]
    lines += [
        f"  listing gone, no longer walked: {entry['url']}: {entry['reason']}"
        for entry in found["listings_gone"]
    ]
    lines += [
        f"  listing answered nothing ({entry['runs']} run(s) in a row; dropped after"
        f" {GONE_AFTER_RUNS}): {entry['url']}: {entry['reason']}"
        for entry in found["listings_missed"]
    ]
    lines += [
        f"  not looked at (again next run): {entry['url']}: {entry['reason']}"
        for entry in found["pages_not_looked_at"]
    ]
    left = found["pages_left_for_next_runs"]
    if left:
        lines.append(
            "  pages left for the next runs (DISCOVERY_MAX_PAGES reached): "
            + ", ".join(f"{site} {count}" for site, count in left.items())
        )
    return lines
