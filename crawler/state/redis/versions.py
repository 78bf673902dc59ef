"""Stored versions per article on Redis: a hash per article (version key -> row).

A row is the version's update date, content hash, site, fetch time and reason, and the
order it was recorded in (a counter), which breaks ties of fetch time as SQLite's rowid
does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from redis.client import Pipeline

from crawler.state.redis.connection import StateConnection, Writes, texts
from crawler.state.redis.rows import dump_row, load_row, rows_of
from crawler.state.versions import KnownVersion, VersionRow


class RedisVersions:
    """The versions of one archive, shared by every worker."""

    def __init__(
        self,
        connection: StateConnection,
        held: Callable[[str], list[VersionRow] | None] = lambda _url: None,
    ) -> None:
        self.connection, self.held = connection, held
        self.client, self.keys = connection.client, connection.keys

    def of(self, canonical_url: str) -> list[KnownVersion]:
        """Known versions of an article, oldest first (the last one is the latest): as
        read with the article's lock when this thread holds it (``held``)."""
        rows = self.held(canonical_url)
        if rows is None:
            rows = rows_of(canonical_url, self.client.hgetall(self.keys.versions(canonical_url)))
        return [row.known() for row in rows]

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
        row, order = load_row(canonical_url, version_key, raw)
        row = replace(row, fetched_at=fetched_at.isoformat())
        key = self.keys.versions(canonical_url)

        def writes(write: Pipeline) -> None:
            write.hset(key, version_key, dump_row(row, order))

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
            pipe.hset(self.keys.versions(row.canonical_url), row.version_key, dump_row(row, order))
            pipe.sadd(self.keys.version_keys, row.version_key)
            pipe.sadd(self.keys.version_urls, row.canonical_url)
        pipe.set(self.keys.sequence, len(rows))
