"""What the run summary says of the run's walks (:mod:`crawler.extensions.walk_record`)."""

from __future__ import annotations

from typing import Any

from crawler.extensions.walk_record import WalkReport

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
