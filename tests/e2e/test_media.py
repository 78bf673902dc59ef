"""Pictures and attached files archived with each version, once by content.

The replica serves its pages' pictures and files itself (``--media``: ``/mfa/<op>/...``
on its own host, originals 40-160 kB, one PDF linked by every page) and counts each
GET, so what the crawl fetched is counted by the server.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import pytest_twisted

from crawler.storage.layout import MEDIA_URLS
from tests.support.commands import run_command
from tests.support.crawling import CrawlResult, crawl
from tests.support.harness import Replica, start_replica
from tests.support.processes import stop
from tests.support.s3server import S3Server, archive_settings, bucket_objects

pytestmark = pytest.mark.crawl


@pytest.fixture(scope="module")
def media_replica() -> Iterator[Replica]:
    server = start_replica(media=True)
    yield server
    stop(server.process)


@pytest.fixture
def replica(media_replica: Replica) -> Iterator[Replica]:
    media_replica.control("reset")
    yield media_replica
    media_replica.control("reset")


async def _crawl(tmp_path: Path, replica: Replica, *args: str, **settings: str) -> CrawlResult:
    host = urlsplit(replica.url).hostname or ""
    return await crawl(
        tmp_path,
        f"start_urls={replica.listing_urls()}",
        *args,
        settings={"MEDIA_ENABLED": "True", "MEDIA_HOSTS": host, **settings},
    )


def _records(archive: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in archive.glob("articles/**/article.json")]


def _entries(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(URL, file, missing) of each picture, thumbnail and attachment of a record."""
    for image in record["images"]:
        yield image["url"], image["file"], image["missing"]
    for video in record["videos"]:
        yield video["thumbnail_url"], video["thumbnail_file"], video["thumbnail_missing"]
    for attachment in record["attachments"]:
        yield attachment["url"], attachment["file"], attachment["missing"]


def _media_fetched(replica: Replica) -> dict[str, int]:
    return {p: n for p, n in replica.control("fetched").items() if p.startswith("/mfa/")}


def _held(archive: Path) -> dict[str, bytes]:
    """The archive's files by name (their SHA-256)."""
    return {
        p.name: p.read_bytes()
        for p in (archive / "media").rglob("*")
        if p.is_file() and "urls" not in p.parts
    }


@pytest_twisted.ensureDeferred
async def test_every_picture_and_file_is_kept_once_and_not_fetched_again(
    tmp_path: Path, replica: Replica
) -> None:
    first = await _crawl(tmp_path, replica)
    assert first.returncode == 0, first.log[-3000:]
    archive = tmp_path / "archive"
    records = _records(archive)
    entries = [entry for record in records for entry in _entries(record)]
    urls = {url for url, _file, _missing in entries if url}
    assert len(records) >= 50 and len(urls) >= 100
    fetched = _media_fetched(replica)
    assert set(fetched) == {unquote(urlsplit(url).path) for url in urls}  # originals only
    assert set(fetched.values()) == {1}, {p: n for p, n in fetched.items() if n > 1}
    held = _held(archive)
    for url, file, missing in entries:
        assert file is not None and missing is None, (url, missing)
        body = held[file["sha256"]]  # kept by content, whole
        assert hashlib.sha256(body).hexdigest() == file["sha256"] == file["sha256"]
        assert file["size"] == len(body) and file["content_type"]
    assert len(held) == len({file["sha256"] for _u, file, _m in entries if file})
    shared = [f for _u, f, _m in entries if _u and _u.endswith("/statement-form.pdf")]
    assert len(shared) == len(records) and len({f["sha256"] for f in shared if f}) == 1
    emblem = [i["file"] for r in records for i in r["images"] if "/shared0000/" in i["url"]]
    assert len(emblem) >= 2 and len({f["sha256"] for f in emblem}) == 1  # one picture, once
    sizes = [len(body) for body in held.values() if body.startswith(b"\xff\xd8")]
    assert min(sizes) >= 40_000 and max(sizes) <= 160_000  # originals, not thumbnails
    assert first.summary["per_site"]  # the run is healthy and counted as any other

    indexed = "".join(p.read_text("utf-8") for p in (archive / "warc").glob("*.cdxj"))
    assert all(path in unquote(indexed) for path in fetched)  # each file in the WARC files

    again = await _crawl(tmp_path, replica, "mode=full")  # every article fetched again
    assert again.returncode == 0, again.log[-3000:]
    assert _media_fetched(replica) == fetched  # no file fetched a second time

    (archive / ".state" / "dedup.sqlite3").unlink()  # a lost state: rebuilt from the archive
    for leftover in (archive / ".state").glob("dedup.sqlite3-*"):
        leftover.unlink()
    rebuilt = await _crawl(tmp_path, replica, "mode=full")
    assert rebuilt.returncode == 0, rebuilt.log[-3000:]
    assert _media_fetched(replica) == fetched  # the files it holds are known again

    verified = run_command("verify", ARCHIVE_URI=str(archive))
    assert verified.status == 0, verified.out
    assert f"media: {len(held)} files" in verified.out

    out = tmp_path / "out"  # the export carries the pointers; its card counts the files
    exported = run_command("export", str(out), "--format", "jsonl", ARCHIVE_URI=str(archive))
    assert exported.status == 0, exported.err
    rows = [json.loads(line) for line in (out / "latest.jsonl").read_text("utf-8").splitlines()]
    pointed = {e["file"]["sha256"] for row in rows for e in row["images"] + row["attachments"]}
    assert pointed <= set(held)
    megabytes = sum(len(body) for body in held.values()) / 1024 / 1024
    card = (out / "README.md").read_text("utf-8")
    assert f"{len(held)} files ({megabytes:.1f} MB)" in card

    shown = tmp_path / "report"  # the report shows the pictures from the archive's copies
    assert run_command("report", str(shown), ARCHIVE_URI=str(archive)).status == 0
    pages = "".join(p.read_text("utf-8") for p in shown.glob("*/*.html"))
    sources = set(re.findall(r'<img src="\.\./(media/[0-9a-f]{2}/[0-9a-f]{64}\.jpg)"', pages))
    pictures = {i["file"]["sha256"] for record in records for i in record["images"]}
    assert {Path(source).stem for source in sources} == pictures and pictures
    for source in sources:
        assert (shown / source).read_bytes() == held[Path(source).stem]
    assert 'attachment: <a href="../media/' in pages


