"""When a request a worker took is done: everything its response gave is accounted for.

A taken request leaves the worker's ``processing`` hash when it is acknowledged, and a
worker that dies has only its unacknowledged requests done again by the others.  So a
request may be acknowledged only once nothing of its outcome can be lost with the
worker: every request its callback gave is in the queue's buffer (written to Redis with
the acknowledgement, in one script) and every item it gave is stored or dropped.

The end of the callback's output is not that moment.  Scrapy's scraper reads a
callback's output ahead of handling it (with the asyncio reactor, up to twice
``CONCURRENT_ITEMS`` outputs wait in a queue of its own), so the callback's generator
ends before the requests it gave are scheduled.  Acknowledging then let a worker killed
in between take them with it: the walk's marks and the acknowledgement were on Redis,
the requests were not, and a listing page's articles were never fetched by anyone.

Here each output is counted as the callback gives it, and counted off when it arrives:
a request at the shared scheduler (:class:`crawler.scaleout.scheduler.SharedScheduler`,
accepted or filtered as a duplicate), an item at its ``item_scraped``, ``item_dropped``
or ``item_error`` signal.  An output that never arrives (a request an outer middleware
filtered, a callback that raised) leaves its request unacknowledged: if the worker dies,
the request is done again by another (work repeated, nothing lost); if not, the worker
forgets it as it finishes (:meth:`crawler.scaleout.queue.ReliableQueue.forget_taken`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scrapy import Request

TASK = "shared_task"
"""Request meta: the request's id in its worker's ``processing`` hash (no driver is
imported here: the extension that reads it loads without the ``redis`` extra)."""
PARENT = "shared_parent"
"""Request meta, between a callback and the shared scheduler: the key of the outcome of
the request whose response gave it.  Taken off before the request is written to Redis."""
REPLAYED = "shared_replayed"
"""Request meta (a shared crawl): the request went back on the queue because the worker
that had taken it died, perhaps while its callback ran.  The walk's marks and the
dupefilter may then hold what that worker noted of its outcome without queueing it, so
its listing page is read as if they did not (some articles may be requested twice;
none is lost)."""


@dataclass
class _Outcome:
    request: Request
    left: int = 0
    """Outputs given and not accounted for yet."""
    ended: bool = False
    """The callback's output has been read to its end."""
    gave_requests: bool = False


class Outcomes:
    """The outcomes of this worker's taken requests that are not all accounted for."""

    def __init__(self, acknowledge: Callable[[Request, bool], None]) -> None:
        """``acknowledge(request, gave_requests)`` is called once per request, when its
        outcome is all accounted for."""
        self._acknowledge = acknowledge
        self._open: dict[str, _Outcome] = {}

    def __len__(self) -> int:
        return len(self._open)

    def begin(self, request: Request) -> str | None:
        """The response to ``request`` goes to its callback; returns the key its outputs
        are counted under (None for a request not taken from the shared queue: nothing to
        acknowledge).  The key is the request object's, not its task id: one worker may
        hold two byte-identical requests (a replayed listing page asks again for what it
        showed), each with its own outcome."""
        if not isinstance(request.meta.get(TASK), str):
            return None
        key = f"{request.meta[TASK]}:{id(request)}"
        self._open[key] = _Outcome(request)
        return key

    def gave(self, key: str, output: object) -> None:
        """The callback gave ``output`` (a request or an item), not handled yet."""
        outcome = self._open.get(key)
        if outcome is None:
            return
        outcome.left += 1
        if isinstance(output, Request):
            outcome.gave_requests = True
            output.meta[PARENT] = key

    def ended(self, key: str) -> None:
        """The callback's output is read to its end."""
        outcome = self._open.get(key)
        if outcome is not None:
            outcome.ended = True
            self._settle(key)

    @staticmethod
    def parent(request: Request) -> object:
        """The task whose response gave ``request`` (None for another request), taken off
        its meta: it is not written to Redis with it."""
        return request.meta.pop(PARENT, None)

    def scheduled(self, parent: object) -> None:
        """A request ``parent``'s response gave reached the scheduler (queued, or
        filtered as seen)."""
        if isinstance(parent, str):
            self._count_off(parent)

    def item_done(self, request: Request) -> None:
        """An item of the response to ``request`` is stored, dropped or failed."""
        if isinstance(request.meta.get(TASK), str):
            self._count_off(f"{request.meta[TASK]}:{id(request)}")

    def _count_off(self, key: str) -> None:
        outcome = self._open.get(key)
        if outcome is None:  # not counted here (an errback's item, say): nothing waits
            return
        outcome.left -= 1
        self._settle(key)

    def _settle(self, key: str) -> None:
        outcome = self._open[key]
        if outcome.ended and outcome.left <= 0:
            del self._open[key]
            self._acknowledge(outcome.request, outcome.gave_requests)
