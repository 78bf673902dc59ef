"""One crawl per archive at a time.

Two crawls of one archive would race on its dedup state, its spool and its ``latest``
pointers.  A crawl holds an exclusive lock (``flock``) on ``crawl.lock`` beside the
dedup state for its whole life; a second one waits up to ``CRAWL_LOCK_WAIT`` seconds
and then refuses, naming the process that holds it.  The kernel drops the lock when
the holder exits, however it exits -- a SIGKILLed crawl leaves no stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from datetime import UTC, datetime
from pathlib import Path


class ArchiveBusy(Exception):
    """Another process holds the archive; the message says which."""


class ArchiveLock:
    """An exclusive, process-lifetime lock on an archive's state directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: int | None = None

    def acquire(self, wait_seconds: float = 0.0) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(descriptor, 200, 0).decode("utf-8", "replace").strip()
                    os.close(descriptor)
                    raise ArchiveBusy(
                        f"another crawl holds it ({holder or 'unknown process'})"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(descriptor, 0)
        os.pwrite(
            descriptor,
            f"pid {os.getpid()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC".encode(),
            0,
        )
        self._file = descriptor

    def release(self) -> None:
        if self._file is not None:
            os.close(self._file)
            self._file = None


def acquire_all(paths: list[Path], wait_seconds: float = 0.0) -> list[ArchiveLock]:
    """Hold every lock in ``paths`` (in the order given) or none: raises ArchiveBusy."""
    held: list[ArchiveLock] = []
    try:
        for path in paths:
            lock = ArchiveLock(path)
            lock.acquire(wait_seconds)
            held.append(lock)
    except ArchiveBusy:
        for lock in held:
            lock.release()
        raise
    return held
