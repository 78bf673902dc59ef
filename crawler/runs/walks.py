"""The run's walks, judged and kept: which listings it walked to their end.

At the end of a run each listing of it (a start point that is not an article) either
reached its end -- a page past the last one, a page with nothing new, a page that
answered 404 or 410 -- or was cut short, by the first failure that touched it (a page
of it, or an article it showed, that could not be fetched).  The spider notes both as
they happen (:class:`crawler.spiders.walk.WalkLog`, in the stats, so that a shared
crawl's workers add up); here they become each listing's record in the state
(:mod:`crawler.state.walks`), which the next runs' stop rule reads.

Nothing is recorded of a run that was stopped, limited (``max_pages``, ``since``), lost
items (or a worker of a shared crawl, with what it noted), or read no page at all: none
of them says anything about where a listing ends.  What the run summary says of the
walks is here too (:func:`walk_summary`, :func:`walk_lines`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawler.context import CrawlContext
from crawler.state.discovery import CHECKED, LISTING
from crawler.state.walks import (
    BROKEN,
    DEAD_PAGES,
    ENDED,
    ListingWalk,
    WalkOutcome,
    next_walk,
)
from crawler.storage import StorageError

NO_END = "its walk reached no end (a page of it was never answered)"
LOST = (
    "archive/store_failed",
    "archive/set_aside",
    "shared/lease_lost",
    "shared/workers_lost",
)
"""Stats that say the run lost items or a worker's notes: its walks prove nothing."""


@dataclass(frozen=True)
class WalkReport:
    """What the summary says of the run's walks."""

    verdict: str
    """``complete`` (every listing walked to its end, now or before), ``partial``,
    ``unrecorded`` (the state did not answer) or ``n/a`` (no listing: articles only)."""
    listings: list[ListingWalk] = field(default_factory=list)
    """Each listing's record after this run."""
    recorded: bool = False
    """Whether this run's walks were kept (else why: :attr:`unrecorded_because`)."""
    unrecorded_because: str | None = None
    dead_pages: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason) of listing pages that answered 404 or 410."""

    def stuck(self, runs: int) -> list[ListingWalk]:
        """Listings left incomplete by ``runs`` runs in a row or more."""
        return [w for w in self.listings if runs and w.incomplete_runs >= runs]


def nothing_read(stats: Mapping[str, Any]) -> bool:
    """No listing page and no article page answered (refused, dropped, all dead)."""
    return not stats.get("archive/listing_pages") and not stats.get("revisit/fetched")


def outcomes(listings: Mapping[str, str], stats: Mapping[str, Any]) -> list[WalkOutcome]:
    """How each of ``listings`` (URL -> site) ended in this run, from the spider's notes."""
    ended = set(stats.get(ENDED, []))
    broken: dict[str, str] = {}
    for start, reason in stats.get(BROKEN, []):
        broken.setdefault(start, reason)
    return [
        WalkOutcome(url, site, broken.get(url, None if url in ended else NO_END))
        for url, site in listings.items()
    ]


def discovered(stats: Mapping[str, Any]) -> dict[str, str]:
    """The listings discovery found this run (URL -> site): walked as start points are."""
    return {url: site for site, url, verdict, _why in stats.get(CHECKED, []) if verdict == LISTING}


def _unrecordable(context: CrawlContext, reason: str, stats: Mapping[str, Any]) -> str | None:
    if reason != "finished":
        return f"the run was stopped ({reason})"
    if context.scope.limited:
        return "the run was limited (max_pages, since)"
    if any(stats.get(name) for name in LOST):
        return "items, a worker's notes or start requests were lost"
    if nothing_read(stats):
        return "no page was read"
    return None


def judge_walks(context: CrawlContext, reason: str, stats: Mapping[str, Any]) -> WalkReport:
    """Each listing's walk judged, and kept in the state unless the run says nothing of
    where its listings end."""
    if not context.started or not context.scope.listings:
        return WalkReport("n/a")
    listings = {**context.scope.listings, **discovered(stats)}
    dead = [(url, why) for url, why in stats.get(DEAD_PAGES, [])]
    try:
        old = context.state.walks.listings(list(listings))
        because = _unrecordable(context, reason, stats)
        if because is None:
            now = datetime.now(UTC)
            new = [next_walk(old.get(o.listing), o, now) for o in outcomes(listings, stats)]
            context.state.walks.record(new)
        else:
            new = [old.get(url, ListingWalk(url, site)) for url, site in listings.items()]
    except StorageError as exc:
        return WalkReport("unrecorded", unrecorded_because=f"the state did not answer: {exc}")
    verdict = "complete" if all(walk.complete for walk in new) else "partial"
    return WalkReport(verdict, new, because is None, because, dead)


NO_ANSWER = "no start point answered"


def walk_summary(walks: WalkReport) -> dict[str, Any]:
    """The summary's ``walk`` (the verdict), ``listings`` (each listing's record) and
    ``dead_listing_pages``."""
    return {
        "walk": walks.verdict,
        "walk_unrecorded_because": walks.unrecorded_because,
        "listings": [
            {
                "url": walk.listing,
                "site": walk.site,
                "complete": walk.complete,
                "incomplete_runs": walk.incomplete_runs,
                "reason": walk.reason,
                "completed_at": walk.completed_at.isoformat() if walk.completed_at else None,
            }
            for walk in walks.listings
        ],
        "dead_listing_pages": [{"url": url, "reason": why} for url, why in walks.dead_pages],
    }


def walk_lines(summary: dict[str, Any]) -> list[str]:
    """The summary's lines on the walks: complete, or which listing is why not."""
    walk, listings = summary.get("walk"), summary.get("listings", [])
    because = summary.get("walk_unrecorded_because")
    if because:  # the run says nothing of where its listings end
        return [f"  walks not recorded: {because}"]
    if walk == "complete":
        return ["  listings walked to the end: the next runs default to incremental"]
    if walk != "partial":
        return []
    lines = []
    for entry in listings:
        if not entry["complete"]:
            runs = entry["incomplete_runs"]
            lines.append(
                f"  listing not walked to the end ({runs} run{'s' if runs != 1 else ''} in a"
                f" row): {entry['url']}: {entry['reason']}"
            )
    if not any(entry["complete"] for entry in listings):
        lines.append("  listings not walked to the end: the next run defaults to full again")
    else:
        lines.append("  the next run walks the listings above to their end again")
    return lines
