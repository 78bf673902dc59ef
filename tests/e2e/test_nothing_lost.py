"""No page is lost in silence: pipeline failures, pasted line separators, lost parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import pytest_twisted

from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl
SAMPLE_PATH = "/th/content/aseancanada2020"
PIPELINES = {
    "crawler.pipelines.validate.ValidatePipeline": 100,
    "crawler.pipelines.dedup.DedupPipeline": 200,
    "tests.e2e.failing_pipeline.FailingPipeline": 250,
    "crawler.pipelines.store.StorePipeline": 300,
}


def _reasons(archive: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text("utf-8")) for p in archive.glob("quarantine/**/reasons.json")]


@pytest_twisted.ensureDeferred
async def test_an_item_a_pipeline_fails_on_is_quarantined_counted_and_fails_the_run(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    settings = {"ITEM_PIPELINES": json.dumps(PIPELINES), "FAIL_ITEM_URL": "aseancanada2020"}
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=settings)
    assert result.returncode == 1
    assert result.summary["healthy"] is False
    assert any("failed in an item pipeline" in p for p in result.summary["problems"])
    assert result.totals["pipeline errors"] == 1
    [error] = result.summary["item_errors"]
    assert SAMPLE_PATH in error["url"] and "RuntimeError: injected failure" in error["reason"]
    assert "pipeline error:" in result.log and "Run summary: FAILED" in result.log
    quarantined = [r for r in _reasons(tmp_path / "archive") if SAMPLE_PATH in str(r["url"])]
    assert len(quarantined) == 1
    findings = quarantined[0]["findings"]
    assert isinstance(findings, list) and "injected failure" in findings[-1]["reason"]
    assert result.totals["new"] == 57  # every other article archived


@pytest_twisted.ensureDeferred
async def test_a_pasted_line_separator_is_a_line_break_and_the_article_is_archived(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    fresh_replica.control("break", path=SAMPLE_PATH, mode="linesep")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["new"] == 58 and result.totals["quarantined"] == 1
    [record] = (tmp_path / "archive").glob("articles/*/th/content/aseancanada2020/*/article.json")
    body = json.loads(record.read_text("utf-8"))["body"]
    assert len(body) == 10 and not any("\u2028" in line for line in body)


@pytest_twisted.ensureDeferred
async def test_a_gallery_heading_without_pictures_is_a_warning_in_the_summary(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    fresh_replica.control("break", path=SAMPLE_PATH, mode="emptygallery")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    [incomplete] = result.summary["incomplete"]
    assert SAMPLE_PATH in incomplete["url"] and "gallery heading" in incomplete["reason"]
    assert result.summary["warnings"]["images"] == 1
    assert "incomplete:" in result.log
