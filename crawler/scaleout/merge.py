"""Every worker's stats merged into the stats of one run (for its summary and report).

Counts add up; lists join; the start is the earliest, the end the latest.  The run
finished when one worker finished: a worker finishes only when the queue is empty and no
live worker holds work, and a worker that stopped early (a shutdown, a CLOSESPIDER limit)
gave its requests back first; the others are counted in ``shared/stopped_early``.  Values
every worker reads from the shared state (articles due, overdue) are the same in each
and are not added.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

TIMES = ("start_time", "finish_time")
SHARED = ("revisit/due", "revisit/overdue", "memusage/")
"""Stats that every worker computes alike from the shared state (or per machine)."""


def dump_stats(
    stats: dict[str, Any], failed: list[tuple[str, str]], refused: list[tuple[str, str]]
) -> str:
    """A worker's part, as it goes to Redis."""
    return json.dumps({"stats": stats, "failed": failed, "refused": refused}, default=str)


def load_stats(text: str) -> tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]]:
    part = json.loads(text)
    stats = part["stats"]
    for name in TIMES:
        if isinstance(stats.get(name), str):
            stats[name] = datetime.fromisoformat(stats[name])
    failed = [(url, why) for url, why in part["failed"]]
    refused = [(url, why) for url, why in part["refused"]]
    return stats, failed, refused


def merge_stats(parts: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    early = sum(1 for part in parts if part.get("finish_reason", "finished") != "finished")
    if early:
        merged["shared/stopped_early"] = early
    for part in parts:
        for name, value in part.items():
            if name not in merged:
                merged[name] = value
            else:
                merged[name] = _combine(name, merged[name], value)
    return merged


def _combine(name: str, old: Any, new: Any) -> Any:
    if name == "start_time":
        return min(old, new)
    if name == "finish_time":
        return max(old, new)
    if name == "finish_reason":
        return "finished" if "finished" in (old, new) else old
    if name.startswith(SHARED):
        return max(old, new) if _number(old) and _number(new) else old
    if _number(old) and _number(new):
        return old + new
    if isinstance(old, list) and isinstance(new, list):
        return old + new
    return old


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
