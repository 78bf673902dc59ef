"""The files the archive holds, on Redis (:mod:`crawler.state.media`): one hash, URL ->
the entry as JSON, shared by every worker."""

from __future__ import annotations

import json

from redis.client import Pipeline

from crawler.state.media import KnownFile
from crawler.state.redis.connection import StateConnection, texts, unavailable_on_error


class RedisMedia:
    """The files the archive holds, by URL."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.key = connection.client, connection.keys.media
        self.failed_key = f"{self.key}:failed"

    @unavailable_on_error
    def known(self, urls: list[str]) -> dict[str, KnownFile]:
        """The entries of those of ``urls`` the archive holds a file of."""
        if not urls:
            return {}
        found = self.client.hmget(self.key, urls)
        entries = (KnownFile.read(texts([text])[0].encode()) for text in found if text is not None)
        return {entry.url: entry for entry in entries if entry is not None}

    @unavailable_on_error
    def record(self, files: list[KnownFile]) -> None:
        """Keep these entries, fenced as every write of the crawl."""

        def writes(pipe: Pipeline) -> None:
            for entry in files:
                pipe.hset(self.key, entry.url, entry.dump())

        if files:
            self.connection.atomic([], lambda _pipe: writes)

    def queue_clear(self, pipe: Pipeline) -> None:
        pipe.delete(self.key, self.failed_key)

    @unavailable_on_error
    def failures(self, urls: list[str]) -> dict[str, tuple[int, str]]:
        """The runs that tried each of ``urls`` and failed, and the last reason."""
        if not urls:
            return {}
        found = self.client.hmget(self.failed_key, urls)
        entries = {
            url: json.loads(texts([text])[0])
            for url, text in zip(urls, found, strict=True)
            if text is not None
        }
        return {url: (int(attempts), str(reason)) for url, (attempts, reason) in entries.items()}

    @unavailable_on_error
    def record_failure(self, url: str, attempts: int, reason: str) -> None:
        def writes(pipe: Pipeline) -> None:
            pipe.hset(self.failed_key, url, json.dumps([attempts, reason]))

        self.connection.atomic([], lambda _pipe: writes)

    @unavailable_on_error
    def count(self) -> int:
        return int(self.client.hlen(self.key))
