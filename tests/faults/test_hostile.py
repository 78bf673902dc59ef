"""Hostile input: refused or contained with a clear log line; no key escapes the archive
root; two spellings of one URL are one article.  All traffic stays on 127.0.0.1: other
loopback addresses (127.0.0.2) stand for foreign hosts, and link-local targets are
refused before any connection."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_twisted

from schemas import ArchivedArticle
from tests.faults.conftest import audit_local
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = [pytest.mark.faults, pytest.mark.crawl]
ARTICLES = 58
SETTINGS = {"RETRY_TIMES": "0", "HEALTH_MIN_COUNT": "100"}


def _records(archive: Path) -> list[ArchivedArticle]:
    return [
        ArchivedArticle.model_validate_json(p.read_bytes()) for p in archive.rglob("article.json")
    ]


@pytest_twisted.ensureDeferred
async def test_hostile_slugs_stay_inside_the_archive(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    added = fresh_replica.control("hostile")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert result.returncode == 0, result.log[-3000:]
    archive = (tmp_path / "archive").resolve()
    for path in archive.rglob("*"):
        assert path.resolve().is_relative_to(archive), path
        assert "\x00" not in str(path) and "\u202e" not in str(path) and "\u200b" not in str(path)
        assert len(path.name.encode()) <= 255
    records = _records(archive)
    titles = [r.title or "" for r in records]
    for name in ("encoded dot-dot", "NUL", "long", "bidi and zero-width"):
        assert sum(name in t for t in titles) == 1, name  # archived, once, under a safe key
    assert sum("(Thai)" in t for t in titles) == 1  # NFC and NFD spellings: one article
    assert not any("raw dot-dot" in t or "other host" in t for t in titles)  # not followed
    nfd = unicodedata.normalize("NFD", "ข่าวที่มีสระและวรรณยุกต์ซ้อน")
    assert all(nfd not in r.canonical_url for r in records)
    final = audit_local(archive)
    assert final.errors == [] and final.duplicates == 0
    record_fault(
        "hostile slugs (../, %2F, NUL, long, bidi, zero-width, NFC/NFD)",
        len(added),
        ARTICLES + 5,
        final.articles,
        len(final.errors),
    )
    assert final.articles == ARTICLES + 5


@pytest.mark.parametrize(
    ("target", "label"),
    [
        ("http://127.0.0.2:{port}/th/content/elsewhere", "redirect to another host"),
        ("http://169.254.169.254/latest/meta-data/", "redirect to a link-local address"),
        ("http://10.0.0.1/admin", "redirect to a private address"),
    ],
)
@pytest_twisted.ensureDeferred
async def test_redirects_off_the_site_are_refused(
    tmp_path: Path,
    fresh_replica: Replica,
    record_fault: Callable[..., None],
    target: str,
    label: str,
) -> None:
    path = "/en/content/55pmc-2"
    port = fresh_replica.url.rsplit(":", 1)[1]
    fresh_replica.control("fault", path=path, kind="redirect", to=target.format(port=port))
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert result.returncode == 0
    refused = [line for line in result.log.splitlines() if "refused" in line and path in line]
    assert refused, result.log[-3000:]
    final = audit_local(tmp_path / "archive")
    record_fault(f"{label}: refused", 1, ARTICLES - 1, final.articles, len(final.errors))
    assert final.articles == ARTICLES - 1 and final.errors == []


@pytest.mark.parametrize(
    ("kind", "label", "expected_log"),
    [
        ("huge", "a 200 MB body (Content-Length)", "larger than download max size"),
        ("stream", "a 20 MB body without a length", "larger than download max size"),
        ("gzipbomb", "a gzip bomb (1 GB of zeros)", "exceeded DOWNLOAD_MAXSIZE"),
    ],
)
@pytest_twisted.ensureDeferred
async def test_oversized_bodies_are_refused(
    tmp_path: Path,
    fresh_replica: Replica,
    record_fault: Callable[..., None],
    kind: str,
    label: str,
    expected_log: str,
) -> None:
    path = "/th/content/presscon100265"
    fresh_replica.control("fault", path=path, kind=kind, times="5")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert expected_log in result.log, result.log[-3000:]
    assert "Traceback" not in result.log
    final = audit_local(tmp_path / "archive")
    record_fault(f"{label}: refused", 1, ARTICLES - 1, final.articles, len(final.errors))
    assert final.articles == ARTICLES - 1 and final.errors == []


@pytest.mark.parametrize(
    ("kind", "label"),
    [("tis620", "TIS-620 page declared as UTF-8"), ("badutf8", "invalid UTF-8 bytes")],
)
@pytest_twisted.ensureDeferred
async def test_wrong_or_broken_charsets_keep_the_thai_text(
    tmp_path: Path,
    fresh_replica: Replica,
    record_fault: Callable[..., None],
    kind: str,
    label: str,
) -> None:
    path = "/th/content/aseancanada2020"
    fresh_replica.control("fault", path=path, kind=kind)
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert result.returncode == 0
    [record] = [r for r in _records(tmp_path / "archive") if "aseancanada2020" in r.url]
    assert record.title is not None and record.title.startswith("ผู้ช่วยรัฐมนตรี")
    assert record.body[0].startswith("ผู้ช่วยรัฐมนตรีประจำกระทรวงการต่างประเทศ")
    [warning] = [w for w in record.warnings if w.field == "body"]
    expected = "read as cp874" if kind == "tis620" else "shown as U+FFFD"
    assert expected in warning.reason
    final = audit_local(tmp_path / "archive")
    record_fault(
        f"{label}: archived with a warning", 1, ARTICLES, final.articles, len(final.errors)
    )
    assert final.articles == ARTICLES


@pytest_twisted.ensureDeferred
async def test_a_listing_with_100000_links_is_contained(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    listing = "/th/page/ข่าวเด่น"
    fresh_replica.control("fault", path=listing, kind="manylinks", seconds="100000")
    result = await crawl(
        tmp_path, f"start_urls={fresh_replica.url}{listing}", "max_pages=1", settings=SETTINGS
    )
    assert "shows more than 500 article links; reading the first 500" in result.log
    assert result.summary["requests"] < 100  # the links are a few articles, each fetched once
    served = {page["href"].split("?")[0] for page in fresh_replica.pages()}
    listed = {href for href in served if href.startswith("/th/") and href.isascii()}
    listed = {href for href in listed if "%" not in href}  # the links the fault repeats
    final = audit_local(tmp_path / "archive")
    assert final.errors == [] and final.duplicates == 0
    record_fault(
        "a listing page with 100,000 links: first 500 read",
        1,
        len(listed),
        final.articles + result.totals["quarantined"],
        len(final.errors),
    )
    assert final.articles + result.totals["quarantined"] == len(listed)
