"""The walk's marks shared by a crawl's workers: one Redis set per mark
(:class:`crawler.spiders.walk.Marks`), so an article is requested once per crawl
whichever worker read the listing that links it."""

from __future__ import annotations

from typing import Any

from crawler.scaleout.keys import CrawlKeys


class SharedMarks:
    """Marks in Redis sets (``SADD`` says whether a key is new, atomically)."""

    shared = True

    def __init__(self, client: Any, keys: CrawlKeys) -> None:
        self.client, self.keys = client, keys

    def add(self, name: str, keys: list[int]) -> list[bool]:
        if not keys:
            return []
        pipe = self.client.pipeline(transaction=False)
        for key in keys:
            pipe.sadd(self.keys.marks(name), key)
        return [bool(added) for added in pipe.execute()]

    def has(self, name: str, keys: list[int]) -> list[bool]:
        if not keys:
            return []
        return [bool(found) for found in self.client.smismember(self.keys.marks(name), keys)]

    def count(self, name: str) -> int:
        return int(self.client.scard(self.keys.marks(name)))
