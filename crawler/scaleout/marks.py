"""The walk's marks shared by a crawl's workers: one Redis set per mark
(:class:`crawler.spiders.walk.Marks`), so an article is requested once per crawl
whichever worker read the listing that links it."""

from __future__ import annotations

from typing import Any

from crawler.scaleout.keys import CrawlKeys


class SharedMarks:
    """Marks in Redis sets (``SADD`` says whether a key is new, atomically)."""

    def __init__(self, client: Any, keys: CrawlKeys) -> None:
        self.client, self.keys = client, keys

    def add(self, name: str, key: int) -> bool:
        return bool(self.client.sadd(self.keys.marks(name), key))

    def has(self, name: str, key: int) -> bool:
        return bool(self.client.sismember(self.keys.marks(name), key))

    def count(self, name: str) -> int:
        return int(self.client.scard(self.keys.marks(name)))
