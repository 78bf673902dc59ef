"""An archive's state on Redis (:class:`crawler.state.backend.State`), shared by workers.

Written by several workers at once: a version and its schedule entry are one
transaction, the rebuild and the reset are one ``MULTI``/``EXEC`` each, and every
write carries the crawl's fencing token when it holds the archive's lease.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import redis
from redis.client import Pipeline

from crawler.crashpoints import NEVER, CrashPoints
from crawler.state.redis_backend.connection import StateConnection, StateUnavailable, Writes
from crawler.state.redis_backend.schedule import RedisSchedule
from crawler.state.redis_backend.versions import RedisVersions
from crawler.state.redis_backend.walks import RedisWalks
from crawler.state.schedule import Observation, Policy, next_entry
from crawler.state.versions import VersionRow
from schemas.models import ArchivedArticle

ARTICLE_LOCK_SECONDS = 30.0
"""How long a dead worker's article lock outlives it (the lease's TTL in a crawl)."""
UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisState:
    """The versions, schedule and walks of one archive on one Redis."""

    def __init__(
        self, connection: StateConnection, policy: Policy, crash: CrashPoints = NEVER,
        lock_seconds: float = ARTICLE_LOCK_SECONDS,
    ) -> None:  # fmt: skip
        self.connection, self.crash, self.lock_seconds = connection, crash, lock_seconds
        self.keys = connection.keys
        self.versions = RedisVersions(connection)
        self.schedule = RedisSchedule(connection, policy)
        self.walks = RedisWalks(connection)

    @property
    def location(self) -> str:
        """Where the state is, for messages (never the password of the URL)."""
        kwargs = self.connection.client.connection_pool.connection_kwargs
        return f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')} {self.keys.prefix}"

    def record_version(
        self, article: ArchivedArticle, key: str, reason: str | None, seen: Observation
    ) -> None:
        """A version the store has confirmed, and what its fetch tells the schedule."""
        row, order = VersionRow.of(article, key, reason), self.versions.next_order()

        def prepare(pipe: Pipeline) -> Writes:
            self.crash.reached("state")
            schedule = self.schedule.prepare_observe(pipe, seen)

            def writes(write: Pipeline) -> None:
                self.versions.queue_add(write, row, order)
                schedule(write)

            return writes

        self.connection.atomic([self.keys.entry(seen.canonical_url)], prepare)

    def record_revert(self, key: str, seen: Observation) -> None:
        """The page is an earlier stored version again (``key``): it is the latest now."""
        url = seen.canonical_url

        def prepare(pipe: Pipeline) -> Writes:
            touch = self.versions.prepare_touch(pipe, url, key, seen.fetched_at)
            schedule = self.schedule.prepare_observe(pipe, seen)

            def writes(write: Pipeline) -> None:
                touch(write)
                schedule(write)

            return writes

        self.connection.atomic([self.keys.versions(url), self.keys.entry(url)], prepare)

    def record_walk(self, sites: list[str], scope: str, completed_at: datetime) -> None:
        self.walks.record_walk(sites, scope, completed_at)

    def load(self, rows: list[VersionRow], latest: list[Observation]) -> int:
        """Replace versions and schedule with ``rows`` and ``latest`` in one MULTI/EXEC."""
        policy = self.schedule.policy

        def writes(pipe: Pipeline) -> None:
            self.versions.queue_clear(pipe)
            self.schedule.queue_clear(pipe)
            self.versions.queue_load(pipe, rows)
            for seen in latest:
                self.schedule.queue_entry(pipe, next_entry(None, seen, policy))

        self.connection.atomic([], lambda _pipe: writes)
        return len(rows)

    @contextmanager
    def guard(self, canonical_url: str) -> Iterator[None]:
        """A per-article lock on Redis (with a TTL, so a dead worker's lock goes), held
        while the version and ``latest.json`` are written: two workers storing versions
        of one article never lose an update of its pointer."""
        key, mine = self.keys.article_lock(canonical_url), uuid.uuid4().hex
        client = self.connection.client
        deadline = time.monotonic() + 2 * self.lock_seconds
        try:
            while not client.set(key, mine, nx=True, px=int(self.lock_seconds * 1000)):
                if time.monotonic() > deadline:
                    raise StateUnavailable(f"{canonical_url} stays locked by another worker")
                time.sleep(0.02)
            try:
                self.connection.check_fence(client)
                yield
            finally:
                client.eval(UNLOCK, 1, key, mine)
        except redis.RedisError as exc:  # Redis went away: the item waits in the spool
            raise StateUnavailable(f"the state on Redis does not answer: {exc}") from exc

    def reset(self) -> None:
        """Forget every version and schedule entry (the archive they described is gone)."""

        def writes(pipe: Pipeline) -> None:
            self.versions.queue_clear(pipe)
            self.schedule.queue_clear(pipe)

        self.connection.atomic([], lambda _pipe: writes)

    def close(self) -> None:
        self.connection.close()
