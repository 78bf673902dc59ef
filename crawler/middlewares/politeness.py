"""No site gets more requests at once than its budget, whatever Scrapy's queue does.

Scrapy limits the requests in flight per download slot (``CONCURRENT_REQUESTS_PER_DOMAIN``,
or a site's ``concurrency`` in the registry, through ``DOWNLOAD_SLOTS``), but under the
asyncio reactor Scrapy 2.14 to 2.19 counts a request as transferring only once a task
it scheduled has started: with no download delay, a burst of queued requests for one
slot all leave at once (the server of ``tests/e2e/test_sites.py`` saw 11 at once for a
limit of 4).  This middleware, next to the downloader, holds a request until its slot
has room, so the budget holds with any delay; government sites get what they were
promised.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredSemaphore

HELD = "mfa_slot_held"


class SlotConcurrency:
    """Downloader middleware: at most the slot's concurrency in flight per slot."""

    def __init__(self, default: int, budgets: dict[str, int]) -> None:
        self.default, self.budgets = default, budgets
        self.slots: dict[str, DeferredSemaphore] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SlotConcurrency:
        settings = crawler.settings
        budgets = {
            key: int(value["concurrency"])
            for key, value in settings.getdict("DOWNLOAD_SLOTS").items()
            if isinstance(value, dict) and "concurrency" in value
        }
        return cls(settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), budgets)

    def _semaphore(self, key: str) -> DeferredSemaphore:
        semaphore = self.slots.get(key)
        if semaphore is None:
            semaphore = self.slots[key] = DeferredSemaphore(self.budgets.get(key, self.default))
        return semaphore

    async def process_request(self, request: Request, spider: Any = None) -> None:
        key = request.meta.get("download_slot") or (urlsplit(request.url).hostname or "")
        await maybe_deferred_to_future(self._semaphore(key).acquire())
        request.meta[HELD] = key

    def _release(self, request: Request) -> None:
        key = request.meta.pop(HELD, None)
        if key is not None:
            self._semaphore(key).release()

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        self._release(request)
