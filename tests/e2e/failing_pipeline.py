"""A pipeline with a bug, for the test that no item is lost in silence.

Put between dedup and store (``-s ITEM_PIPELINES=...``), it raises for the items whose
URL contains ``FAIL_ITEM_URL``, as a bug in a pipeline would.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from crawler.items import FetchedPage


class FailingPipeline:
    def __init__(self, needle: str) -> None:
        self.needle = needle

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailingPipeline:
        return cls(crawler.settings.get("FAIL_ITEM_URL", ""))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchedPage) and self.needle and self.needle in item.url:
            raise RuntimeError(f"injected failure for {item.url}")
        return item
