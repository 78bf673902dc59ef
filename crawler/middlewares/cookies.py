"""Scrapy's cookies middleware, with no request of its own to the internet.

Scrapy asks tldextract whether a cookie's domain is a public suffix, and tldextract's
default is to download the Public Suffix List from publicsuffix.org the first time a
site sets a cookie: an outbound request nobody asked for, which fails on an air-gapped
crawler host.  Here the question is answered from the snapshot of the list that
tldextract ships (no network, no cache folder).  Scrapy keeps its extractor in a module
attribute and offers no setting for it, so that attribute is replaced once, when the
crawl builds this middleware (``tests/crawler/middlewares/test_cookies.py`` pins the
behaviour relied upon).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares import cookies
from tldextract import TLDExtract

OFFLINE = TLDExtract(
    cache_dir=None,
    suffix_list_urls=(),
    fallback_to_snapshot=True,
    include_psl_private_domains=True,  # as Scrapy's own extractor
)
"""The Public Suffix List from tldextract's bundled snapshot: never fetched."""


class OfflineCookiesMiddleware(cookies.CookiesMiddleware):
    """Scrapy's cookies middleware; public suffixes from the bundled snapshot."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        cookies._split_domain = OFFLINE
        return super().from_crawler(crawler)
