"""WARC files as archivists read them back (warcio): records, revisits, rotation, a
crash's leftover, publishing whole into the archive."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import UTC, datetime
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from cdxj_indexer import CDXJIndexer
from scrapy.http.headers import Headers
from warcio.archiveiterator import ArchiveIterator

from crawler.storage import StorageError
from crawler.storage.local import LocalStorage
from crawler.warc.files import OPEN, WarcFiles, leftovers, publish
from crawler.warc.index import write_index
from crawler.warc.records import SERVER_NOT_MODIFIED, Fetch, headers_of, payload_digest

URL = "https://www.mfa.go.th/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
PAGE = "<html><body>ผู้ช่วยรัฐมนตรี\u00a0๒๕๖๓</body></html>".encode()
WHEN = datetime(2026, 12, 3, 7, 0, 1, 250000, tzinfo=UTC)


def fetch(body: bytes = PAGE, status: int = 200, url: str = URL) -> Fetch:
    return Fetch(
        url=url,
        method="GET",
        request_headers=[("User-Agent", "mfa-archive"), ("Accept-Encoding", "gzip")],
        status=status,
        response_headers=[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("X-Archive-Orig-Transfer-Encoding", "chunked"),
        ],
        body=body,
        fetched_at=WHEN,
    )


def records(path: Path) -> list[tuple[str, str | None, str | None, bytes]]:
    with path.open("rb") as file:
        return [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Target-URI"),
                r.rec_headers.get_header("WARC-Profile"),
                r.raw_stream.read(),
            )
            for r in ArchiveIterator(file)
        ]


def test_a_fetch_is_a_response_then_its_request_payload_as_received(tmp_path: Path) -> None:
    raw = gzip.compress(PAGE)  # the server compressed it: kept compressed
    files = WarcFiles(tmp_path, 1024**3, {"software": "mfa-archive test"})
    where, done = files.write(fetch(raw))
    assert done is None
    path = files.close()
    assert path is not None and where.file == f"warc/{path.name}"
    found = records(path)
    assert [r[0] for r in found] == ["warcinfo", "response", "request"]
    assert found[1][1] == URL and found[1][3] == raw
    with path.open("rb") as file:
        iterator = ArchiveIterator(file)
        response = next(r for r in iterator if r.rec_type == "response")
        assert response.rec_headers.get_header("WARC-Date") == "2026-12-03T07:00:01.250000Z"
        assert response.rec_headers.get_header("WARC-Payload-Digest") == payload_digest(raw)
        assert response.http_headers.get_header("Content-Encoding") == "gzip"
        assert response.http_headers.get_statuscode() == "200"
    # The pointer is exactly the response record: its bytes read alone are that record.
    one = path.read_bytes()[where.offset : where.offset + where.length]
    [record] = [
        (r.rec_type, r.rec_headers.get_header("WARC-Record-ID"), r.content_stream().read())
        for r in ArchiveIterator(BytesIO(one))
    ]
    assert record == ("response", where.record_id, PAGE)  # content_stream decompresses


def test_the_index_names_each_response_and_revisit_where_the_pointer_does(
    tmp_path: Path,
) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    first, _ = files.write(fetch())
    second, _ = files.write(fetch(url="https://www.mfa.go.th/en/content/other"))
    again, _ = files.write(fetch(b"", status=304))
    path = files.close()
    assert path is not None
    lines = write_index(path).read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == 3  # no request, no warcinfo line
    found = {}
    for line in lines:
        urlkey, timestamp, data = line.split(" ", 2)
        entry = json.loads(data)
        assert timestamp == "20261203070001" and entry["filename"] == path.name
        found[(entry["url"], entry["mime"])] = (int(entry["offset"]), int(entry["length"]))
    assert found == {
        (URL, "text/html"): (first.offset, first.length),
        ("https://www.mfa.go.th/en/content/other", "warc/revisit"): (second.offset, second.length),
        (URL, "warc/revisit"): (again.offset, again.length),
    }  # the same page under another URL is a revisit too
    assert urlkey.startswith("th,go,mfa)/")  # SURT, as replayers look URLs up


def test_the_index_is_the_one_webrecorders_indexer_writes(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    for n, url in enumerate([URL, "https://www.mfa.go.th/en/page/x", URL]):
        files.write(fetch(PAGE + bytes([n % 2]), url=url))
    files.write(fetch(b"", status=304))
    files.write(fetch(b"gone", status=404, url="https://www.mfa.go.th/th/missing"))
    path = files.close()
    assert path is not None
    theirs = StringIO()
    CDXJIndexer(output=theirs, inputs=[str(path)], sort=True).process_all()
    assert write_index(path).read_text(encoding="utf-8") == theirs.getvalue()


def test_an_identical_payload_and_a_304_are_revisits(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    files.write(fetch())
    files.write(fetch(url=URL.split("?")[0]))  # the same page under another menu
    files.write(fetch(b"", status=304))
    path = files.close()
    assert path is not None
    kinds = [(kind, profile) for kind, _uri, profile, _body in records(path)]
    assert kinds[1:] == [
        ("response", None),
        ("request", None),
        ("revisit", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"),
        ("request", None),
        ("revisit", SERVER_NOT_MODIFIED),
        ("request", None),
    ]


def test_files_rotate_each_opening_with_its_warcinfo(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, 1, {})
    written = [files.write(fetch(PAGE + bytes([n]))) for n in range(3)]
    for where, path in written:  # each pointer names the file its record went into
        assert path is not None and where.file == f"warc/{path.name}"
        assert [r[0] for r in records(path)] == ["warcinfo", "response", "request"]
        one = path.read_bytes()[where.offset : where.offset + where.length]
        assert [r.rec_type for r in ArchiveIterator(BytesIO(one))] == ["response"]
    assert len({where.file for where, _path in written}) == 3
    assert files.close() is None


def test_a_file_a_crash_left_open_is_cut_after_its_last_whole_record(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    files.write(fetch())
    assert files.path is not None
    whole = files.path.stat().st_size
    files.write(fetch(PAGE + b"!"))
    with files.path.open("r+b") as file:  # the crash: the second fetch half written
        file.truncate(whole + 40)
    assert leftovers(tmp_path.parent / "elsewhere") == []  # no such folder: nothing
    assert leftovers(tmp_path, files.path) == []  # still being written
    [path] = leftovers(tmp_path)  # the next crawl: cut, completed, to publish
    assert path.stat().st_size == whole
    assert [r[0] for r in records(path)] == ["warcinfo", "response", "request"]


def test_a_completed_file_is_put_into_the_archive_whole_or_kept_here(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path / "warc", 1024**3, {})
    files.write(fetch())
    path = files.close()
    assert path is not None
    data = path.read_bytes()

    class Refusing(LocalStorage):
        refused = ".warc.gz"

        def put_file(self, key: str, source: Path, content_type: str) -> None:
            if key.endswith(self.refused):
                raise StorageError("the store is down")
            super().put_file(key, source, content_type)

    for refused in (".warc.gz", ".cdxj"):  # the file, or its index once the file is in
        store = Refusing(tmp_path / "archive")
        store.refused = refused
        assert not publish(store, path)
        assert path.exists()  # kept here for the next crawl, with its index
    assert leftovers(tmp_path / "warc") == [path]
    storage = LocalStorage(tmp_path / "archive")
    assert publish(storage, path)
    assert storage.get(f"warc/{path.name}") == data and not path.exists()
    index = storage.get(f"warc/{path.name.removesuffix('.warc.gz')}.cdxj")
    assert index is not None and URL.encode() in index and path.name.encode() in index
    assert list(tmp_path.joinpath("warc").iterdir()) == []  # nothing left here


def _part_of_a_record(folder: Path, fraction: float) -> bytes:
    other = WarcFiles(folder, 1024**3, {})
    where, _ = other.write(fetch(bytes(range(256)) * 400))  # 100 kB that gzip barely shrinks
    path = other.close()
    assert path is not None
    return path.read_bytes()[where.offset : where.offset + int(where.length * fraction)]


@pytest.mark.parametrize("tail", ["zeros", 0.02, 0.2, 0.5, 0.75, 0.9, 0.999])
def test_a_complete_file_with_an_unreadable_tail_is_cut_then_published(
    tmp_path: Path, tail: str | float
) -> None:
    """Zeros a power loss left after the last record, or part of a record a full disk
    left (cut in its headers, its payload or its gzip trailer: warcio reads most such
    tails without an error)."""
    files = WarcFiles(tmp_path / "warc", 1024**3, {})
    where, _ = files.write(fetch())
    path = files.close()
    assert path is not None
    whole = path.read_bytes()
    extra = bytes(4096) if tail == "zeros" else _part_of_a_record(tmp_path, float(tail))
    path.write_bytes(whole + extra)
    storage = LocalStorage(tmp_path / "archive")
    assert publish(storage, path)
    assert storage.get(f"warc/{path.name}") == whole
    index = storage.get(f"warc/{path.name.removesuffix('.warc.gz')}.cdxj")
    assert index is not None and index.count(b"\n") == 1
    assert f'"offset": "{where.offset}"'.encode() in index


def test_a_file_that_cannot_be_read_is_kept_whole_not_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read error says nothing about where the records end: the file stays as it is,
    here, for the next crawl."""
    files = WarcFiles(tmp_path / "warc", 1024**3, {})
    for n in range(3):
        files.write(fetch(PAGE + bytes([n])))
    path = files.close()
    assert path is not None
    whole = path.read_bytes()

    class FailingIterator(ArchiveIterator):  # type: ignore[misc]
        reads = 0

        def read_to_end(self, *args: object) -> None:
            FailingIterator.reads += 1
            if FailingIterator.reads == 2:  # the disk fails in the second record
                raise OSError(5, "Input/output error")
            super().read_to_end(*args)

    monkeypatch.setattr("crawler.warc.index.ArchiveIterator", FailingIterator)
    storage = LocalStorage(tmp_path / "archive")
    assert not publish(storage, path)
    assert path.read_bytes() == whole and list(storage.list("warc/")) == []