@pytest_twisted.ensureDeferred
async def test_a_picture_taken_down_stays_and_a_damaged_file_is_found(
    tmp_path: Path, replica: Replica
) -> None:
    first = await _crawl(tmp_path, replica)
    assert first.returncode == 0, first.log[-3000:]
    archive = tmp_path / "archive"
    record = next(r for r in _records(archive) if r["images"])
    picture = record["images"][0]
    replica.control("unmedia", path=unquote(urlsplit(picture["url"]).path))
    replica.control("bump", path=unquote(urlsplit(record["url"]).path))  # a new version
    again = await _crawl(tmp_path, replica, "mode=full")
    assert again.returncode == 0, again.log[-3000:]
    versions = [r for r in _records(archive) if r["canonical_url"] == record["canonical_url"]]
    assert len(versions) == 2
    newest = max(versions, key=lambda r: r["fetched_at"])
    assert newest["images"][0]["file"] == picture["file"]  # kept: its URL is known
    path = archive / "media" / picture["file"]["sha256"][:2] / picture["file"]["sha256"]
    assert path.read_bytes()  # still in the archive, though the site took it down

    path.write_bytes(path.read_bytes()[:-10])  # damaged
    verified = run_command("verify", ARCHIVE_URI=str(archive))
    assert verified.status == 1
    assert f"media/{picture['file']['sha256'][:2]}/{picture['file']['sha256']}" in verified.out
    assert "damaged" in verified.out
    assert list((archive / MEDIA_URLS).rglob("*.json"))  # each URL's entry kept


@pytest_twisted.ensureDeferred
async def test_capped_crawls_say_why_per_file_and_the_next_run_fetches_the_rest(
    tmp_path: Path, replica: Replica
) -> None:
    first = await _crawl(tmp_path, replica, MEDIA_MAX_PER_CRAWL="5", MEDIA_MAX_PER_ARTICLE="2")
    assert first.returncode == 0, first.log[-3000:]
    archive = tmp_path / "archive"
    entries = [e for record in _records(archive) for e in _entries(record)]
    reasons = {missing.split(" (")[0] for _url, _file, missing in entries if missing}
    assert reasons == {"not fetched yet", "over the cap of files per article"}
    assert len(_held(archive)) == 5 and len(_media_fetched(replica)) == 5
    assert any("MEDIA_MAX_PER_CRAWL" in (m or "") for _u, _f, m in entries)
    left = [
        r
        for r in _records(archive)
        if any((m or "").startswith("not fetched yet") for _u, _f, m in _entries(r))
    ]

    # an article with a file left for later is due again at once, without validators
    later = await _crawl(tmp_path, replica, "mode=incremental", MEDIA_MAX_PER_ARTICLE="2")
    assert later.returncode == 0, later.log[-3000:]
    assert len(_held(archive)) > 5
    assert set(_media_fetched(replica).values()) == {1}
    assert later.summary["revisits"]["due"] == len(left)  # those with a file left, at once

    # the records stored first still say "not fetched yet"; the export names the files the
    # archive holds now (media/urls/), and only those it still lacks stay missing
    out = tmp_path / "out"
    exported = run_command("export", str(out), "--format", "jsonl", ARCHIVE_URI=str(archive))
    assert exported.status == 0, exported.err
    rows = [json.loads(line) for line in (out / "latest.jsonl").read_text("utf-8").splitlines()]
    urls = {p.name for p in (archive / MEDIA_URLS).rglob("*.json")}
    late = 0
    for record, row in zip(
        sorted(_records(archive), key=lambda r: r["canonical_url"]),
        sorted(rows, key=lambda r: r["canonical_url"]),
        strict=False,
    ):
        for (url, _f, missing), (_u, file, now) in zip(
            _entries(record), _entries(row), strict=True
        ):
            entry = f"{hashlib.sha256(url.encode()).hexdigest()}.json"
            if missing and missing.startswith("not fetched yet") and entry in urls:
                assert file is not None and now is None  # fetched later: held
                late += 1
    assert late > 0


