"""Crawling the replica again: only what changed is stored, and every change is caught
(updates, silent edits, reverts, error pages, limits, a state that outlived its archive)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import pytest_twisted

from schemas import ArchivedArticle
from tests.e2e.conftest import (
    ARTICLES,
    SAMPLE_HREF,
    article_versions,
    corpus_pages,
    latest_record,
)
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl


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
    assert result.totals["unchanged"] == ARTICLES
    assert _article_files(again / "archive") == before


@pytest_twisted.ensureDeferred
async def test_bumping_three_update_dates_stores_exactly_three_versions(
    again: Path, replica: Replica
) -> None:
    hrefs = [href for name, href, _ in corpus_pages() if name in {"001.txt", "029.txt", "057.txt"}]
    old = {href: article_versions(again / "archive", replica, href) for href in hrefs}
    old_bytes = {path: path.read_bytes() for paths in old.values() for path in paths}
    for href in hrefs:
        replica.control("bump", path=href.split("?")[0])
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["updated"] == 3
    assert result.totals["new"] == 0 and result.totals["silently edited"] == 0
    for href in hrefs:
        versions = article_versions(again / "archive", replica, href)
        assert len(versions) == 2
        latest = latest_record(again / "archive", replica, href)
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
    assert len(article_versions(again / "archive", replica, SAMPLE_HREF)) == 2
    latest = latest_record(again / "archive", replica, SAMPLE_HREF)
    assert latest.version_reason == "silent_edit"
    assert latest.body[-1] == "แก้ไขเพิ่มเติม"


@pytest_twisted.ensureDeferred
async def test_an_error_page_lands_in_quarantine_with_its_reason(
    again: Path, replica: Replica
) -> None:
    replica.control("break", path=SAMPLE_HREF.split("?")[0], mode="error")
    result = await crawl(again, f"start_urls={replica.listing_urls()}", "mode=full")
    assert result.totals["quarantined"] == 2
    assert (
        len(article_versions(again / "archive", replica, SAMPLE_HREF)) == 1
    )  # nothing new archived
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
    latest = latest_record(again / "archive", replica, SAMPLE_HREF)
    assert latest.title is None
    assert [w.field for w in latest.warnings] == ["title"]


@pytest_twisted.ensureDeferred
async def test_the_label_less_template_is_read_too(again: Path, replica: Replica) -> None:
    replica.control("template", path=SAMPLE_HREF.split("?")[0], name="bare")
    result = await crawl(again, f"start_urls={replica.url}{SAMPLE_HREF}")
    assert result.returncode == 0 and result.totals["changed"] == 1
    latest = latest_record(again / "archive", replica, SAMPLE_HREF)
    assert latest.imported_date == date(2020, 9, 11) and latest.updated_date is None
    first_version = ArchivedArticle.model_validate_json(
        article_versions(again / "archive", replica, SAMPLE_HREF)[0].read_bytes()
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
    assert cut.totals["new"] + second.totals["new"] == ARTICLES
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
    assert len(article_versions(again / "archive", replica, SAMPLE_HREF)) == 2  # no third copy
    assert latest_record(again / "archive", replica, SAMPLE_HREF).version_reason == "first"


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
    assert result.totals["new"] == ARTICLES
    assert len(list((tmp_path / "archive").rglob("article.json"))) == result.totals["new"]
