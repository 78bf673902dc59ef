"""Revisits within one crawl: kept for the most recent payloads only, so the crawl's
memory does not grow with the site; an older payload is written whole again."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from warcio.warcwriter import WARCWriter

from crawler.warc.records import Fetch, RecentPayloads, fetch_records

WHEN = datetime(2026, 12, 8, 5, 0, tzinfo=UTC)


def _fetch(body: bytes, url: str) -> Fetch:
    return Fetch(url, "GET", [], 200, [("Content-Type", "text/html")], body, WHEN)


def test_a_payload_among_the_recent_is_a_revisit_an_older_one_is_whole_again() -> None:
    writer, seen = WARCWriter(BytesIO(), gzip=True), RecentPayloads(limit=2)

    def kind(body: bytes, url: str) -> tuple[str, str | None]:
        response, _request, _captured = fetch_records(writer, _fetch(body, url), seen)
        return response.rec_type, response.rec_headers.get_header("WARC-Refers-To-Target-URI")

    assert kind(b"a", "https://x/1") == ("response", None)
    assert kind(b"b", "https://x/2") == ("response", None)
    assert kind(b"a", "https://x/3") == ("revisit", "https://x/1")  # and "a" is recent again
    assert kind(b"c", "https://x/4") == ("response", None)  # "b" is the oldest: let go
    assert len(seen) == 2
    assert kind(b"b", "https://x/5") == ("response", None)  # written whole, nothing lost
    assert kind(b"c", "https://x/6") == ("revisit", "https://x/4")


def test_a_large_crawl_keeps_at_most_the_limit() -> None:
    seen = RecentPayloads(limit=100)
    writer = WARCWriter(BytesIO(), gzip=False)
    for n in range(1_000):
        fetch_records(writer, _fetch(str(n).encode(), f"https://x/{n}"), seen)
    assert len(seen) == 100
