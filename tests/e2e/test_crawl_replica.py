"""The crawl on the replica: a trustworthy archive, then only what changed.

One first crawl per module; every scenario copies its archive and crawls again, so the
scenarios are independent of each other and of their order.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import pytest_twisted

from crawler.storage.layout import article_prefix
from crawler.urls import canonical_url
from schemas import ArchivedArticle, parse
from tests.conftest import CORPUS, SAMPLE
from tests.crawling import CrawlResult, crawl
from tests.e2e.harness import Replica

pytestmark = pytest.mark.crawl
CORPUS_PAGES = 58
NOT_ARTICLES = {"043.txt"}  # shows a view count but no date: quarantined
SAMPLE_HREF = "/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
TODAY = date(2026, 11, 26)


def _prefix(replica: Replica, href: str) -> str:
    return article_prefix(canonical_url(replica.url + href))


def _versions(archive: Path, replica: Replica, href: str) -> list[Path]:
    return sorted((archive / _prefix(replica, href)).glob("*/article.json"))


def _latest(archive: Path, replica: Replica, href: str) -> ArchivedArticle:
    pointer = json.loads((archive / _prefix(replica, href) / "latest.json").read_text("utf-8"))
    record = archive / pointer["version"] / "article.json"
    return ArchivedArticle.model_validate_json(record.read_bytes())


def _corpus_pages() -> Iterator[tuple[str, str, str]]:
    for path in sorted(CORPUS.glob("*.txt")):
        url_line, _sep, text = path.read_text(encoding="utf-8").split("\n", 2)
        url = url_line.removeprefix("URL: ")
        href = url[url.index("/", len("https://")) :]
        yield path.name, href, text


@pytest_twisted.async_fixture(scope="module")
async def first(
    replica: Replica, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CrawlResult]:
    replica.control("reset")
    workdir = tmp_path_factory.mktemp("first-crawl")
    result = await crawl(workdir, f"start_urls={replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    return workdir, result


@pytest.fixture
def again(first: tuple[Path, CrawlResult], tmp_path: Path, fresh_replica: Replica) -> Path:
    """A copy of the first crawl's work directory (archive and state) to crawl again."""
    shutil.copytree(first[0] / "archive", tmp_path / "archive")
    return tmp_path


def test_first_crawl_summary(first: tuple[Path, CrawlResult]) -> None:
    _workdir, result = first
    assert result.totals["new"] == CORPUS_PAGES + 1 - len(NOT_ARTICLES)
    assert result.totals["quarantined"] == len(NOT_ARTICLES)
    assert result.summary["healthy"] is True
    assert "Run summary: OK" in result.log
    assert "Traceback" not in result.log


def test_the_sample_is_archived_byte_for_byte(
    first: tuple[Path, CrawlResult], replica: Replica
) -> None:
    archive = first[0] / "archive"
    [record] = _versions(archive, replica, SAMPLE_HREF)
    assert (record.parent / "article.txt").read_bytes() == SAMPLE.read_bytes()
    article = ArchivedArticle.model_validate_json(record.read_bytes())
    assert article.url == replica.url + SAMPLE_HREF
    assert article.canonical_url == replica.url + "/th/content/aseancanada2020"
    assert (article.language, article.category) == ("th", "ข่าวเด่น")
    assert article.version_reason == "first"
    assert (record.parent / "page.html").read_bytes() == replica.get(SAMPLE_HREF)


@pytest.mark.parametrize(("name", "href", "text"), list(_corpus_pages()), ids=lambda v: str(v)[:7])
def test_every_corpus_page_is_archived_right(
    first: tuple[Path, CrawlResult], replica: Replica, name: str, href: str, text: str
) -> None:
    archive = first[0] / "archive"
    if name in NOT_ARTICLES:
        assert _versions(archive, replica, href) == []
        quarantined = list((archive / "quarantine").rglob("reasons.json"))
        reasons = [json.loads(p.read_text("utf-8")) for p in quarantined]
        assert any(
            r["url"].endswith(href) and "no date" in r["findings"][0]["reason"] for r in reasons
        )
        return
    expected = parse(text, today=TODAY)
    article = _latest(archive, replica, href)
    assert article.title == expected.title
    assert (article.imported_date, article.imported_date_raw) == (
        expected.imported_date,
        expected.imported_date_raw,
    )
    assert (article.updated_date, article.updated_date_raw) == (
        expected.updated_date,
        expected.updated_date_raw,
    )
    assert article.view_count == expected.view_count
    assert article.body == expected.body
    # pictures the layout put between the paragraphs have no caption, nor a place in the text
    gallery = [i for i in article.images if "/editor/inline-" not in (i.url or "")]
    assert [i.caption for i in gallery] == [i.caption for i in expected.images]
    assert all(i.url and i.url.startswith("https://image.mfa.go.th/") for i in article.images)
    assert {w.field for w in article.warnings} == {w.field for w in expected.warnings}


