"""Group commit for local disk: one flush makes many concurrent writes durable.

A version is durable only after its files and their directory entries reach the disk.
Flushing each file on its own costs a journal commit per file; here the writers ask
for a *barrier* instead, and concurrent requests share one flush: a caller waits for
the first flush that starts after its request, so its writes are covered, and the
storage threads together pay one flush per round, not one per file.  On Linux the
flush is ``syncfs`` on the archive's file system; elsewhere every file and directory
written since the last round is fsynced.

A flush that fails fails every caller it covered: their writes may not be on disk,
so none of them may report success.  The descriptor ``syncfs`` is called on stays
open for the archive's lifetime, because the kernel reports a write-back error to
each open descriptor once, and only errors that happened while it was open: a fresh
descriptor per round could miss an error that happened between two rounds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from pathlib import Path

from crawler.storage.atomic import fsync_path


def _load_syncfs() -> ctypes._NamedFuncPointer | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        return libc.syncfs
    except (OSError, AttributeError, TypeError):
        return None


_SYNCFS = _load_syncfs()
_FAILURES_KEPT = 256  # failed rounds remembered for their waiters (failures are rare)


class GroupSync:
    """Coalesced durability barriers for the writes under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._condition = threading.Condition()
        self._requested = 0
        self._completed = 0
        self._running = False
        self._pending: set[Path] = set()
        self._failures: list[tuple[int, int, OSError]] = []  # (first, last ticket, error)
        self._descriptor: int | None = None
        self.rounds = 0

    def written(self, *paths: Path) -> None:
        """Files or directories written since the last barrier (for the fsync fallback)."""
        if _SYNCFS is None:
            with self._condition:
                self._pending.update(paths)

    def barrier(self) -> None:
        """Return once every write made before this call is durable; raise if it failed."""
        with self._condition:
            self._requested += 1
            ticket = self._requested
            while self._completed < ticket:
                if self._running:
                    self._condition.wait()
                    continue
                self._running, first, target = True, self._completed + 1, self._requested
                pending, self._pending = self._pending, set()
                self._condition.release()
                error: OSError | None = None
                try:
                    self._flush(pending)
                except OSError as exc:
                    error = exc
                finally:
                    self._condition.acquire()
                    self._running = False
                    self._completed, self.rounds = target, self.rounds + 1
                    if error is not None:
                        self._pending |= pending  # the next round tries them again
                        self._failures = [*self._failures[-_FAILURES_KEPT:], (first, target, error)]
                    self._condition.notify_all()
            for first, last, failure in self._failures:
                if first <= ticket <= last:
                    raise OSError(failure.errno, f"flush failed: {failure.strerror or failure}")

    def close(self) -> None:
        """Close the descriptor kept for ``syncfs``."""
        with self._condition:
            if self._descriptor is not None:
                os.close(self._descriptor)
                self._descriptor = None

    def _flush(self, pending: set[Path]) -> None:
        if _SYNCFS is not None:
            if self._descriptor is None:
                self._descriptor = os.open(self.root, os.O_RDONLY | os.O_CLOEXEC)
            if _SYNCFS(self._descriptor) != 0:
                error = ctypes.get_errno()
                raise OSError(error, os.strerror(error))
            return
        for path in sorted(pending, key=lambda p: len(p.parts), reverse=True):
            try:
                fsync_path(path)
            except FileNotFoundError:
                continue  # a temporary file already renamed or removed: its name was written
