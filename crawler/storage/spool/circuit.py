"""A store that never loses an item: while the store is down, items wait in the spool.

When a write fails (after the backend's own retries) the item goes to the spool on
local disk and the circuit opens: every item is spooled straight away, and the oldest
spooled ones are retried every ``retry_seconds``; once one succeeds the rest are
flushed and items are written directly again.  What is still spooled at the end stays
on disk for the next run, which flushes it first.

A flush pass stops after ``MAX_CONSECUTIVE_FAILURES`` failures in a row (the store is
down).  An item that fails while the store answers is at fault itself (say, a key the
store refuses): the store answers when a probe write succeeds right after the failure,
or when other items of the same pass go through.  Such an item does not open the
circuit; it is retried on the timer, and after ``MAX_ENTRY_STRIKES`` such failures it
is set aside, so that one bad item never holds up the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet import task
from twisted.internet.defer import Deferred

from crawler.items import FetchedPage
from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.spool.disk import Spool

logger = logging.getLogger(__name__)
MAX_CONSECUTIVE_FAILURES = 3
MAX_ENTRY_STRIKES = 3
Run = Callable[..., Awaitable[Any]]
"""Runs a blocking call in a storage thread: ``await run(function, *args)``."""


class Unstorable(Exception):
    """Neither stored nor spooled (the spool's disk failed too)."""


class Counts(Protocol):
    """Where the outcomes are counted (Scrapy's stats collector)."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...


@dataclass
class Circuit:
    """The store's health as the spooling store sees it."""

    down: bool = False
    flushing: bool = False
    failures: dict[str, int] = field(default_factory=dict)
    """Spool entry -> passes it failed in (the least-failed are tried first)."""
    strikes: dict[str, int] = field(default_factory=dict)
    """Spool entry -> passes it alone failed in."""
    refused: bool = False
    """Entries the store refused while it answered wait for the next pass."""


class SpoolingStore:
    """Writes items with ``write``; spools them while the store does not answer."""

    def __init__(
        self,
        write: Callable[[FetchedPage], str],
        spool: Spool,
        run: Run,
        counts: Counts,
        on_stored: Callable[[FetchedPage], None],
        retry_seconds: float,
        start: Callable[[Coroutine[Any, Any, None]], Deferred[None]] = deferred_from_coro,
        probe: Callable[[], object] | None = None,
    ) -> None:
        self.write, self.spool, self.run, self.counts = write, spool, run, counts
        self.on_stored, self.retry_seconds = on_stored, retry_seconds
        self.start = start
        """How the retry loop starts a pass (Scrapy's way; a test may run it at once)."""
        self.probe = probe
        """A small write that succeeds when the store answers (raises StorageError)."""
        self.circuit = Circuit()
        self.clock: Any = None  # an IReactorTime (the reactor unless a test sets a Clock)
        self._loop: task.LoopingCall | None = None
        self._pass: Deferred[None] | None = None

    async def open(self) -> None:
        """Flush what an earlier run left spooled, then start retrying on a timer."""
        if len(self.spool):
            logger.info("%d items spooled by an earlier run: flushing them first", len(self.spool))
            await self.flush()
        self._loop = task.LoopingCall(self._tick)
        if self.clock is not None:
            self._loop.clock = self.clock
        self._loop.start(self.retry_seconds, now=False)

    async def close(self) -> int:
        """Stop retrying, make a last pass; returns how many items stay spooled."""
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self._pass is not None and not self._pass.called:
            await maybe_deferred_to_future(self._pass)  # let a retry pass finish
        if len(self.spool):
            await self.flush()
        return len(self.spool)

    async def put(self, item: FetchedPage, write: Callable[[], str] | None = None) -> str | None:
        """Store ``item`` (``write`` overrides how); returns its key, or None when it was
        spooled.  Raises Unstorable when it could be neither."""
        if not self.circuit.down:
            try:
                key: str = await self.run(write or (lambda: self.write(item)))
            except StorageError as exc:
                if await self._answers(exc):  # the item is at fault, not the store
                    entry = await self._spool(item)
                    await self._strike([(entry, str(exc))])
                    logger.warning("the store refused %s (%s): spooled", item.url, exc)
                    return None
                self.circuit.down = True
                logger.error(
                    "store unavailable (%s): spooling to %s until it answers",
                    exc,
                    self.spool.directory,
                )
            else:
                return key
        await self._spool(item)
        return None

    async def _answers(self, error: StorageError) -> bool:
        """Whether the store takes a write now (the probe's), after ``error``."""
        if self.probe is None or isinstance(error, StoreUnavailable):
            return False
        try:
            await self.run(self.probe)
        except StorageError:
            return False
        return True

    async def _spool(self, item: FetchedPage) -> str:
        try:
            entry: str = await self.run(self.spool.put, item)
        except OSError as exc:
            raise Unstorable(exc.strerror or str(exc)) from exc
        self.counts.inc_value("archive/spooled")
        return entry

    def _tick(self) -> Deferred[None] | None:
        """The retry loop's tick: while the store is down, or items it refused wait,
        try the spool again."""
        if not (self.circuit.down or self.circuit.refused) or self.circuit.flushing:
            return None
        self._pass = self.start(self.flush()).addErrback(
            lambda failure: logger.error("spool flush failed: %s", failure.getErrorMessage())
        )
        return self._pass

    async def flush(self) -> None:
        """One pass over the spool, the least-failed entries first (see the module doc);
        none while another process flushes the same spool (workers sharing it)."""
        circuit = self.circuit
        if circuit.flushing:
            return
        circuit.flushing = True
        try:
            with self.spool.flushing() as mine:
                if mine:
                    await self._pass_over()
        finally:
            circuit.flushing = False

    async def _pass_over(self) -> None:
        circuit = self.circuit
        flushed, in_a_row = 0, 0
        unexplained: list[tuple[str, str]] = []
        refused: list[tuple[str, str]] = []
        entries = sorted(self.spool.entries(), key=lambda e: (circuit.failures.get(e, 0), e))
        for entry in entries:
            try:
                item = await self.run(self.spool.load, entry)
            except (OSError, ValueError) as exc:
                await self._set_aside(entry, f"unreadable spool entry: {exc}", "unreadable")
                continue
            try:
                await self.run(self.write, item)
            except StorageError as exc:
                circuit.failures[entry] = circuit.failures.get(entry, 0) + 1
                if await self._answers(exc):  # its own fault
                    refused.append((entry, str(exc)))
                    continue
                unexplained.append((entry, str(exc)))
                in_a_row += 1
                if in_a_row >= MAX_CONSECUTIVE_FAILURES:
                    break
                continue
            in_a_row = 0
            await self.run(self.spool.remove, entry)
            circuit.failures.pop(entry, None)
            self.on_stored(item)
            self.counts.inc_value("archive/flushed")
            flushed += 1
        if flushed:  # others went through: the failed ones are at fault themselves
            refused, unexplained = refused + unexplained, []
        circuit.refused = bool(await self._strike(refused))
        self._settle(flushed, unexplained)

    async def _strike(self, refused: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Entries the store refused while it answered: one more strike each, and set
        aside at ``MAX_ENTRY_STRIKES``; returns those that stay."""
        left = []
        for entry, reason in refused:
            strikes = self.circuit.strikes[entry] = self.circuit.strikes.get(entry, 0) + 1
            if strikes >= MAX_ENTRY_STRIKES:
                await self._set_aside(entry, reason, "refused")
            else:
                left.append((entry, reason))
        if left:
            self.circuit.refused = True
        return left

    def _settle(self, flushed: int, unexplained: list[tuple[str, str]]) -> None:
        """Whether the store counts as down after a pass."""
        if unexplained and not flushed:
            self.circuit.down = True
            logger.info(
                "store still unavailable (%s); %d items spooled",
                unexplained[-1][1],
                len(self.spool),
            )
            return
        if self.circuit.down or flushed:
            logger.info("store answers: %d spooled items stored", flushed)
        self.circuit.down = bool(unexplained)  # retry the failed ones on the next tick

    async def _set_aside(self, entry: str, reason: str, kind: str) -> None:
        aside = await self.run(self.spool.set_aside, entry, reason, kind)
        self.circuit.failures.pop(entry, None)
        self.counts.inc_value("archive/set_aside")
        logger.error("spool entry set aside, not stored (%s): %s", reason, aside)
