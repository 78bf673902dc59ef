"""``-s WARC_ENABLED=True``: a crawl of the replica leaves WARC files in the archive that
an archivist's tools take as they are: warcio reads them back, each archived version
points to the record it was read from, ``wacz`` packages them into a valid WACZ, and
pywb, given the files and the crawler's own CDXJ indexes, replays every archived page
as archived."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from warcio.archiveiterator import ArchiveIterator
from warcio.timeutils import iso_date_to_timestamp

from schemas import ArchivedArticle, WarcRecordRef
from tests.e2e.conftest import ARTICLES
from tests.support.crawling import crawl
from tests.support.harness import Replica
from tests.support.replaytools import Pywb, run_tool

pytestmark = [pytest.mark.process, pytest.mark.crawl]


@pytest_twisted.async_fixture(scope="module")
async def crawled(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive of one crawl of the replica with WARC output on."""
    replica.control("reset")
    workdir = tmp_path_factory.mktemp("warc-crawl")
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(workdir / "warc-here")}
    result = await crawl(workdir, f"start_urls={replica.listing_urls()}", settings=settings)
    assert result.returncode == 0, result.log[-3000:]
    assert not list((workdir / "warc-here").iterdir())  # all published
    return workdir / "archive"


def latest_versions(archive: Path) -> Iterator[tuple[ArchivedArticle, bytes]]:
    for latest in sorted(archive.glob("articles/**/latest.json")):
        version = archive / json.loads(latest.read_text("utf-8"))["version"]
        record = ArchivedArticle.model_validate_json((version / "article.json").read_bytes())
        yield record, (version / "page.html").read_bytes()


def test_every_archived_page_is_in_the_warc_files_as_received(crawled: Path) -> None:
    files = sorted((crawled / "warc").glob("*.warc.gz"))
    assert files
    payloads: dict[str, bytes] = {}
    kinds: list[str] = []
    for path in files:
        with path.open("rb") as file:
            for record in ArchiveIterator(file):
                kinds.append(record.rec_type)
                if record.rec_type == "response":
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    payloads[uri] = record.content_stream().read()
    assert kinds[0] == "warcinfo"
    assert kinds.count("request") == kinds.count("response") + kinds.count("revisit")
    pages = 0
    for article, html in latest_versions(crawled):
        assert payloads[article.url] == html
        pages += 1
    assert pages == ARTICLES


def test_each_version_points_to_its_record_and_the_index_agrees(crawled: Path) -> None:
    indexed: dict[tuple[str, int], dict[str, str]] = {}
    for path in (crawled / "warc").glob("*.cdxj"):
        for line in path.read_text("utf-8").splitlines():
            entry = json.loads(line.split(" ", 2)[2])
            indexed[(entry["filename"], int(entry["offset"]))] = entry
    assert {name for name, _offset in indexed} == {
        path.name for path in (crawled / "warc").glob("*.warc.gz")
    }  # an index per file, naming only its own file
    for article, html in latest_versions(crawled):
        where = article.warc_record
        assert where is not None, article.url
        data = (crawled / where.file).read_bytes()[where.offset : where.offset + where.length]
        [record] = [  # the bytes are one whole record
            (
                r.rec_headers.get_header("WARC-Record-ID"),
                r.rec_headers.get_header("WARC-Target-URI"),
                r.content_stream().read(),
            )
            for r in ArchiveIterator(BytesIO(data))
        ]
        assert record == (where.record_id, article.url, html)
        entry = indexed[(where.file.removeprefix("warc/"), where.offset)]
        assert entry["url"] == article.url and int(entry["length"]) == where.length


