"""WARC records of one fetch, built with warcio: the request, then the response with its
headers and payload as received (before decompression: ``Content-Encoding`` kept), or a
``revisit`` when the payload is one already written (``identical-payload-digest``: in
this crawl, among the payloads it met most recently, or by an earlier crawl for the same
URL) or the server answered 304
(``server-not-modified``).

Scrapy keeps no raw header bytes: headers are written from the parsed ones, in the
order Scrapy kept them, and ``Transfer-Encoding`` is written as
``X-Archive-Orig-Transfer-Encoding`` because the body Scrapy hands over is de-chunked
(a replayer reading ``chunked`` over a plain body would fail), as warcio's own capture
and pywb's recorder do.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from http.client import responses
from io import BytesIO
from typing import Any
from urllib.parse import urlsplit

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import BufferWARCWriter, WARCWriter

from crawler.redact import redact_url
from crawler.state.captures import Capture

RENAMED = {b"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}
CREDENTIALS = frozenset({b"authorization", b"proxy-authorization"})
"""Request headers never written: the crawler's own credentials (a proxy's password that
Scrapy's proxy middleware puts in the request, a mirror's login), not the page's."""
URL_VALUED = frozenset({b"location", b"content-location", b"referer"})
"""Headers holding a URL, redacted like the target URI (a signed URL's signature, a
token, a password before the host); cookies are the site's and are kept."""


@dataclass(frozen=True)
class Fetch:
    """What the crawler sent and what it received, as plain data."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    response_headers: list[tuple[str, str]]
    body: bytes
    """The payload as received (still compressed if the server compressed it)."""
    fetched_at: datetime
    protocol: str = "HTTP/1.1"


def payload_digest(body: bytes) -> str:
    """The ``WARC-Payload-Digest`` warcio writes: ``sha1:`` and base32."""
    sha1 = hashlib.sha1(body, usedforsecurity=False)  # the WARC convention, not a secret
    return "sha1:" + base64.b32encode(sha1.digest()).decode("ascii")


def _date(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def headers_of(raw: Any) -> list[tuple[str, str]]:
    """Scrapy ``Headers`` as (name, value) text pairs, every value of a repeated name;
    credentials left out (:data:`CREDENTIALS`), URLs redacted as the records' target
    URIs are (:data:`URL_VALUED`)."""
    pairs = []
    for name, values in raw.items():
        if name.lower() in CREDENTIALS:
            continue
        shown = RENAMED.get(name.lower(), name.decode("latin-1"))
        texts = [_text(value) for value in values]
        if name.lower() in URL_VALUED:
            texts = [redact_url(text) for text in texts]
        pairs += [(shown, text) for text in texts]
    return pairs


def _text(value: bytes) -> str:
    """A header value as text: UTF-8 when it is (a Thai path in a ``Location``), else
    Latin-1.  warcio writes non-ASCII header text percent-encoded as UTF-8, so UTF-8
    bytes come out as their own percent-encoding."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


@dataclass(frozen=True)
class Original:
    """Where a payload was first written, for the revisit records that point to it."""

    url: str
    date: str


class RecentPayloads:
    """The payloads this crawl wrote whole, by digest: one fetched again is written as a
    revisit of that record.  Only the ``limit`` used most recently are kept (written, or
    met again): each costs some 300 bytes, and the crawl's memory must not grow with
    the site.  A payload let go is written whole again if it comes back (more bytes,
    nothing lost), and its later revisits name that record."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._originals: OrderedDict[str, Original] = OrderedDict()

    def get(self, digest: str) -> Original | None:
        found = self._originals.get(digest)
        if found is not None:
            self._originals.move_to_end(digest)
        return found

    def add(self, digest: str, original: Original) -> None:
        self._originals[digest] = original
        if len(self._originals) > self.limit:
            self._originals.popitem(last=False)

    def __len__(self) -> int:
        return len(self._originals)


def fetch_records(
    writer: WARCWriter,
    fetch: Fetch,
    seen: RecentPayloads,
    earlier: Capture | None = None,
) -> tuple[ArcWarcRecord, ArcWarcRecord, Capture | None]:
    """The fetch's response (or revisit) record and its request record, to be written in
    that order, and the capture a whole response record is (None for a revisit).
    ``seen`` holds the payloads this crawl wrote whole, most recent last; ``earlier`` is
    the URL's last whole capture in an earlier crawl: the same payload again is a
    revisit of it."""
    date = _date(fetch.fetched_at)
    reason = responses.get(fetch.status, "")
    http = StatusAndHeaders(
        f"{fetch.status} {reason}".strip(), fetch.response_headers, protocol=fetch.protocol
    )
    digest = payload_digest(fetch.body)
    original = seen.get(digest)
    if original is None and earlier is not None and earlier.digest == digest:
        original = Original(earlier.url, earlier.date)
    captured = None
    if fetch.status == 304:
        record = writer.create_revisit_record(fetch.url, digest, fetch.url, date, http_headers=http)
        record.rec_headers.replace_header("WARC-Profile", SERVER_NOT_MODIFIED)
    elif original is not None:
        record = writer.create_revisit_record(
            fetch.url, digest, original.url, original.date, http_headers=http
        )
    else:
        record = writer.create_warc_record(
            fetch.url, "response", payload=BytesIO(fetch.body), http_headers=http
        )
        seen.add(digest, Original(fetch.url, date))
        captured = Capture(fetch.url, digest, date)
    record.rec_headers.replace_header("WARC-Date", date)
    parts = urlsplit(fetch.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = writer.create_warc_record(
        fetch.url,
        "request",
        payload=BytesIO(b""),
        http_headers=StatusAndHeaders(
            f"{fetch.method} {target} {fetch.protocol}", fetch.request_headers, is_http_request=True
        ),
    )
    request.rec_headers.replace_header("WARC-Date", date)
    request.rec_headers.replace_header("WARC-Concurrent-To", record_id_of(record))
    return record, request, captured


def record_id_of(record: ArcWarcRecord) -> str:
    """A record's ``WARC-Record-ID`` (``<urn:uuid:...>``)."""
    record_id: str = record.rec_headers.get_header("WARC-Record-ID")
    return record_id


SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.0/revisit/server-not-modified"
"""The profile of a 304's revisit (warcio writes WARC/1.0, so its profiles are 1.0's)."""


def warcinfo(filename: str, info: dict[str, str]) -> bytes:
    """A ``warcinfo`` record (gzipped) opening a WARC file: who wrote it and how."""
    writer = BufferWARCWriter(gzip=True)
    writer.write_record(writer.create_warcinfo_record(filename, info))
    data: bytes = writer.get_contents()
    return data
