"""Crash points, for the fault suite: kill the crawl at a named moment, on purpose.

Proving that a crash leaves nothing half-written needs crashes at exact moments (between
validate and store, in the middle of an upload, while the dedup state is written).  The
code calls :func:`checkpoint` at those moments; it does nothing unless the environment
variable ``MFA_CRASH_AT=<point>:<n>`` names the point, and then the process kills
itself with SIGKILL -- no cleanup, no flush, as the kernel's OOM killer would -- the
n-th time the point is reached.
"""

from __future__ import annotations

import os
import signal
import threading

POINTS = frozenset({"fetched", "validated", "upload", "record", "state"})
_counts: dict[str, int] = {}
_lock = threading.Lock()


def _plan() -> tuple[str, int] | None:
    plan = os.environ.get("MFA_CRASH_AT", "")
    if not plan:
        return None
    point, _sep, count = plan.partition(":")
    if point not in POINTS or not count.isdigit():
        raise ValueError(f"MFA_CRASH_AT={plan!r}: expected <point>:<n>, point in {sorted(POINTS)}")
    return point, int(count)


_PLAN = _plan()


def checkpoint(point: str) -> None:
    """SIGKILL this process if ``MFA_CRASH_AT`` says so (else nothing)."""
    if _PLAN is None or _PLAN[0] != point:
        return
    with _lock:
        _counts[point] = _counts.get(point, 0) + 1
        if _counts[point] == _PLAN[1]:
            os.kill(os.getpid(), signal.SIGKILL)
