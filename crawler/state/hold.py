"""Holding an archive for a crawl or a command: a file lock, or the Redis lease.

Without ``REDIS_URL`` one machine holds the archive with ``flock``
(:class:`ArchiveLock`).  With it, the workers of one crawl -- on one machine or several
-- share the archive's lease on Redis (:mod:`crawler.state.redis.lease`), and their
state writes carry its fencing token.  A crawl is "the same" when the spider,
its arguments and the archive are; ``REDIS_CRAWL_ID`` names it outright.

Two crawls of one archive would race on its dedup state, its spool and its ``latest``
pointers.  A crawl holds an exclusive lock (``flock``) on ``crawl.lock`` beside the
dedup state for its whole life; a second one waits up to ``CRAWL_LOCK_WAIT`` seconds
and then refuses, naming the process that holds it.  The kernel drops the lock when
the holder exits, however it exits -- a SIGKILLed crawl leaves no stale lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scrapy.settings import BaseSettings

from crawler.state.backend import ArchiveBusy
from crawler.state.paths import StatePaths
from crawler.state.redis import require_driver


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


@dataclass
class Held:
    """An archive held by this process; ``token`` is the lease's fencing token."""

    release: Callable[[], None]
    token: int | None = None


def crawl_id(spider: str, arguments: dict[str, str], location: str) -> str:
    """The name every worker of one crawl derives alike (scrapyd's job id aside)."""
    given = sorted((k, v) for k, v in arguments.items() if k != "_job")
    text = "\n".join([spider, location, *(f"{k}={v}" for k, v in given)])
    return f"{spider}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def hold_archive(settings: BaseSettings, crawl: str) -> Held:
    """Hold the archive for ``crawl`` (raises ArchiveBusy, or OSError if unreachable)."""
    paths = StatePaths.from_settings(settings)
    wait = settings.getfloat("CRAWL_LOCK_WAIT")
    url = settings.get("REDIS_URL")
    if not url:
        locks = acquire_all(list(paths.locks), wait)

        def unlock() -> None:
            for lock in locks:
                lock.release()

        return Held(release=unlock)
    require_driver()
    from crawler.state.redis.connection import StateConnection
    from crawler.state.redis.keys import Keys, worker_name
    from crawler.state.redis.lease import Lease

    connection = StateConnection.open(url, Keys.for_archive(paths.location))
    worker = worker_name()
    lease = Lease(
        connection.client, connection.keys, crawl, worker, settings.getfloat("REDIS_LEASE_TTL")
    )
    token = lease.acquire(wait)

    def release() -> None:
        lease.release()
        connection.close()

    return Held(release=release, token=token)
