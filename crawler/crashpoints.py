"""Crash points, for the fault suite: kill the crawl at a named moment, on purpose.

Proving that a crash leaves nothing half-written needs crashes at exact moments (between
validate and store, in the middle of an upload, while the state is written).  The code
asks its :class:`CrashPoints` at those moments; they do nothing unless the setting
``CRASH_AT=<point>:<n>`` names the point, and then the process kills itself with
SIGKILL -- no cleanup, no flush, as the kernel's OOM killer would -- the n-th time the
point is reached.  The setting is read once, by the crawl context (``from_crawler``);
nothing here reads the environment or runs at import.
"""

from __future__ import annotations

import os
import signal
import threading

POINTS = frozenset({"fetched", "validated", "upload", "record", "state"})


class CrashPoints:
    """Where (and at which visit) this process kills itself; by default nowhere."""

    def __init__(self, point: str | None = None, count: int = 0) -> None:
        self.point, self.count = point, count
        self._seen = 0
        self._lock = threading.Lock()

    @classmethod
    def parse(cls, plan: str) -> CrashPoints:
        """``<point>:<n>`` (the ``CRASH_AT`` setting); empty means never."""
        if not plan:
            return cls()
        point, _sep, count = plan.partition(":")
        if point not in POINTS or not count.isdigit() or int(count) < 1:
            raise ValueError(f"CRASH_AT={plan!r}: expected <point>:<n>, point in {sorted(POINTS)}")
        return cls(point, int(count))

    def reached(self, point: str) -> None:
        """SIGKILL this process if this is the planned visit of ``point`` (else nothing)."""
        if point != self.point:
            return
        with self._lock:
            self._seen += 1
            if self._seen == self.count:
                os.kill(os.getpid(), signal.SIGKILL)


NEVER = CrashPoints()
"""Crash points that never fire: the default of every component outside a crawl."""
