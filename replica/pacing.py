"""A slow server that counts: every answer waits, and the requests each host name has in
flight at once are recorded, so that a test can see a crawl's politeness per site from
the server's side (``POST /_replica/pace?seconds=S``, ``POST /_replica/peaks``).  A gate
holds every answer until it opens (``POST /_replica/gate?open=0``, then ``open=1``): a
test can start several crawlers and let the work begin once all of them are up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from twisted.internet import reactor
from twisted.web.server import NOT_DONE_YET, Request


class Pacing:
    """Holds each answer ``seconds`` and keeps the peak of requests in flight per host."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.in_flight: Counter[str] = Counter()
        self.peaks: Counter[str] = Counter()
        self.served: Counter[str] = Counter()
        self.closed = False
        self.waiting: list[Callable[[], None]] = []

    def reset(self, seconds: float = 0.0) -> None:
        self.seconds = seconds
        self.in_flight.clear()
        self.peaks.clear()
        self.served.clear()
        self.gate(opened=True)

    def gate(self, opened: bool) -> None:
        """Close the gate, or open it and let every answer held behind it go (paced)."""
        self.closed = not opened
        if opened:
            waiting, self.waiting = self.waiting, []
            for release in waiting:
                release()

    def hold(self, request: Request, body: bytes) -> bytes | int:
        """``body`` now, or after the pace (the request counted in flight meanwhile), or
        once the gate opens."""
        if self.closed:
            self.waiting.append(lambda: self._answer_later(request, body))
            return NOT_DONE_YET
        if self.seconds <= 0:
            return body
        self._answer_later(request, body)
        return NOT_DONE_YET

    def _answer_later(self, request: Request, body: bytes) -> None:
        host = (request.getHeader("host") or "").lower()
        self.in_flight[host] += 1
        self.peaks[host] = max(self.peaks[host], self.in_flight[host])

        def answer() -> None:
            self.in_flight[host] -= 1
            self.served[host] += 1
            if not request.finished and not getattr(request, "_disconnected", False):
                request.write(body)  # type: ignore[no-untyped-call]
                request.finish()  # type: ignore[no-untyped-call]

        clock: Any = reactor  # an IReactorTime (zope interfaces do not type-check)
        clock.callLater(max(self.seconds, 0), answer)

    def report(self) -> dict[str, Any]:
        return {"peaks": dict(self.peaks), "served": dict(self.served)}
