"""Several workers on one crawl, on Redis: scrapy-redis's scheduler and dupefilter, a
queue that gives a dead worker's requests to the others, the walk's marks shared, and
one run report for the whole crawl.  Loaded only with ``REDIS_URL`` (the driver too).
"""

from __future__ import annotations

from typing import Any

from scrapy.core.scheduler import BaseScheduler
from scrapy.core.scheduler import Scheduler as ScrapyScheduler
from scrapy.crawler import Crawler


class Scheduler(BaseScheduler):
    """``SCHEDULER`` in every configuration: Scrapy's own scheduler, or with
    ``REDIS_URL`` the shared one (:mod:`crawler.scaleout.scheduler`), so that
    ``-s REDIS_URL=...`` alone makes a worker.  Never instantiated itself."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        if not crawler.settings.get("REDIS_URL"):
            return ScrapyScheduler.from_crawler(crawler)
        from crawler.scaleout.scheduler import SharedScheduler  # imports the drivers

        return SharedScheduler.for_crawler(crawler)
