"""Network failures as one clear line, not a traceback.

A site that cannot be reached (no network, DNS failure, connection refused, timeout)
is an operational condition the run summary reports; Scrapy's robots.txt middleware
logs it with a full traceback, which hides the one line that matters.  This
extension strips the traceback from such records and keeps the message.
"""

from __future__ import annotations

import logging

from scrapy import exceptions as scrapy_errors
from scrapy.crawler import Crawler
from twisted.internet import error as twisted_errors

_SCRAPY_NETWORK_ERRORS = tuple(
    getattr(scrapy_errors, name)
    for name in ("CannotResolveHostError", "DownloadTimeoutError", "DownloadConnectionRefusedError")
    if hasattr(scrapy_errors, name)
)
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    *_SCRAPY_NETWORK_ERRORS,
    twisted_errors.DNSLookupError,
    twisted_errors.ConnectError,
    twisted_errors.TimeoutError,
    twisted_errors.ConnectionLost,
    TimeoutError,
    ConnectionError,
)
LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.core.scraper")


def _network_error(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, NETWORK_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class OneLineNetworkErrors(logging.Filter):
    """Drops the traceback of log records caused by a network failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and _network_error(record.exc_info[1]):
            record.exc_info = None
            record.exc_text = None
        return True


class OneLineNetworkErrorsExtension:
    """Installs :class:`OneLineNetworkErrors` on the loggers that print such records
    (once per process, however many crawls it runs)."""

    def __init__(self) -> None:
        for name in LOGGERS:
            logger = logging.getLogger(name)
            if not any(isinstance(f, OneLineNetworkErrors) for f in logger.filters):
                logger.addFilter(OneLineNetworkErrors())

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OneLineNetworkErrorsExtension:
        return cls()
