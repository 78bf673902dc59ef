"""The address filter, tested without connecting anywhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import DNSLookupError

from crawler.middlewares.addresses import AddressFilterMiddleware, forbidden_reason


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.0.0.2", "a loopback address"),
        ("::1", "a loopback address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.9", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fd00::7", "a private address"),
        ("::ffff:10.0.0.1", "a private address"),  # IPv4-mapped
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "a private address"),  # noqa: S104 - a string under test, not a bind
        ("203.0.113.5", "a private address"),  # documentation range (TEST-NET-3)
        ("100.64.0.1", "a non-global address"),  # carrier-grade NAT, shared space
        ("2002:a00:1::", "a private address"),  # 6to4 wrapping 10.0.0.1
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "a private address"),  # Teredo, 10.0.0.1
        ("2002:a473:161e::", None),  # 6to4 wrapping a public address
        ("not-an-ip", "not an IP address"),
        ("164.115.22.30", None),  # a public address
        ("2001:4860:4860::8888", None),
    ],
)
def test_forbidden_reason(address: str, reason: str | None) -> None:
    assert forbidden_reason(address) == reason


class _Context:
    """The crawl context as far as the filter asks it: the hosts the operator named."""

    started = True
    scope = SimpleNamespace(start_hosts=frozenset({"127.0.0.1"}))


class _Stats(Counter[str]):
    def inc_value(self, key: str) -> None:
        self[key] += 1


async def _no_dns(host: str) -> str:
    raise AssertionError(f"looked up {host}")


def _middleware(
    allow: list[str] | None = None, resolve: Callable[[str], Awaitable[str]] = _no_dns
) -> AddressFilterMiddleware:
    context = _Context()
    crawler = SimpleNamespace(get_extension=lambda _cls: context, stats=_Stats())
    return AddressFilterMiddleware(crawler, set(allow or []), resolve)  # type: ignore[arg-type]


def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run a coroutine that never waits (IP literals, a fake resolver: no reactor here)."""
    try:
        coroutine.send(None)
    except StopIteration:
        return
    raise AssertionError("the check awaited something")


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/admin",
        "http://[::1]:8080/",
        "http://127.0.0.2:8765/th/content/x",  # loopback, but not the crawl's own host
    ],
)
def test_ip_literals_outside_the_public_internet_are_refused(url: str) -> None:
    middleware = _middleware()
    with pytest.raises(IgnoreRequest):
        _run(middleware.process_request(Request(url)))
    assert middleware.crawler.stats["archive/refused_address"] == 1  # type: ignore[index]


def test_the_operators_own_hosts_are_allowed() -> None:
    _run(_middleware().process_request(Request("http://127.0.0.1:8765/th/x")))
    _run(_middleware(["10.0.0.1"]).process_request(Request("http://10.0.0.1/th/x")))


def _answering(address: str) -> Callable[[str], Awaitable[str]]:
    async def resolve(host: str) -> str:
        return address

    return resolve


def test_a_name_that_resolves_to_a_private_address_is_refused() -> None:
    middleware = _middleware(resolve=_answering("10.0.0.1"))
    with pytest.raises(IgnoreRequest, match=r"www\.mfa\.go\.th is a private address"):
        _run(middleware.process_request(Request("https://www.mfa.go.th/th/content/x")))
    _run(
        _middleware(resolve=_answering("164.115.22.30")).process_request(
            Request("https://www.mfa.go.th/th/content/x")
        )
    )


def test_a_failed_lookup_is_not_waved_through() -> None:
    async def failing(host: str) -> str:
        raise DNSLookupError(host)

    with pytest.raises(DNSLookupError):  # retried by the retry middleware, never sent unchecked
        _run(_middleware(resolve=failing).process_request(Request("https://www.mfa.go.th/")))
