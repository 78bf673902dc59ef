"""Retries with backoff, and the server's own ``Retry-After``.

Scrapy's RetryMiddleware retries at once; a government site that answers 503 or 429 is
asking for time.  This one waits before each retry -- exponential backoff with jitter
(``RETRY_BACKOFF_BASE`` seconds, doubling, at most ``RETRY_BACKOFF_MAX``), or the delay
the response's ``Retry-After`` names (at most ``RETRY_AFTER_MAX``) -- without holding
up other requests: only the retried request waits.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import reactor
from twisted.internet.task import deferLater


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


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before retrying."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.ceiling = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 60.0)

    def delay(self, request: Request, response: Response | None = None) -> float:
        """Seconds to wait before retrying ``request`` (after ``response``, if any)."""
        if response is not None:
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                return min(asked, self.retry_after_max)
        attempts = int(request.meta.get("retry_times", 0))
        jitter = random.uniform(0.5, 1.5)  # noqa: S311 - spreading retries, not a secret
        return float(min(self.ceiling, self.base * 2**attempts) * jitter)

    async def _wait(self, seconds: float) -> None:
        if seconds > 0:
            await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await self._wait(self.delay(request, response))
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Any = None
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._wait(self.delay(request))
        return retry
