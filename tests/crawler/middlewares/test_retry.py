"""Backoff and Retry-After, computed and scheduled on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from twisted.internet.task import Clock

from crawler.middlewares.retry import BackoffRetryMiddleware, RetryScheduled, retry_after_seconds
from tests.support.project import project_crawler

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"5", 5.0),
        ("120", 120.0),
        ("Thu, 26 Nov 2026 12:00:30 GMT", 30.0),
        ("Thu, 26 Nov 2026 11:00:00 GMT", 0.0),  # already past
        ("soon", None),
        (None, None),
    ],
)
def test_retry_after(value: bytes | str | None, expected: float | None) -> None:
    """How a ``Retry-After`` header is read (a number, or a date against a fixed clock):
    the parsed value, not a measured time."""
    assert retry_after_seconds(value, now=NOW) == expected


def _middleware() -> BackoffRetryMiddleware:
    crawler = project_crawler(
        RETRY_BACKOFF_BASE=1.0,
        RETRY_BACKOFF_MAX=8.0,
        RETRY_AFTER_MAX=60.0,
        RETRY_TIMES=3,
        RETRY_HTTP_CODES=[503],
        RETRY_PRIORITY_ADJUST=-1,
        RETRY_EXCEPTIONS=[],
    )
    return BackoffRetryMiddleware(crawler)


def test_backoff_doubles_with_jitter_up_to_the_ceiling() -> None:
    middleware = _middleware()
    for attempts, (low, high) in enumerate([(0.5, 1.5), (1, 3), (2, 6), (4, 12), (4, 12)]):
        delay = middleware.delay(Request("https://x.example/", meta={"retry_times": attempts}))
        assert low <= delay <= min(high, 12), (attempts, delay)


def test_the_servers_retry_after_wins_but_is_capped() -> None:
    middleware = _middleware()
    request = Request("https://x.example/")
    asked = Response(request.url, status=503, headers={"Retry-After": "7"}, request=request)
    assert middleware.delay(request, asked) == 7.0
    greedy = Response(request.url, status=503, headers={"Retry-After": "3600"}, request=request)
    assert middleware.delay(request, greedy) == 60.0


def test_a_retry_waits_without_holding_the_request_and_keeps_the_spider_open() -> None:
    """The attempt ends at once; the retry reaches the engine only after the backoff."""
    clock = Clock()
    crawler = project_crawler(RETRY_HTTP_CODES=[503], RETRY_AFTER_MAX=60)
    crawler.spider = Spider.from_crawler(crawler, "x")
    sent: list[Request] = []
    crawler.engine = SimpleNamespace(crawl=sent.append)  # type: ignore[assignment]
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    middleware.clock = clock
    request = Request("https://x.example/a")
    busy = Response(request.url, status=503, headers={"Retry-After": "7"}, request=request)
    with pytest.raises(RetryScheduled):
        middleware.process_response(request, busy)
    with pytest.raises(DontCloseSpider):
        middleware.spider_idle()
    clock.advance(6.9)
    assert sent == []
    clock.advance(0.2)
    assert [r.url for r in sent] == [request.url] and sent[0].meta["retry_times"] == 1
    middleware.spider_idle()  # nothing waits any more: the spider may close


def test_retries_still_waiting_at_close_are_cancelled_and_counted() -> None:
    clock = Clock()
    crawler = project_crawler(RETRY_HTTP_CODES=[503])
    crawler.spider = Spider.from_crawler(crawler, "x")
    crawler.stats = StatsCollector(crawler)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    middleware.clock = clock
    request = Request("https://x.example/a")
    with pytest.raises(RetryScheduled):
        middleware.process_response(request, Response(request.url, status=503, request=request))
    middleware.spider_closed()
    assert clock.getDelayedCalls() == []
    assert crawler.stats.get_value("retry/dropped_at_close") == 1
