"""No request reaches a private, loopback or link-local address unless asked for.

URLs come from untrusted pages, and DNS answers can change: a redirect to
``http://169.254.169.254/`` or a site name that starts resolving to ``10.0.0.1`` must
not turn the crawler into a probe of the network it runs in.  Every request's host is
checked after resolution; addresses outside the public internet are refused unless the
operator named that host -- a host of the crawl's own ``start_urls`` (the local replica),
a site of the registry whose entry says ``private_address = true``, or one listed in
``ALLOW_PRIVATE_HOSTS``.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future

from crawler.context import CrawlContext

logger = logging.getLogger(__name__)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_ipv4(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client), else ``ip``."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
    return inner if inner is not None else ip


def forbidden_reason(address: str) -> str | None:
    """Why ``address`` is not on the public internet, or None if it is.

    Anything not globally routable is refused (loopback, link-local, private, shared
    carrier-grade NAT ``100.64/10``, documentation, reserved ranges), also when wrapped
    in an IPv6 address (IPv4-mapped, 6to4, Teredo)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address"
    ip = _embedded_ipv4(ip)
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
        ("non-global", not ip.is_global),
    )
    return next((f"a {name} address" for name, hit in checks if hit), None)


async def resolve_with_reactor(host: str) -> str:
    """``host``'s address through the reactor's cached resolver, which the download
    itself uses too (so the check and the connection see the same answer)."""
    from twisted.internet import reactor  # the installed one, not installed by an import

    resolver: Any = reactor  # an IReactorCore (zope interfaces do not type-check)
    address: str = await maybe_deferred_to_future(resolver.resolve(host))
    return address


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class AddressFilterMiddleware:
    """Downloader middleware refusing requests to non-public addresses (see module doc)."""

    def __init__(
        self,
        crawler: Crawler,
        allowed: set[str],
        resolve: Callable[[str], Awaitable[str]] = resolve_with_reactor,
    ) -> None:
        self.crawler, self.allowed, self.resolve = crawler, allowed, resolve
        self._hosts: set[str] | None = None  # allowed + the spider's start hosts, once known

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressFilterMiddleware:
        allowed = {h.lower() for h in crawler.settings.getlist("ALLOW_PRIVATE_HOSTS")}
        return cls(crawler, allowed)

    def _operator_hosts(self) -> set[str]:
        """The hosts the operator named (computed once per crawl, not per request)."""
        if self._hosts is None:
            context = CrawlContext.of(self.crawler)
            if not context.started:
                return self.allowed
            self._hosts = self.allowed | context.scope.start_hosts
        return self._hosts

    async def process_request(self, request: Request, spider: Any = None) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or host in self._operator_hosts():
            return
        address = host
        if not _is_ip(host):
            # A failed lookup propagates (the retry middleware retries it): the request
            # never goes out unchecked.
            address = await self.resolve(host)
        reason = forbidden_reason(address)
        if reason is not None:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("archive/refused_address")
            logger.warning("refused %s: %s is %s", request.url, host, reason)
            raise IgnoreRequest(f"{host} is {reason}")
