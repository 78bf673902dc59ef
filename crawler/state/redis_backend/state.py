"""An archive's state on Redis (:class:`crawler.state.backend.State`), shared by workers.

Written by several workers at once: a version and its schedule entry are one
transaction, the rebuild and the reset are one ``MULTI``/``EXEC`` each, and every
write carries the crawl's fencing token when it holds the archive's lease.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import redis
from redis.client import Pipeline

from crawler.crashpoints import NEVER, CrashPoints
from crawler.state.redis_backend.connection import (
    StateConnection,
    StateUnavailable,
    Writes,
    texts,
)
from crawler.state.redis_backend.record import record_version
from crawler.state.redis_backend.schedule import RedisSchedule
from crawler.state.redis_backend.versions import RedisVersions, rows_of
from crawler.state.redis_backend.walks import RedisWalks
from crawler.state.schedule import Entry, Observation, Policy, next_entry
from crawler.state.versions import VersionRow
from schemas.models import ArchivedArticle

ARTICLE_LOCK_SECONDS = 30.0
"""How long a dead worker's article lock outlives it (the lease's TTL in a crawl)."""
# KEYS: lock, fence, versions, entry.  ARGV: owner, ttl ms, token ('' when unfenced).
# {1, versions, entry}: held, with what the commit reads; {0}: busy; {-1}: the fencing
# token is not ours any more.
LOCK = """
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[3] then return {-1} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('HGETALL', KEYS[3]), redis.call('GET', KEYS[4])}
end
return {0}
"""
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
        self._local = threading.local()  # what this thread read with the locks it holds

    @property
    def _entries(self) -> dict[str, Entry | None]:
        found: dict[str, Entry | None] = self._local.__dict__.setdefault("entries", {})
        return found

    @property
    def _locks(self) -> dict[str, str]:
        found: dict[str, str] = self._local.__dict__.setdefault("locks", {})
        return found

    @property
    def location(self) -> str:
        """Where the state is, for messages (never the password of the URL)."""
        kwargs = self.connection.client.connection_pool.connection_kwargs
        return f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')} {self.keys.prefix}"

    def record_version(
        self, article: ArchivedArticle, key: str, reason: str | None, seen: Observation
    ) -> None:
        """A version the store has confirmed, and what its fetch tells the schedule: one
        script (atomic, fenced), after one read of the schedule entry -- called under
        the article's :meth:`guard`, so no other worker writes this article meanwhile."""
        url = seen.canonical_url
        row = VersionRow.of(article, key, reason)
        old = self._entries.pop(url) if url in self._entries else self.schedule.entry(url)
        entry = next_entry(old, seen, self.schedule.policy)
        self.crash.reached("state")
        owner = self._locks.get(url, "")
        record_version(self.connection, row, entry, old, owner)
        self._locks.pop(url, None)  # released with the writes
        self.versions.held.pop(url, None)

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
        connection, client = self.connection, self.connection.client
        token = "" if connection.token is None else str(connection.token)
        deadline = time.monotonic() + 2 * self.lock_seconds
        url, keys = canonical_url, self.keys
        try:
            while True:  # one round trip: the fence checked, the lock taken, the article read
                held = client.eval(LOCK, 4, key, keys.fence, keys.versions(url), keys.entry(url),
                                   mine, int(self.lock_seconds * 1000), token)  # fmt: skip
                if held[0] == 1:
                    self._hold(url, mine, held)
                    break
                if held[0] == -1:
                    connection.check_fence(client)  # raises LeaseLost, saying why
                if time.monotonic() > deadline:
                    raise StateUnavailable(f"{canonical_url} stays locked by another worker")
                time.sleep(0.02)
            try:
                yield
            finally:
                self.versions.held.pop(url, None)
                self._entries.pop(url, None)
                if self._locks.pop(url, None) is not None:  # not released by a record
                    client.eval(UNLOCK, 1, key, mine)
        except redis.RedisError as exc:  # Redis went away: the item waits in the spool
            raise StateUnavailable(f"the state on Redis does not answer: {exc}") from exc

    def _hold(self, url: str, owner: str, held: list[Any]) -> None:
        """Keep what the lock's script read: the commit needs no other round trip."""
        flat = texts(held[1])
        self.versions.held[url] = rows_of(url, dict(zip(flat[::2], flat[1::2], strict=True)))
        raw = held[2] if len(held) > 2 else None
        self._entries[url] = Entry(*json.loads(texts([raw])[0])) if raw else None
        self._locks[url] = owner

    def reset(self) -> None:
        """Forget every version and schedule entry (the archive they described is gone)."""

        def writes(pipe: Pipeline) -> None:
            self.versions.queue_clear(pipe)
            self.schedule.queue_clear(pipe)

        self.connection.atomic([], lambda _pipe: writes)

    def close(self) -> None:
        self.connection.close()
