"""Holding an archive for a crawl or a command: a file lock, or the Redis lease.

Without ``REDIS_URL`` one machine holds the archive with ``flock``
(:mod:`crawler.state.lock`).  With it, the workers of one crawl -- on one machine or
several -- share the archive's lease on Redis (:mod:`crawler.state.redis_backend.lease`),
and their state writes carry its fencing token.  A crawl is "the same" when the spider,
its arguments and the archive are; ``REDIS_CRAWL_ID`` names it outright.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from scrapy.settings import BaseSettings

from crawler.state.lock import acquire_all
from crawler.state.paths import StatePaths
from crawler.storage import StorageError


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
    try:
        import redis  # noqa: F401 - the extra, or a line saying how to install it
    except ImportError:
        raise StorageError("REDIS_URL needs: pip install 'mfa-archive[redis]'") from None
    from crawler.state.redis_backend.connection import StateConnection
    from crawler.state.redis_backend.keys import Keys, worker_name
    from crawler.state.redis_backend.lease import Lease

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
