"""Stored versions per article on Redis: a hash per article (version key -> row).

A row is the version's update date, content hash, site, fetch time and reason, and the
order it was recorded in (a counter), which breaks ties of fetch time as SQLite's rowid
does.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime
from typing import Any

from redis.client import Pipeline

from crawler.state.redis_backend.connection import StateConnection, Writes, texts
from crawler.state.versions import KnownVersion, VersionRow


def _dump(row: VersionRow, order: int) -> str:
    return json.dumps([row.updated_date, row.content_sha256, row.site, row.fetched_at,
                       row.reason, order])  # fmt: skip


def rows_of(canonical_url: str, stored: dict[str, str]) -> list[VersionRow]:
    """An article's versions from its hash, oldest first."""
    rows = []
    for key, raw in stored.items():
        updated, sha, site, fetched, reason, order = json.loads(raw)
        rows.append((fetched, order, VersionRow(canonical_url, updated, sha, key, site,
                                                fetched, reason)))  # fmt: skip
    return [row for _fetched, _order, row in sorted(rows, key=lambda r: (r[0], r[1]))]


class RedisVersions:
    """The versions of one archive, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.keys = connection.client, connection.keys
        self._local = threading.local()

    @property
    def held(self) -> dict[str, list[VersionRow]]:
        """The articles this thread holds the lock of: their versions, read with the lock
        (per thread: the storage threads commit, and so read, on their own)."""
        found: dict[str, list[VersionRow]] = self._local.__dict__.setdefault("held", {})
        return found

    def _rows(self, reader: Any, canonical_url: str) -> list[VersionRow]:
        held = self.held.get(canonical_url)
        if held is not None:
            return held
        return rows_of(canonical_url, reader.hgetall(self.keys.versions(canonical_url)))

    def of(self, canonical_url: str) -> list[KnownVersion]:
        """Known versions of an article, oldest first (the last one is the latest)."""
        return [row.known() for row in self._rows(self.client, canonical_url)]

    def next_order(self) -> int:
        return int(self.client.incr(self.keys.sequence))

    def queue_add(self, pipe: Pipeline, row: VersionRow, order: int) -> None:
        """Queue a version (kept as it is if the key is known: a retry)."""
        pipe.hsetnx(self.keys.versions(row.canonical_url), row.version_key, _dump(row, order))
        pipe.sadd(self.keys.version_keys, row.version_key)
        pipe.sadd(self.keys.version_urls, row.canonical_url)

    def touch(self, canonical_url: str, version_key: str, fetched_at: datetime) -> None:
        """The page was fetched again as this stored version: it is the latest now."""
        self.connection.atomic(
            [self.keys.versions(canonical_url)],
            lambda pipe: self.prepare_touch(pipe, canonical_url, version_key, fetched_at),
        )

    def prepare_touch(
        self, pipe: Pipeline, canonical_url: str, version_key: str, fetched_at: datetime
    ) -> Writes:
        raw = pipe.hget(self.keys.versions(canonical_url), version_key)
        if raw is None:
            return lambda _pipe: None
        updated, sha, site, _fetched, reason, order = json.loads(raw)
        row = VersionRow(canonical_url, updated, sha, version_key, site, fetched_at.isoformat(),
                         reason)  # fmt: skip
        key = self.keys.versions(canonical_url)

        def writes(write: Pipeline) -> None:
            write.hset(key, version_key, _dump(row, order))

        return writes

    def count(self) -> int:
        return int(self.client.scard(self.keys.version_keys))

    def all_keys(self) -> set[str]:
        """Every version key the state knows."""
        return set(texts(self.client.smembers(self.keys.version_keys)))

    def queue_clear(self, pipe: Pipeline) -> None:
        """Queue the deletion of every version (read now, deleted when the pipe runs)."""
        for url in texts(self.client.smembers(self.keys.version_urls)):
            pipe.delete(self.keys.versions(url))
        pipe.delete(self.keys.version_keys, self.keys.version_urls)

    def queue_load(self, pipe: Pipeline, rows: list[VersionRow]) -> None:
        for order, row in enumerate(rows):
            pipe.hset(self.keys.versions(row.canonical_url), row.version_key, _dump(row, order))
            pipe.sadd(self.keys.version_keys, row.version_key)
            pipe.sadd(self.keys.version_urls, row.canonical_url)
        pipe.set(self.keys.sequence, len(rows))
