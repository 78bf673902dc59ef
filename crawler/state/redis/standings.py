"""Standings on Redis (:mod:`crawler.state.standings`): one hash, canonical URL -> JSON."""

from __future__ import annotations

import json
from datetime import datetime

from redis.client import Pipeline

from crawler.state.redis.connection import StateConnection, texts, unavailable_on_error
from crawler.state.standings import Standing


def _loaded(url: str, text: str) -> Standing:
    site, kind, since, evidence = json.loads(text)
    return Standing(url, site, kind, datetime.fromisoformat(since), evidence)


def _dumped(standing: Standing) -> str:
    return json.dumps([standing.site, standing.kind, standing.since.isoformat(), standing.evidence])


class RedisStandings:
    """The articles not live, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.client, self.key = connection.client, connection.keys.standings

    @unavailable_on_error
    def of(self, canonical_url: str) -> Standing | None:
        found = self.client.hget(self.key, canonical_url)
        return _loaded(canonical_url, texts([found])[0]) if found is not None else None

    @unavailable_on_error
    def absent(self, sites: list[str] | None = None) -> list[Standing]:
        stored = self.client.hgetall(self.key)
        found = [_loaded(*texts([url, text])) for url, text in stored.items()]
        wanted = [s for s in found if sites is None or s.site in sites]
        return sorted(wanted, key=lambda s: s.since)

    @unavailable_on_error
    def put(self, standing: Standing) -> None:
        self.client.hset(self.key, standing.canonical_url, _dumped(standing))

    def queue_load(self, pipe: Pipeline, standings: list[Standing]) -> None:
        if standings:
            fields: dict[str | bytes, str | bytes] = {
                s.canonical_url: _dumped(s) for s in standings
            }
            pipe.hset(self.key, mapping=fields)  # type: ignore[arg-type]

    @unavailable_on_error
    def drop(self, canonical_url: str) -> None:
        self.client.hdel(self.key, canonical_url)

    def queue_clear(self, pipe: Pipeline) -> None:
        pipe.delete(self.key)

    @unavailable_on_error
    def clear(self) -> None:
        self.client.delete(self.key)