def test_a_quarantined_page_points_to_what_the_server_sent(crawled: Path) -> None:
    [reasons_file] = crawled.glob("quarantine/**/reasons.json")
    reasons = json.loads(reasons_file.read_text("utf-8"))
    where = WarcRecordRef.model_validate(reasons["warc_record"])
    data = (crawled / where.file).read_bytes()[where.offset : where.offset + where.length]
    [(uri, payload)] = [
        (r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
        for r in ArchiveIterator(BytesIO(data))
    ]
    assert uri == reasons["url"]
    assert payload == (reasons_file.parent / "page.html").read_bytes()


def test_the_warc_files_package_into_a_valid_wacz(crawled: Path, tmp_path: Path) -> None:
    files = sorted(str(path) for path in (crawled / "warc").glob("*.warc.gz"))
    made = run_tool("wacz", "create", "-o", "archive.wacz", *files, cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    checked = run_tool("wacz", "validate", "-f", "archive.wacz", cwd=tmp_path)
    assert checked.returncode == 0 and "is valid" in checked.stdout, checked.stdout
    with zipfile.ZipFile(tmp_path / "archive.wacz") as package:
        names = set(package.namelist())
        for path in files:  # the files go in byte for byte
            assert package.read(f"archive/{Path(path).name}") == Path(path).read_bytes()
    assert {"datapackage.json", "indexes/index.cdx.gz"} <= names


def test_pywb_replays_every_archived_page_as_archived(crawled: Path, tmp_path: Path) -> None:
    pywb = Pywb(tmp_path / "pywb")
    pywb.start(crawled / "warc")
    try:
        replayed = 0
        for article, html in latest_versions(crawled):
            assert article.warc_record is not None
            data = (crawled / article.warc_record.file).read_bytes()
            offset = article.warc_record.offset
            record = next(iter(ArchiveIterator(BytesIO(data[offset:]))))
            when = iso_date_to_timestamp(record.rec_headers.get_header("WARC-Date"))
            status, body = pywb.replay(when, article.url)
            assert (status, body) == (200, html), article.url
            replayed += 1
        assert replayed == ARTICLES
        status, _body = pywb.replay("20261203000000", "https://www.mfa.go.th/never/fetched")
        assert status == 404  # replays the archive, nothing else
    finally:
        pywb.stop()


def _records(paths: list[Path]) -> Iterator[tuple[Path, Any]]:
    for path in paths:
        with path.open("rb") as file:
            for record in ArchiveIterator(file):
                if record.rec_type in ("response", "revisit"):
                    yield path, record


@pytest_twisted.ensureDeferred
async def test_a_full_recrawl_of_an_unchanged_site_writes_revisits_of_the_first_crawl(
    replica: Replica, tmp_path: Path
) -> None:
    """Deduplication across crawls: an unchanged page fetched again is a revisit record
    naming the earlier crawl's capture (its WARC file holds no response record at all),
    and pywb replays the page from the collection at the revisit's time."""
    replica.control("reset")
    start = f"start_urls={replica.listing_urls()}"
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(tmp_path / "warc-here")}
    assert (await crawl(tmp_path, start, settings=settings)).returncode == 0
    warc = tmp_path / "archive" / "warc"
    first = sorted(warc.glob("*.warc.gz"))
    again = await crawl(tmp_path, start, "mode=full", settings=settings)
    assert again.returncode == 0, again.log[-3000:]
    second = sorted(set(warc.glob("*.warc.gz")) - set(first))
    assert second
    kinds = Counter(record.rec_type for _path, record in _records(second))
    assert kinds["response"] == 0 and kinds["revisit"] > ARTICLES, kinds
    checked = subprocess.run(
        [str(Path(sys.executable).with_name("warcio")), "check", *map(str, second)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr  # digests and all
    first_bytes = sum(p.stat().st_size for p in first)
    second_bytes = sum(p.stat().st_size for p in second)
    assert second_bytes < first_bytes / 2, (first_bytes, second_bytes)  # headers only

    earlier = {
        record.rec_headers.get_header("WARC-Target-URI"): record.rec_headers.get_header("WARC-Date")
        for _path, record in _records(first)
        if record.rec_type == "response"
    }
    revisits = [
        record
        for _path, record in _records(second)
        if record.rec_headers.get_header("WARC-Refers-To-Date")
        and "/content/" in record.rec_headers.get_header("WARC-Target-URI")
    ]
    assert revisits
    for record in revisits:  # each names the first crawl's capture of its URL
        url = record.rec_headers.get_header("WARC-Target-URI")
        assert record.rec_headers.get_header("WARC-Refers-To-Date") == earlier[url]
    article, html = next(latest_versions(tmp_path / "archive"))
    [revisit] = [r for r in revisits if r.rec_headers.get_header("WARC-Target-URI") == article.url]
    pywb = Pywb(tmp_path / "pywb")
    pywb.start(warc)
    try:
        when = iso_date_to_timestamp(revisit.rec_headers.get_header("WARC-Date"))
        assert pywb.replay(when, article.url) == (200, html)
    finally:
        pywb.stop()
