"""An archive's state on Redis (:class:`crawler.state.backend.State`), shared by workers.

Written by several workers at once: a version and its schedule entry are one
transaction, the rebuild and the reset are one ``MULTI``/``EXEC`` each, and every
write carries the crawl's fencing token when it holds the archive's lease.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import redis
from redis.client import Pipeline

from crawler.state.backend import StateUnavailable
from crawler.state.redis.captures import RedisCaptures
from crawler.state.redis.connection import StateConnection, Writes, texts
from crawler.state.redis.discovery import RedisDiscovery
from crawler.state.redis.media import RedisMedia
from crawler.state.redis.record import record_version
from crawler.state.redis.rows import load_entry, rows_of
from crawler.state.redis.schedule import RedisSchedule
from crawler.state.redis.standings import RedisStandings
from crawler.state.redis.versions import RedisVersions
from crawler.state.redis.walks import RedisWalks
from crawler.state.schedule import Entry, Observation, Policy, next_entry
from crawler.state.standings import Standing
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


@dataclass(frozen=True)
class Held:
    """An article lock this thread holds, and what the lock's script read with it: the
    commit needs no other round trip."""

    owner: str
    rows: list[VersionRow]
    entry: Entry | None

    @classmethod
    def read(cls, url: str, owner: str, answer: list[Any]) -> Held:
        flat = texts(answer[1])
        raw = texts([answer[2]])[0] if len(answer) > 2 and answer[2] else None
        rows = rows_of(url, dict(zip(flat[::2], flat[1::2], strict=True)))
        return cls(owner, rows, load_entry(raw))


class RedisState:
    """The versions, schedule and walks of one archive on one Redis."""

    def __init__(
        self,
        connection: StateConnection,
        policy: Policy,
        lock_seconds: float = ARTICLE_LOCK_SECONDS,
    ) -> None:
        self.connection, self.lock_seconds = connection, lock_seconds
        self.keys = connection.keys
        self._local = threading.local()
        self.versions = RedisVersions(connection, self._held_rows)
        self.schedule = RedisSchedule(connection, policy)
        self.walks = RedisWalks(connection)
        self.captures = RedisCaptures(connection)
        self.standings = RedisStandings(connection)
        self.discovery = RedisDiscovery(connection)
        self.media = RedisMedia(connection)

    @property
    def _held(self) -> dict[str, Held]:
        """The articles this thread holds the lock of, and what it read with the lock (per
        thread: the storage threads commit, and so read, on their own)."""
        found: dict[str, Held] = self._local.__dict__.setdefault("held", {})
        return found

    def _held_rows(self, canonical_url: str) -> list[VersionRow] | None:
        held = self._held.get(canonical_url)
        return held.rows if held is not None else None

    def record_version(
        self, article: ArchivedArticle, key: str, reason: str | None, seen: Observation
    ) -> None:
        """A version the store has confirmed, and what its fetch tells the schedule: one
        script (atomic, fenced), after one read of the schedule entry -- called under
        the article's :meth:`guard`, so no other worker writes this article meanwhile."""
        url = seen.canonical_url
        row = VersionRow.of(article, key, reason)
        held = self._held.get(url)
        old = held.entry if held is not None else self.schedule.entry(url)
        entry = next_entry(old, seen, self.schedule.policy)
        record_version(self.connection, row, entry, old, held.owner if held is not None else "")
        self._held.pop(url, None)  # the lock is released with the writes

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

    def load(
        self, rows: list[VersionRow], latest: list[Observation], standings: list[Standing]
    ) -> int:
        """Replace versions, schedule and standings in one MULTI/EXEC."""
        policy = self.schedule.policy

        def writes(pipe: Pipeline) -> None:
            self.versions.queue_clear(pipe)
            self.schedule.queue_clear(pipe)
            self.standings.queue_clear(pipe)
            self.captures.queue_clear(pipe)  # they may name WARC records the archive lost
            self.media.queue_clear(pipe)  # reloaded from the archive's entries after
            self.versions.queue_load(pipe, rows)
            for seen in latest:
                self.schedule.queue_entry(pipe, next_entry(None, seen, policy))
            self.standings.queue_load(pipe, standings)

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
                held = connection.script(
                    LOCK,
                    [key, keys.fence, keys.versions(url), keys.entry(url)],
                    [mine, int(self.lock_seconds * 1000), token],
                )
                if held[0] == 1:
                    self._held[url] = Held.read(url, mine, held)
                    break
                if held[0] == -1:
                    connection.check_fence(client)  # raises LeaseLost, saying why
                if time.monotonic() > deadline:
                    raise StateUnavailable(f"{canonical_url} stays locked by another worker")
                time.sleep(0.02)
            try:
                yield
            finally:
                if self._held.pop(url, None) is not None:  # not released by a record
                    connection.script(UNLOCK, [key], [mine])
        except redis.RedisError as exc:  # Redis went away: the item waits in the spool
            raise StateUnavailable(f"the state on Redis does not answer: {exc}") from exc

    def reset(self) -> None:
        """Forget every version and schedule entry (the archive they described is gone)."""

        def writes(pipe: Pipeline) -> None:
            self.versions.queue_clear(pipe)
            self.schedule.queue_clear(pipe)
            self.captures.queue_clear(pipe)
            self.standings.queue_clear(pipe)
            self.media.queue_clear(pipe)  # they would name files the archive lacks

        self.connection.atomic([], lambda _pipe: writes)

    def close(self) -> None:
        self.connection.close()
