"""Faults the replica can inject on the next requests of a path, as a flaky site does.

``POST /_replica/fault?path=P&kind=K&times=N[&seconds=S][&to=URL][&count=C]``; ``P`` is a
path, or a listing's path with its page number (``/th/content-category/ข่าวเด่น?p=3``: that
page only, under either of the listing's URL forms); kinds:

- ``500``, ``503`` / ``429`` (with ``Retry-After: S``): an error status;
- ``404``, ``410``: the page is not there (the platform's error page with that status);
- ``timeout``: no answer for S seconds; ``reset``: the connection is cut;
- ``truncate``: a body shorter than its Content-Length, then the connection closes;
- ``soft404``: the platform's error page with status 200; ``login``: a login wall (200);
- ``redirect``: 302 to ``to``;
- ``cookie``: the page, setting a cookie for the host (``Set-Cookie`` with ``Domain``);
- ``huge``: an endless body (Content-Length 200 MB); ``stream``: 20 MB without a length;
- ``gzipbomb``: 1 GB of zeros, gzip-compressed (about 1 MB on the wire);
- ``tis620``: the page encoded in TIS-620 while the header says UTF-8;
- ``badutf8``: the page with bytes that are valid in no charset;
- ``manylinks`` (a listing path): S (``seconds``) article links, the replica's articles
  over and over under different menu queries.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from twisted.internet import reactor
from twisted.web.server import NOT_DONE_YET, Request

LOGIN_PAGE = (
    "<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><title>เข้าสู่ระบบ</title></head>"
    "<body><div id='__next'><h1>กรุณาเข้าสู่ระบบ</h1><form action='/login' method='post'>"
    "<label>ชื่อผู้ใช้ <input name='user'></label><label>รหัสผ่าน <input name='password'"
    " type='password'></label><button>เข้าสู่ระบบ</button></form></div></body></html>"
).encode()


@dataclass
class Fault:
    kind: str
    times: int
    seconds: float = 1.0
    to: str = ""


@cache
def _gzip_bomb() -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as archive:
        chunk = bytes(1024 * 1024)
        for _ in range(1024):
            archive.write(chunk)
    return buffer.getvalue()


class Faults:
    """The faults planned per path, taken one request at a time."""

    def __init__(self) -> None:
        self.plan: dict[str, Fault] = {}
        self.served: dict[str, int] = {}

    def add(self, path: str, fault: Fault) -> None:
        self.plan[path] = fault

    def clear(self) -> None:
        self.plan.clear()
        self.served.clear()

    def take(self, path: str) -> Fault | None:
        fault = self.plan.get(path)
        if fault is None or fault.times <= 0:
            return None
        fault.times -= 1
        self.served[fault.kind] = self.served.get(fault.kind, 0) + 1
        return fault


def respond(request: Request, fault: Fault, page: bytes, error_page: bytes) -> bytes | int:
    """Answer ``request`` with ``fault`` (``page``: the answer it replaces)."""
    kind = fault.kind
    html = b"text/html; charset=utf-8"
    if kind in ("500", "503", "429"):
        request.setResponseCode(int(kind))
        if kind != "500":
            request.setHeader(b"retry-after", str(int(fault.seconds)).encode())  # type: ignore[no-untyped-call]
        return b"<html><body>Service unavailable</body></html>"
    if kind in ("404", "410"):
        request.setResponseCode(int(kind))
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        return error_page
    if kind == "timeout":
        _later(fault.seconds, _finish, request, page)
        return NOT_DONE_YET
    if kind == "reset":
        request.transport.abortConnection()  # type: ignore[union-attr]
        return NOT_DONE_YET
    if kind == "truncate":
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        request.setHeader(b"content-length", str(len(page)).encode())  # type: ignore[no-untyped-call]
        _write(request, page[: len(page) // 2])
        _later(0.05, _hang_up, request)
        return NOT_DONE_YET
    if kind in ("soft404", "login"):
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        return error_page if kind == "soft404" else LOGIN_PAGE
    if kind == "cookie":
        host = (request.getHeader("host") or "127.0.0.1").split(":")[0]
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        request.setHeader(b"set-cookie", f"session=abc; Domain={host}; Path=/".encode())  # type: ignore[no-untyped-call]
        return page
    if kind == "redirect":
        request.setResponseCode(302)
        request.setHeader(b"location", fault.to.encode())  # type: ignore[no-untyped-call]
        return b""
    if kind in ("huge", "stream"):
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        if kind == "huge":
            request.setHeader(b"content-length", str(200 * 1024 * 1024).encode())  # type: ignore[no-untyped-call]
        _stream(request, remaining=20 if kind == "stream" else 200)
        return NOT_DONE_YET
    if kind == "gzipbomb":
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        request.setHeader(b"content-encoding", b"gzip")  # type: ignore[no-untyped-call]
        return _gzip_bomb()
    if kind == "tis620":
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        # windows-874 (TIS-620 and NBSP); what it lacks becomes a character reference
        return page.decode("utf-8").encode("cp874", "xmlcharrefreplace")
    if kind == "badutf8":
        request.setHeader(b"content-type", html)  # type: ignore[no-untyped-call]
        marker = "ย่อหน้า".encode()
        return (
            page.replace(b"</h2>", b"\x81\x8d\xff</h2>", 1) if b"</h2>" in page else page + marker
        )
    raise ValueError(f"unknown fault {kind!r}")


def _later(seconds: float, function: Callable[..., object], *args: object) -> None:
    reactor.callLater(seconds, function, *args)  # type: ignore[arg-type]


def _hang_up(request: Request) -> None:
    if request.transport is not None:
        request.transport.loseConnection()  # type: ignore[misc]


def _write(request: Request, data: bytes) -> None:
    request.write(data)  # type: ignore[no-untyped-call]


def _finish(request: Request, body: bytes) -> None:
    if not request.finished and not request._disconnected:
        request.setHeader(b"content-type", b"text/html; charset=utf-8")  # type: ignore[no-untyped-call]
        _write(request, body)
        request.finish()  # type: ignore[no-untyped-call]


def _stream(request: Request, remaining: int) -> None:
    """Write 1 MB at a time until ``remaining`` MB are sent or the client hangs up."""
    if request._disconnected or request.finished:
        return
    if remaining <= 0:
        request.finish()  # type: ignore[no-untyped-call]
        return
    _write(request, b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n")
    _later(0, _stream, request, remaining - 1)
