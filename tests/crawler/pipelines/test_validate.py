"""Validate: an article becomes the schema's record; anything else is marked for quarantine."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.items import FetchedPage
from crawler.pipelines.validate import ValidatePipeline
from schemas import Finding, RawArticle, content_sha256

URL = "https://www.mfa.go.th/th/content/x?cate=5d5bcb4e15e39c306000683d"


def _item(raw: RawArticle, error: str | None = None) -> FetchedPage:
    return FetchedPage(
        url=URL,
        canonical_url="https://www.mfa.go.th/th/content/x",
        site="www.mfa.go.th",
        language="th",
        category="ข่าวเด่น",
        fetched_at=datetime(2026, 11, 26, tzinfo=UTC),
        html=b"<html></html>",
        encoding="utf-8",
        raw=raw,
        extraction_error=error,
    )


def _pipeline() -> tuple[ValidatePipeline, MemoryStatsCollector]:
    stats = MemoryStatsCollector(get_crawler())
    return ValidatePipeline(stats), stats


def test_an_article_becomes_an_archived_record() -> None:
    pipeline, stats = _pipeline()
    raw = RawArticle(title="หัวข้อ", imported_date_raw="11 ก.ย. 2563", view_count=3, body=["ก"])
    item = pipeline.process_item(_item(raw))
    assert item.article is not None and item.errors == []
    assert item.article.canonical_url == "https://www.mfa.go.th/th/content/x"
    assert item.article.content_sha256 == content_sha256(item.article)
    assert [w.field for w in item.article.warnings] == ["updated_date"]
    assert stats.get_value("archive/articles") == 1
    assert stats.get_value("archive/with_warnings") == 1


def test_a_page_that_is_not_an_article_is_marked_for_quarantine() -> None:
    pipeline, stats = _pipeline()
    item = pipeline.process_item(_item(RawArticle(title="Page not found", body=["404"])))
    assert item.article is None
    assert "no date" in item.errors[0].reason
    assert stats.get_value("archive/not_an_article/www.mfa.go.th") == 1


def test_a_page_that_could_not_be_read_is_marked_for_quarantine() -> None:
    pipeline, _stats = _pipeline()
    item = pipeline.process_item(_item(RawArticle(), error="ValueError: boom"))
    assert item.article is None
    assert item.errors[0].reason == "the page could not be read: ValueError: boom"


def test_a_page_the_schema_refuses_is_quarantined_with_the_field() -> None:
    """A value no line of the text form may hold (here a record separator in the title,
    which no extractor lets through) is refused with its field, never raised."""
    pipeline, stats = _pipeline()
    raw = RawArticle(title="หัว\x1eข้อ", imported_date_raw="11 ก.ย. 2563", body=["ก"])
    item = pipeline.process_item(_item(raw))
    assert item.article is None
    assert item.errors[0].field == "title"
    assert "line break" in item.errors[0].reason
    assert stats.get_value("archive/invalid") == 1


def test_warnings_are_counted_by_field_and_lost_parts_listed() -> None:
    pipeline, stats = _pipeline()
    lost = Finding(field="images", value="รูปภาพประกอบ", reason="a gallery heading, no image")
    raw = RawArticle(title="หัวข้อ", imported_date_raw="11 ก.ย. 2563", body=[], notes=[lost])
    item = pipeline.process_item(_item(raw))
    assert item.article is not None
    assert stats.get_value("archive/warnings/images") == 1
    assert stats.get_value("archive/warnings/body") == 1  # no body text
    assert stats.get_value("archive/incomplete") == 1
    assert stats.get_value("archive/incomplete_urls") == [
        {"url": URL, "reason": "a gallery heading, no image"}
    ]