def test_an_open_file_of_a_living_writer_is_not_a_leftover(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    files.write(fetch())
    assert files.path is not None and files.path.name.endswith(OPEN)
    assert leftovers(tmp_path, files.path) == []


def test_the_crawlers_credentials_are_never_written() -> None:
    """Scrapy's proxy middleware puts the proxy's password into the request's headers;
    a URL in a header is redacted as the target URI is; the rest is kept as sent."""
    headers = Headers(
        {
            "User-Agent": "mfa-archive",
            "Proxy-Authorization": "Basic YWxpY2U6czM=",
            "Authorization": "Basic bWU6cHc=",
            "Accept": "text/html",
            "Referer": "https://www.mfa.go.th/th/content-category/ข่าว?token=s3cret&page=2",
            "Location": "/th/content/x?X-Amz-Signature=abc&cate=5d5b",
        }
    )
    assert headers_of(headers) == [
        ("User-Agent", "mfa-archive"),
        ("Accept", "text/html"),
        ("Referer", "https://www.mfa.go.th/th/content-category/ข่าว?token=REDACTED&page=2"),
        ("Location", "/th/content/x?X-Amz-Signature=REDACTED&cate=5d5b"),
    ]
    location = "https://www.mfa.go.th/th/content/%E0%B8%82?cate=5d5b"
    assert headers_of(Headers({"Location": location})) == [("Location", location)]  # as sent


def test_a_living_siblings_completed_file_is_its_own_but_a_reused_pid_is_not(
    tmp_path: Path,
) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    files.write(fetch())
    path = files.close()
    assert path is not None
    sleep = "import time; time.sleep(60)"
    sibling = subprocess.Popen([sys.executable, "-c", sleep, "scrapy", "crawl"])  # a worker
    stranger = subprocess.Popen([sys.executable, "-c", sleep])  # a pid given to another program
    for process in (sibling, stranger):  # until each runs its own command line
        while b"time.sleep" not in Path(f"/proc/{process.pid}/cmdline").read_bytes():
            assert process.poll() is None
    try:
        parts = path.name.split("-")
        for process, expected in ((sibling, []), (stranger, "itself")):
            named = path.with_name("-".join([*parts[:2], str(process.pid), *parts[3:]]))
            path.rename(named)
            assert leftovers(tmp_path) == ([named] if expected else [])
            path = named
    finally:
        for process in (sibling, stranger):
            process.kill()
            process.wait()


@pytest.mark.parametrize("status", [404, 500])
def test_error_pages_are_archived_too(tmp_path: Path, status: int) -> None:
    files = WarcFiles(tmp_path, 1024**3, {})
    files.write(fetch(b"not found", status=status))
    path = files.close()
    assert path is not None
    assert [r[0] for r in records(path)][1] == "response"


def test_a_payload_an_earlier_crawl_captured_is_a_revisit_naming_that_capture(
    tmp_path: Path,
) -> None:
    """Across crawls, as Heritrix's DeDuplicator writes it: the same URL with the same
    payload is a revisit naming the first capture's URL and date; another payload, or
    another URL's capture, is written whole, and only whole responses are captures."""
    first = WarcFiles(tmp_path / "first", 1024**3, {})
    first.write(fetch())
    first_path = first.close()
    assert first_path is not None
    [capture] = first.captures[first_path]
    assert (capture.url, capture.digest) == (URL, payload_digest(PAGE))
    assert capture.date == "2026-12-03T07:00:01.250000Z"

    later = WarcFiles(tmp_path / "later", 1024**3, {})
    later.write(fetch(), earlier=capture)
    later.write(fetch(PAGE + b"<!-- changed -->"), earlier=capture)
    later_path = later.close()
    assert later_path is not None
    with later_path.open("rb") as file:
        kinds = [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Refers-To-Target-URI"),
                r.rec_headers.get_header("WARC-Refers-To-Date"),
            )
            for r in ArchiveIterator(file)
            if r.rec_type in ("response", "revisit")
        ]
    assert kinds == [
        ("revisit", URL, "2026-12-03T07:00:01.250000Z"),
        ("response", None, None),
    ]
    assert [c.digest for c in later.captures[later_path]] == [
        payload_digest(PAGE + b"<!-- changed -->")
    ]
