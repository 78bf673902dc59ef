"""A guard against traffic off the machine: in this process, every name lookup and
connection to anything but loopback is refused before it is sent, and recorded.

The crawler makes no request its operator did not ask for; a test proves it by crawling
the replica (on 127.0.0.1) inside :func:`loopback_only` and finding nothing recorded.
Refused *before* sending: the tests never send traffic beyond loopback, even to prove
that the crawler would not.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def _loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@contextmanager
def loopback_only() -> Iterator[list[str]]:
    """Yields the list of refused attempts (``lookup NAME``, ``connect ADDRESS``)."""
    attempts: list[str] = []
    saved: dict[tuple[Any, str], Any] = {}

    def refuse(what: str) -> OSError:
        attempts.append(what)
        return OSError(errno.ENETUNREACH, f"test guard: no traffic beyond loopback ({what})")

    def lookup(original: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
            if not _loopback(host):
                raise refuse(f"lookup {host}")
            return original(host, *args, **kwargs)

        return guarded

    def connect(original: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(self: socket.socket, address: Any, *args: Any) -> Any:
            family = getattr(self, "family", None)
            if family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
                raise refuse(f"connect {address[0]}")
            return original(self, address, *args)

        return guarded

    patches = [  # socket.create_connection looks up and connects through these
        (socket, "getaddrinfo", lookup),
        (socket, "gethostbyname", lookup),
        (socket, "gethostbyname_ex", lookup),
        (socket.socket, "connect", connect),
        (socket.socket, "connect_ex", connect),
    ]
    for owner, name, wrap in patches:
        saved[(owner, name)] = getattr(owner, name)
        setattr(owner, name, wrap(saved[(owner, name)]))
    try:
        yield attempts
    finally:
        for (owner, name), original in saved.items():
            setattr(owner, name, original)