@pytest_twisted.ensureDeferred
async def test_capture_off_fetches_nothing_and_records_say_nothing(
    tmp_path: Path, replica: Replica
) -> None:
    result = await _crawl(tmp_path, replica, MEDIA_ENABLED="False")
    assert result.returncode == 0, result.log[-3000:]
    assert _media_fetched(replica) == {}
    entries = [e for record in _records(tmp_path / "archive") for e in _entries(record)]
    assert entries and all(file is None and missing is None for _u, file, missing in entries)


@pytest.mark.s3
@pytest_twisted.ensureDeferred
async def test_the_s3_archive_holds_the_same_files_as_the_local_one(
    tmp_path: Path, replica: Replica, s3_server: S3Server
) -> None:
    local = await _crawl(tmp_path / "local", replica)
    replica.control("reset")
    bucket = s3_server.new_bucket()
    remote = await _crawl(tmp_path / "s3", replica, **archive_settings(bucket, tmp_path / "s3"))
    assert local.returncode == 0 and remote.returncode == 0, remote.log[-3000:]
    in_bucket = {k: v for k, v in bucket_objects(bucket).items() if k.startswith("media/")}
    files = {k.rsplit("/", 1)[-1]: v for k, v in in_bucket.items() if "/urls/" not in k}
    assert files == _held(tmp_path / "local" / "archive") and len(files) >= 100
    entries = [k for k in in_bucket if k.startswith(MEDIA_URLS)]
    assert len(entries) == len(list((tmp_path / "local" / "archive" / MEDIA_URLS).rglob("*.json")))


@pytest_twisted.ensureDeferred
async def test_a_refused_file_is_final_and_a_failing_one_is_given_up_after_three_runs(
    tmp_path: Path, replica: Replica
) -> None:
    form, emblem = "/mfa/0/shared0000/statement-form.pdf", "/mfa/0/shared0000/1.jpg"
    replica.control("unmedia", path=form)  # 404: gone for good
    replica.control("unmedia", path=emblem, status="503")  # a server that keeps failing
    first = await _crawl(tmp_path, replica)
    assert first.returncode == 0, first.log[-3000:]  # no article lost for a file
    archive = tmp_path / "archive"
    entries = [e for record in _records(archive) for e in _entries(record)]
    assert {m for u, _f, m in entries if u.endswith(form)} == {"404"}
    assert {m for u, _f, m in entries if u.endswith(emblem)} == {"not fetched yet (HTTP 503)"}
    fetched = _media_fetched(replica)
    assert fetched[form] == 1  # one request for every article showing it
    assert fetched[emblem] == 1  # one request (no retry within a run: the next runs ask)
    showing = sum(
        1
        for record in _records(archive)
        if any(u.endswith(emblem) for u, _f, _m in _entries(record))
    )
    counts, due = [fetched[emblem]], []
    for _run in range(4):  # the articles showing it are due again at once, three runs long
        later = await _crawl(tmp_path, replica)
        assert later.returncode == 0, later.log[-3000:]
        due.append(later.summary["revisits"]["due"])
        counts.append(_media_fetched(replica)[emblem])
    assert due[:3] == [showing] * 3  # then given up: not due for it any more
    assert due[3] == 0
    assert counts == [1, 2, 3, 3, 3]  # asked by three runs (MEDIA_MAX_ATTEMPTS), then not
    assert _media_fetched(replica)[form] == 1  # a 404 is never asked again
