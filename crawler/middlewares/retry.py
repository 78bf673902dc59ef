"""Retries with backoff, and the server's own ``Retry-After``.

Scrapy's RetryMiddleware retries at once; a government site that answers 503 or 429 is
asking for time.  This one replaces it (the same settings: ``RETRY_TIMES``,
``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``, ``RETRY_PRIORITY_ADJUST``; the retry itself
from Scrapy's public ``get_retry_request``) and waits before each retry: exponential
backoff with jitter (``RETRY_BACKOFF_BASE`` seconds, doubling, at most
``RETRY_BACKOFF_MAX``), or the delay the response's ``Retry-After`` names (at most
``RETRY_AFTER_MAX``).

The wait holds nothing: the failed request ends at once (``RetryScheduled``, which the
spider's errback ignores) and its retry is handed to the engine when the delay is over,
so a throttled site never takes downloader capacity from the others.  While retries
are waiting the spider is kept open; retries still waiting when the crawl is stopped
are logged and counted (their pages were never recorded, so a later run fetches them).
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import DontCloseSpider, IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.misc import load_object
from scrapy.utils.response import response_status_message
from twisted.internet.base import DelayedCall

logger = logging.getLogger(__name__)


class RetryScheduled(IgnoreRequest):
    """This attempt is over; the request is retried later, as a new request."""


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware:
    """Retries later, after a backoff, without holding a download slot."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.max_retry_times = settings.getint("RETRY_TIMES")
        self.retry_http_codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.priority_adjust = settings.getint("RETRY_PRIORITY_ADJUST")
        self.exceptions_to_retry: tuple[type[Exception], ...] = tuple(
            load_object(name) if isinstance(name, str) else name
            for name in settings.getlist("RETRY_EXCEPTIONS")
        )
        self.base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.ceiling = settings.getfloat("RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX")
        self.waiting: dict[DelayedCall, Request] = {}
        self.clock: Any = None  # an IReactorTime (zope interfaces do not type-check)
        """What schedules the retries (the reactor unless a test sets a clock)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def _retry(self, request: Request, reason: str | Exception) -> Request | None:
        """The retry of ``request`` (None once it has been retried enough)."""
        assert self.crawler.spider is not None
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=reason,
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
        )

    def delay(self, request: Request, response: Response | None = None) -> float:
        """Seconds to wait before retrying ``request`` (after ``response``, if any)."""
        if response is not None:
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                return min(asked, self.retry_after_max)
        attempts = int(request.meta.get("retry_times", 0))
        jitter = random.uniform(0.5, 1.5)  # noqa: S311 - spreading retries, not a secret
        return float(min(self.ceiling, self.base * 2**attempts) * jitter)

    def _later(self, retry: Request, seconds: float) -> Request:
        """Hand ``retry`` to the engine in ``seconds``; end this attempt now."""
        if seconds <= 0:
            return retry

        def send() -> None:
            self.waiting.pop(call, None)
            assert self.crawler.engine is not None
            self.crawler.engine.crawl(retry)

        if self.clock is None:
            from twisted.internet import reactor  # installed by Scrapy by now, not at import

            self.clock = reactor
        call: DelayedCall = self.clock.callLater(seconds, send)
        self.waiting[call] = retry
        raise RetryScheduled(f"retried in {seconds:.1f} s")

    def spider_idle(self) -> None:
        if self.waiting:
            raise DontCloseSpider  # retries are still to come

    def spider_closed(self) -> None:
        for call, request in list(self.waiting.items()):
            if call.active():
                call.cancel()
            logger.warning("crawl stopped before the retry of %s", request.url)
        assert self.crawler.stats is not None
        if self.waiting:
            self.crawler.stats.set_value("retry/dropped_at_close", len(self.waiting))
        self.waiting.clear()

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        return self._later(retry, self.delay(request, response))

    def process_exception(
        self, request: Request, exception: Exception, spider: Any = None
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        return self._later(retry, self.delay(request))