def _article_files(archive: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (archive / "articles").rglob("*") if p.is_file()}


@pytest_twisted.ensureDeferred
async def test_a_second_crawl_of_the_unchanged_replica_stores_nothing(
    again: Path, replica: Replica
) -> None:
    before = _article_files(again / "archive")
    result = await crawl(again, f"start_urls={replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    assert result.summary["mode"] == "incremental"
    assert result.totals["new"] == 0 and result.totals["updated"] == 0
    assert _article_files(again / "archive") == before


@pytest_twisted.ensureDeferred
async def test_a_full_run_of_the_unchanged_replica_finds_everything_unchanged(
    again: Path, replica: Replica
) -> None:
    before = _article_files(again / "archive")
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.summary["mode"] == "full"
    assert result.totals["new"] == 0 and result.totals["updated"] == 0
    assert result.totals["unchanged"] == CORPUS_PAGES + 1 - len(NOT_ARTICLES)
    assert _article_files(again / "archive") == before


@pytest_twisted.ensureDeferred
async def test_bumping_three_update_dates_stores_exactly_three_versions(
    again: Path, replica: Replica
) -> None:
    hrefs = [href for name, href, _ in _corpus_pages() if name in {"001.txt", "029.txt", "057.txt"}]
    old = {href: _versions(again / "archive", replica, href) for href in hrefs}
    old_bytes = {path: path.read_bytes() for paths in old.values() for path in paths}
    for href in hrefs:
        replica.control("bump", path=href.split("?")[0])
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["updated"] == 3
    assert result.totals["new"] == 0 and result.totals["silently edited"] == 0
    for href in hrefs:
        versions = _versions(again / "archive", replica, href)
        assert len(versions) == 2
        latest = _latest(again / "archive", replica, href)
        assert latest.version_reason == "updated"
        previous = ArchivedArticle.model_validate_json(old[href][0].read_bytes()).updated_date
        assert previous is not None and latest.updated_date is not None
        assert previous < latest.updated_date
    assert all(path.read_bytes() == data for path, data in old_bytes.items())  # old kept


@pytest_twisted.ensureDeferred
async def test_a_silent_edit_is_stored_and_flagged(again: Path, replica: Replica) -> None:
    replica.control("edit", path=SAMPLE_HREF.split("?")[0])
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.returncode == 0
    assert result.totals["silently edited"] == 1
    assert "silent edit: " in result.log
    assert len(_versions(again / "archive", replica, SAMPLE_HREF)) == 2
    latest = _latest(again / "archive", replica, SAMPLE_HREF)
    assert latest.version_reason == "silent_edit"
    assert latest.body[-1] == "แก้ไขเพิ่มเติม"


@pytest_twisted.ensureDeferred
async def test_an_error_page_lands_in_quarantine_with_its_reason(
    again: Path, replica: Replica
) -> None:
    replica.control("break", path=SAMPLE_HREF.split("?")[0], mode="error")
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.totals["quarantined"] == 2
    assert len(_versions(again / "archive", replica, SAMPLE_HREF)) == 1  # nothing new archived
    reasons = [
        json.loads(p.read_text("utf-8"))
        for p in (again / "archive" / "quarantine").rglob("reasons.json")
    ]
    mine = [r for r in reasons if "aseancanada2020" in r["url"]]
    assert mine and mine[0]["findings"][0]["field"] == "imported_date"
    assert "no date" in mine[0]["findings"][0]["reason"]
    html = next(
        p
        for p in (again / "archive" / "quarantine").rglob("page.html")
        if "aseancanada2020" in str(p)
    )
    assert "ไม่พบหน้าที่คุณต้องการ" in html.read_text("utf-8")


@pytest_twisted.ensureDeferred
async def test_a_missing_title_is_archived_with_a_warning(again: Path, replica: Replica) -> None:
    replica.control("break", path=SAMPLE_HREF.split("?")[0], mode="notitle")
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.returncode == 0 and result.totals["silently edited"] == 1
    latest = _latest(again / "archive", replica, SAMPLE_HREF)
    assert latest.title is None
    assert [w.field for w in latest.warnings] == ["title"]


@pytest_twisted.ensureDeferred
async def test_the_label_less_template_is_read_too(again: Path, replica: Replica) -> None:
    replica.control("template", path=SAMPLE_HREF.split("?")[0], name="bare")
    result = await crawl(again, f"start_urls={replica.url}{SAMPLE_HREF}")
    assert result.returncode == 0 and result.totals["changed"] == 1
    latest = _latest(again / "archive", replica, SAMPLE_HREF)
    assert latest.imported_date == date(2020, 9, 11) and latest.updated_date is None
    first_version = ArchivedArticle.model_validate_json(
        _versions(again / "archive", replica, SAMPLE_HREF)[0].read_bytes()
    )
    assert latest.body == first_version.body and latest.title == first_version.title


@pytest_twisted.ensureDeferred
async def test_max_pages_and_since_limit_the_listing(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    starts = f"start_urls={fresh_replica.listing_urls()}"
    full = await crawl(tmp_path / "all", starts)
    assert full.summary["listing_pages"] == 8  # each listing: 3 pages of cards, a 4th empty
    one_page = await crawl(tmp_path / "a", starts, "max_pages=1")
    assert one_page.summary["listing_pages"] == 2  # one per start point
    assert one_page.totals["new"] == 20
    recent = await crawl(tmp_path / "b", starts, "since=2025-01-01")
    assert recent.summary["listing_pages"] < full.summary["listing_pages"]
    archived = [
        ArchivedArticle.model_validate_json(p.read_bytes())
        for p in (tmp_path / "b" / "archive").rglob("article.json")
    ]
    assert archived and all(
        a.imported_date and a.imported_date >= date(2025, 1, 1) for a in archived
    )
    assert len(archived) < full.totals["new"]


@pytest_twisted.ensureDeferred
async def test_after_a_cut_short_first_crawl_the_default_run_walks_everything(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """An incremental run would stop at the first listing page, all known by then: the
    older articles would never be archived.  So until a walk completes, runs are full."""
    starts = f"start_urls={fresh_replica.listing_urls()}"
    cut = await crawl(tmp_path, starts, "mode=full", "max_pages=1")
    assert cut.totals["new"] == 20 and cut.summary["walk"] == "partial"
    second = await crawl(tmp_path, starts)
    assert second.summary["mode"] == "full" and second.summary["walk"] == "complete"
    assert cut.totals["new"] + second.totals["new"] == CORPUS_PAGES + 1 - len(NOT_ARTICLES)
    third = await crawl(tmp_path, starts)
    assert third.summary["mode"] == "incremental"


@pytest_twisted.ensureDeferred
async def test_a_page_back_to_an_earlier_version_moves_latest_back(
    again: Path, replica: Replica
) -> None:
    replica.control("edit", path=SAMPLE_HREF.split("?")[0])
    edited = await crawl(again, f"start_urls={replica.url}{SAMPLE_HREF}")
    assert edited.totals["silently edited"] == 1
    replica.control("reset")
    back = await crawl(again, f"start_urls={replica.url}{SAMPLE_HREF}")
    assert back.returncode == 0 and back.totals["reverted"] == 1
    assert len(_versions(again / "archive", replica, SAMPLE_HREF)) == 2  # no third copy
    assert _latest(again / "archive", replica, SAMPLE_HREF).version_reason == "first"


@pytest_twisted.ensureDeferred
async def test_a_state_that_outlived_its_archive_does_not_hide_articles(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    settings = {"DEDUP_STATE_PATH": str(tmp_path / "elsewhere" / "dedup.sqlite3")}
    start = f"start_urls={fresh_replica.listing_urls()}"
    await crawl(tmp_path, start, settings=settings)
    shutil.rmtree(tmp_path / "archive")
    result = await crawl(tmp_path, start, settings=settings)
    assert "the dedup state knows 58 versions but the archive holds none" in result.log
    assert result.totals["new"] == CORPUS_PAGES + 1 - len(NOT_ARTICLES)
    assert len(list((tmp_path / "archive").rglob("article.json"))) == result.totals["new"]
