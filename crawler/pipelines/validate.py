"""Validate: the page's raw parts become an ArchivedArticle, or the page is quarantined.

A page that is not an article keeps going, marked with its errors, so that the store
pipeline quarantines it with its HTML; so does a page whose parts the schema refuses
(a ``ValidationError`` names the field).  An article with warnings is archived with
them, and the warnings are counted by field (and, apart, the articles whose reading
their own evidence contradicts: per site and field, for the health rule); a page that
looks like an article but lost a part (a gallery heading with no image, a metadata
block with no body) is listed for the run summary.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.items import FetchedPage
from crawler.redact import redact_url
from schemas.assess import DISAGREES, NotAnArticle, bangkok_today, build_content
from schemas.digest import content_sha256
from schemas.models import ArchivedArticle, Finding

LOST_PARTS = frozenset({"images", "videos"})  # a section heading with nothing under it
NO_BODY = "no body text"
MAX_LISTED = 50
DISAGREE_ON = "archive/disagree_on"
"""``<DISAGREE_ON>/<field>/<site>``: articles whose ``field`` disagrees with its evidence."""


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
            item.article = ArchivedArticle(
                **dict(content),
                url=redact_url(item.url),
                canonical_url=item.canonical_url,
                site=item.site,
                language=item.language,
                category=item.category,
                fetched_at=item.fetched_at,
                warc_record=item.warc_record,
                content_sha256=content_sha256(content),
            )
        except NotAnArticle as exc:
            item.errors = exc.findings
            self.stats.inc_value("archive/not_an_article")
            self.stats.inc_value(f"archive/not_an_article/{item.site}")
            return item
        except ValidationError as exc:
            item.errors = refused(exc)
            self.stats.inc_value("archive/invalid")
            self.stats.inc_value(f"archive/invalid/{item.site}")
            return item
        self.stats.inc_value("archive/articles")
        if content.warnings:
            self.stats.inc_value("archive/with_warnings")
            self.stats.inc_value(f"archive/with_warnings/{item.site}")
            self._count_warnings(item.url, item.site, content.warnings)
        return item

    def _count_warnings(self, url: str, site: str, warnings: list[Finding]) -> None:
        for name in sorted({finding.field for finding in warnings}):
            self.stats.inc_value(f"archive/warnings/{name}")
        disagreeing = sorted({f.field for f in warnings if f.reason.startswith(DISAGREES)})
        if disagreeing:  # read one way, told another by the page's own evidence
            self.stats.inc_value("archive/disagree")
            self.stats.inc_value(f"archive/disagree/{site}")
            for name in disagreeing:
                self.stats.inc_value(f"{DISAGREE_ON}/{name}/{site}")
        lost = [f for f in warnings if f.field in LOST_PARTS or f.reason.startswith(NO_BODY)]
        if lost:
            self.stats.inc_value("archive/incomplete")
            listed = list(self.stats.get_value("archive/incomplete_urls", []))
            if len(listed) < MAX_LISTED:
                listed.append({"url": redact_url(url), "reason": lost[0].reason})
                self.stats.set_value("archive/incomplete_urls", listed)


def refused(exc: ValidationError) -> list[Finding]:
    """A schema refusal as findings: which field, and why."""
    return [
        Finding(
            field=".".join(str(part) for part in error["loc"]) or "article",
            value=None,
            reason=f"the schema refuses the value: {error['msg']}",
        )
        for error in exc.errors()
    ]
