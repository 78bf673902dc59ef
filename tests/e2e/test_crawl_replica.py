"""The first crawl of the replica: a trustworthy archive, the sample byte for byte, every
corpus page field for field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import ArchivedArticle, parse
from tests.conftest import SAMPLE
from tests.e2e.conftest import (
    ARTICLES,
    NOT_ARTICLES,
    SAMPLE_HREF,
    TODAY,
    article_versions,
    corpus_pages,
    latest_record,
)
from tests.support.crawling import CrawlResult
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl


def test_first_crawl_summary(first: tuple[Path, CrawlResult]) -> None:
    _workdir, result = first
    assert result.totals["new"] == ARTICLES
    assert result.totals["quarantined"] == len(NOT_ARTICLES)
    assert result.summary["healthy"] is True
    assert "Run summary: OK" in result.log
    assert "Traceback" not in result.log


def test_the_sample_is_archived_byte_for_byte(
    first: tuple[Path, CrawlResult], replica: Replica
) -> None:
    archive = first[0] / "archive"
    [record] = article_versions(archive, replica, SAMPLE_HREF)
    assert (record.parent / "article.txt").read_bytes() == SAMPLE.read_bytes()
    article = ArchivedArticle.model_validate_json(record.read_bytes())
    assert article.url == replica.url + SAMPLE_HREF
    assert article.canonical_url == replica.url + "/th/content/aseancanada2020"
    assert (article.language, article.category) == ("th", "ข่าวเด่น")
    assert article.version_reason == "first"
    assert (record.parent / "page.html").read_bytes() == replica.get(SAMPLE_HREF)


@pytest.mark.parametrize(("name", "href", "text"), list(corpus_pages()), ids=lambda v: str(v)[:7])
def test_every_corpus_page_is_archived_right(
    first: tuple[Path, CrawlResult], replica: Replica, name: str, href: str, text: str
) -> None:
    archive = first[0] / "archive"
    if name in NOT_ARTICLES:
        assert article_versions(archive, replica, href) == []
        quarantined = list((archive / "quarantine").rglob("reasons.json"))
        reasons = [json.loads(p.read_text("utf-8")) for p in quarantined]
        assert any(
            r["url"].endswith(href) and "no date" in r["findings"][0]["reason"] for r in reasons
        )
        return
    expected = parse(text, today=TODAY)
    article = latest_record(archive, replica, href)
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
