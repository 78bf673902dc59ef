"""Where the crawler relies on a library's private parts -- no public way exists -- a
test pins the behaviour relied upon, so that a release that moves it fails here:

- ``scrapy.downloadermiddlewares.cookies._split_domain`` (the Public Suffix List from a
  snapshot): ``tests/crawler/middlewares/test_cookies.py``;
- warcio's reader (``record.raw_stream.limit``, ``reader.decompressor.eof``: whether a
  record was read whole): ``tests/crawler/warc/test_files.py``, whose files cut inside a
  record's payload or gzip trailer must be cut before indexing;
- Scrapy's engine's ``_slot.nextcall`` (the engine's "look at the scheduler now", which a
  worker of a shared crawl calls when another worker queued work,
  :func:`crawler.scaleout.waking.wake_engine`): below, by its behaviour.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_twisted
from scrapy import Request, Spider, signals
from scrapy.core.engine import ExecutionEngine
from scrapy.core.scheduler import BaseScheduler
from scrapy.crawler import CrawlerRunner
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.internet import reactor
from twisted.internet.task import deferLater

from crawler.scaleout.waking import wake_engine

QUEUED_ELSEWHERE: list[Request] = []
"""What "another worker" queued: the scheduler below hands it out once it is there."""


class ElsewhereScheduler(BaseScheduler):
    """A scheduler whose requests arrive from outside the engine, as a shared queue's do."""

    def has_pending_requests(self) -> bool:
        return bool(QUEUED_ELSEWHERE)

    def enqueue_request(self, request: Request) -> bool:
        QUEUED_ELSEWHERE.append(request)
        return True

    def next_request(self) -> Request | None:
        return QUEUED_ELSEWHERE.pop() if QUEUED_ELSEWHERE else None


class IdleSpider(Spider):
    name = "idle"
    fetched: list[str]

    async def start(self) -> AsyncIterator[Any]:
        return
        yield

    def parse(self, response: Response) -> None:
        self.fetched.append(response.url)


@pytest_twisted.ensureDeferred
async def test_waking_the_engine_makes_it_take_work_queued_while_it_was_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The engine's ``_slot.nextcall`` (read by :func:`wake_engine`): with the idle
    heartbeat put out of reach, a request queued elsewhere while the spider is idle is
    fetched only because the wake made the engine look; without it the crawl would sit
    until the guard stops it (finish reason ``shutdown``, nothing fetched)."""
    monkeypatch.setattr(ExecutionEngine, "_SLOT_HEARTBEAT_INTERVAL", 3600.0)
    QUEUED_ELSEWHERE.clear()
    settings = {
        "SCHEDULER": f"{__name__}.ElsewhereScheduler",
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
    }
    crawler = CrawlerRunner(settings).create_crawler(IdleSpider)
    IdleSpider.fetched = []

    def idle() -> None:
        if not IdleSpider.fetched and not QUEUED_ELSEWHERE:
            QUEUED_ELSEWHERE.append(Request("data:,queued-elsewhere", dont_filter=True))
            deferLater(reactor, 0, wake_engine, crawler)  # as the worker's wake-up does
            raise DontCloseSpider

    crawler.signals.connect(idle, signal=signals.spider_idle)
    guard = deferLater(reactor, 60, crawler.stop)  # only if the wake did nothing
    guard.addErrback(lambda _failure: None)  # cancelled: the crawl ended first
    try:
        await crawler.crawl()
    finally:
        guard.cancel()
    assert IdleSpider.fetched == ["data:,queued-elsewhere"]
    assert crawler.stats is not None
    assert crawler.stats.get_value("finish_reason") == "finished"
