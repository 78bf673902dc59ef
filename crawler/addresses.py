"""No request reaches a private, loopback or link-local address unless asked for.

URLs come from untrusted pages, and DNS answers can change: a redirect to
``http://169.254.169.254/`` or a site name that starts resolving to ``10.0.0.1`` must
not turn the crawler into a probe of the network it runs in.  Every request's host is
checked after resolution; addresses outside the public internet are refused unless the
operator named that host -- a host of the crawl's own ``start_urls`` (the local replica)
or one listed in ``ALLOW_PRIVATE_HOSTS``.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.interfaces import IReactorCore

logger = logging.getLogger(__name__)


def forbidden_reason(address: str) -> str | None:
    """Why ``address`` is not on the public internet, or None if it is."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
    )
    return next((f"a {name} address" for name, hit in checks if hit), None)


def _resolver() -> Any:
    """The reactor, through whose cached resolver the download resolves names too."""
    return cast("IReactorCore", reactor)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class AddressFilterMiddleware:
    """Downloader middleware refusing requests to non-public addresses (see module doc)."""

    def __init__(self, crawler: Crawler, allowed: set[str]) -> None:
        self.crawler, self.allowed = crawler, allowed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressFilterMiddleware:
        allowed = {h.lower() for h in crawler.settings.getlist("ALLOW_PRIVATE_HOSTS")}
        return cls(crawler, allowed)

    def _operator_hosts(self, spider: Spider | None) -> set[str]:
        starts = getattr(spider, "start_arg", None) or []
        return self.allowed | {(urlsplit(url).hostname or "").lower() for url in starts}

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or host in self._operator_hosts(self.crawler.spider):
            return
        address = host
        if not _is_ip(host):
            try:
                address = await maybe_deferred_to_future(_resolver().resolve(host))
            except Exception:
                return
        reason = forbidden_reason(address)
        if reason is not None:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("archive/refused_address")
            logger.warning("refused %s: %s is %s", request.url, host, reason)
            raise IgnoreRequest(f"{host} is {reason}")


class OffsiteRedirectMiddleware:
    """Refuses, with a log line, a redirect that leaves the crawl's sites.

    Scrapy's offsite filter drops such a redirect silently; a government page that
    suddenly redirects elsewhere (or to ``169.254.169.254``) is worth a warning, and the
    refusal happens before any connection to the target.
    """

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
        host = (urlsplit(target).hostname or "").lower()
        allowed = {d.lower() for d in getattr(self.crawler.spider, "allowed_domains", None) or []}
        if not allowed or any(host == d or host.endswith("." + d) for d in allowed):
            return response
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("archive/refused_redirect")
        logger.warning(
            "refused redirect of %s to %s: not a site of this crawl", request.url, target
        )
        raise IgnoreRequest(f"redirect to {target} leaves the crawl's sites")
