"""Credentials never reach the log: every record is redacted before any handler writes it.

A URL can carry a user and password or a signed token (:mod:`crawler.redact`); a log
line often repeats the URL a request failed on.  This extension puts a
:class:`crawler.redact.RedactingFilter` on the handlers of the root logger, which
every logger's records reach -- when it is built and again when the spider opens,
because Scrapy installs its root handler afresh as a crawl starts (each handler gets
one filter, however many crawls a process runs).
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.redact import RedactingFilter


def redact_root_handlers() -> None:
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())


class LogRedaction:
    """Extension: redact credentials from every log record of the crawl."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LogRedaction:
        redact_root_handlers()
        crawler.signals.connect(redact_root_handlers, signal=signals.spider_opened)
        return cls()
