"""Captures on Redis (:mod:`crawler.state.captures`): one hash, URL -> digest and date."""

from __future__ import annotations

from redis.client import Pipeline

from crawler.state.captures import Capture
from crawler.state.redis.connection import StateConnection, texts, unavailable_on_error


class RedisCaptures:
    """The last full capture of each URL, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.key = connection.client, connection.keys.captures

    @unavailable_on_error
    def of(self, url: str) -> Capture | None:
        found = self.client.hget(self.key, url)
        if found is None:
            return None
        digest, _sep, date = texts([found])[0].partition(" ")
        return Capture(url, digest, date)

    @unavailable_on_error
    def add(self, captures: list[Capture]) -> None:
        if captures:
            fields: dict[str | bytes, str | bytes] = {
                c.url: f"{c.digest} {c.date}" for c in captures
            }
            self.client.hset(self.key, mapping=fields)  # type: ignore[arg-type]

    def queue_clear(self, pipe: Pipeline) -> None:
        pipe.delete(self.key)

    @unavailable_on_error
    def clear(self) -> None:
        self.client.delete(self.key)
