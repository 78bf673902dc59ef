"""Validate: the page's raw parts become an ArchivedArticle, or the page is quarantined.

A page that is not an article keeps going, marked with its errors, so that the store
pipeline quarantines it with its HTML; an article with warnings is archived with them.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.faults import checkpoint
from crawler.items import FetchedPage
from crawler.redact import redact_url
from schemas.assess import NotAnArticle, bangkok_today, build_content
from schemas.digest import content_sha256
from schemas.models import ArchivedArticle, Finding


class ValidatePipeline:
    """Builds the schema's archived article; counts articles, warnings, quarantines."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        if item.extraction_error is not None:
            reason = f"the page could not be read: {item.extraction_error}"
            item.errors = [Finding(field="body", value=None, reason=reason)]
            self.stats.inc_value("archive/not_an_article")
            return item
        try:
            content = build_content(item.raw, today=bangkok_today(item.fetched_at))
        except NotAnArticle as exc:
            item.errors = exc.findings
            self.stats.inc_value("archive/not_an_article")
            self.stats.inc_value(f"archive/not_an_article/{item.site}")
            return item
        item.article = ArchivedArticle(
            **dict(content),
            url=redact_url(item.url),
            canonical_url=item.canonical_url,
            site=item.site,
            language=item.language,
            category=item.category,
            fetched_at=item.fetched_at,
            content_sha256=content_sha256(content),
        )
        checkpoint("validated")
        self.stats.inc_value("archive/articles")
        if content.warnings:
            self.stats.inc_value("archive/with_warnings")
            self.stats.inc_value(f"archive/with_warnings/{item.site}")
        return item
