"""The spider middleware of a shared crawl: the start requests pushed once, and each
response's outputs counted, so that its request is acknowledged only when they are all
accounted for (:mod:`crawler.scaleout.outcomes`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.scaleout.workers import Workers


class SharedStart:
    """Spider middleware: start requests pushed by one worker (the others keep theirs,
    to push them if that worker dies doing it); outputs counted per response."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedStart:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("no REDIS_URL")
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        workers = Workers.of(self.crawler)
        pushes = workers is None or workers.start.claim()
        try:
            async for request in start:  # the spider's start decides the scope: run it always
                if pushes:
                    yield request
                elif workers is not None and isinstance(request, Request):
                    workers.start.kept.append(request)
        finally:  # a start that raised (Scrapy logs it) must not keep the others waiting
            if workers is not None and pushes:
                workers.start.pushed()

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        workers = Workers.of(self.crawler)
        request = response.request
        task = workers.outcomes.begin(request) if workers and request is not None else None
        async for output in result:
            if workers is not None and task is not None:
                workers.outcomes.gave(task, output)
            yield output
        if workers is not None and task is not None:
            workers.outcomes.ended(task)
