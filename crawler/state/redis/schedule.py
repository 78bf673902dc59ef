"""The revisit schedule on Redis: an entry per article, and per site two sorted sets
(articles by next due time, and by import date) that answer ``due`` and ``overdue``
without reading every entry.  The policy itself is :func:`crawler.state.schedule.next_entry`,
the same for both backends.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from redis.client import Pipeline

from crawler.state.redis.connection import StateConnection, Writes, texts
from crawler.state.redis.rows import (
    due_score,
    dump_entry,
    imported_score,
    load_entry,
)
from crawler.state.schedule import Entry, Observation, Policy, Revisit, next_entry


class RedisSchedule:
    """When each known article is next due, shared by every worker."""

    def __init__(self, connection: StateConnection, policy: Policy) -> None:
        self.connection, self.policy = connection, policy
        self.client, self.keys = connection.client, connection.keys

    def _entry(self, reader: Any, canonical_url: str) -> Entry | None:
        raw = reader.get(self.keys.entry(canonical_url))
        return load_entry(raw)

    def entry(self, canonical_url: str) -> Entry | None:
        """An article's schedule entry, if it has one."""
        return self._entry(self.client, canonical_url)

    def observe(self, seen: Observation) -> None:
        """Record a fetch's outcome and set when the article is next due."""
        self.connection.atomic(
            [self.keys.entry(seen.canonical_url)], lambda pipe: self.prepare_observe(pipe, seen)
        )

    def prepare_observe(self, pipe: Pipeline, seen: Observation) -> Writes:
        """Read the entry (inside a watched transaction); return its writes."""
        old = self._entry(pipe, seen.canonical_url)
        entry = next_entry(old, seen, self.policy)
        return lambda write: self.queue_entry(write, entry, old)

    def queue_entry(self, pipe: Pipeline, entry: Entry, old: Entry | None = None) -> None:
        url = entry.canonical_url
        if old is not None and old.site != entry.site:
            pipe.zrem(self.keys.due(old.site), url)
            pipe.zrem(self.keys.imported(old.site), url)
        pipe.set(self.keys.entry(url), dump_entry(entry))
        pipe.zadd(self.keys.due(entry.site), {url: due_score(entry)})
        ordinal = imported_score(entry)
        if ordinal is not None:
            pipe.zadd(self.keys.imported(entry.site), {url: ordinal})
        pipe.sadd(self.keys.sites, entry.site)

    def _entries(self, urls: list[str]) -> list[Entry]:
        if not urls:
            return []
        raws = self.client.mget([self.keys.entry(url) for url in urls])
        return [entry for entry in map(load_entry, raws) if entry is not None]

    def due(self, sites: list[str], now: datetime) -> list[Revisit]:
        """Known articles of ``sites`` to fetch in a run starting ``now``."""
        recent = (now - self.policy.recent).date().toordinal()
        urls: set[str] = set()
        for site in sites:
            urls.update(
                texts(self.client.zrangebyscore(self.keys.due(site), "-inf", now.timestamp()))
            )
            urls.update(texts(self.client.zrangebyscore(self.keys.imported(site), recent, "+inf")))
        entries = sorted(self._entries(sorted(urls)), key=lambda e: (e.next_due, e.canonical_url))
        return [
            Revisit(e.canonical_url, e.url, e.category, e.etag, e.last_modified) for e in entries
        ]

    def known(self, canonical_url: str) -> bool:
        return bool(self.client.exists(self.keys.entry(canonical_url)))

    def count(self, sites: list[str] | None = None) -> int:
        chosen = sites if sites is not None else texts(self.client.smembers(self.keys.sites))
        return sum(int(self.client.zcard(self.keys.due(site))) for site in chosen)

    def span(self, site: str) -> tuple[date | None, date | None]:
        """The import dates of the site's oldest and newest known article."""
        key = self.keys.imported(site)
        ends = [self.client.zrange(key, at, at, withscores=True) for at in (0, -1)]
        return (
            date.fromordinal(int(ends[0][0][1])) if ends[0] else None,
            date.fromordinal(int(ends[1][0][1])) if ends[1] else None,
        )

    def overdue(self, sites: list[str], now: datetime) -> list[str]:
        """Articles that should have been fetched by now and were not (the grace aside)."""
        limit = (now - self.policy.overdue_grace).timestamp()
        urls: list[str] = []
        for site in sites:
            urls += texts(self.client.zrangebyscore(self.keys.due(site), "-inf", f"({limit}"))
        entries = sorted(self._entries(urls), key=lambda e: (e.next_due, e.canonical_url))
        return [entry.url for entry in entries]

    def queue_clear(self, pipe: Pipeline) -> None:
        """Queue the deletion of every entry (read now, deleted when the pipe runs)."""
        for site in texts(self.client.smembers(self.keys.sites)):
            for url in texts(self.client.zrange(self.keys.due(site), 0, -1)):
                pipe.delete(self.keys.entry(url))
            pipe.delete(self.keys.due(site), self.keys.imported(site))
        pipe.delete(self.keys.sites)
