"""Redirects that leave the crawl's sites, or lead to a URL with credentials in it
(``user:password@``), are refused, with a log line.

Scrapy's offsite filter drops such a redirect silently; a government page that suddenly
redirects elsewhere (or to ``169.254.169.254``) is worth a warning, and the refusal
happens before any connection to the target.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.context import CrawlContext
from crawler.media.outcomes import MEDIA
from crawler.media.slots import media_hosts
from crawler.redact import redact_url

logger = logging.getLogger(__name__)


class OffsiteRedirectMiddleware:
    """Refuses, with a log line, a redirect that leaves the crawl's sites."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if "@" in urlsplit(target).netloc:  # credentials chosen by the page: never sent
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("archive/refused_redirect")
            logger.warning(
                "refused redirect of %s to %s: a URL with credentials",
                request.url,
                redact_url(target),
            )
            raise IgnoreRequest(f"redirect to {redact_url(target)}: a URL with credentials")
        host = (urlsplit(target).hostname or "").lower()
        context = CrawlContext.of(self.crawler)
        allowed = context.scope.allowed_domains if context.started else frozenset()
        if request.meta.get(MEDIA):  # an article's file: the image service's hosts too
            allowed = allowed | media_hosts(self.crawler.settings)
        if not allowed or any(host == d or host.endswith("." + d) for d in allowed):
            return response
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("archive/refused_redirect")
        logger.warning(
            "refused redirect of %s to %s: not a site of this crawl", request.url, target
        )
        raise IgnoreRequest(f"redirect to {target} leaves the crawl's sites")
