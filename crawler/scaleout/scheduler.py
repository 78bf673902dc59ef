"""The shared scheduler (chosen by :class:`crawler.scaleout.Scheduler` with
``REDIS_URL``): it is scrapy-redis's Scheduler with the crawl's own keys (two crawls, or two
archives, never share a queue), scrapy-redis's dupefilter, the queue of
:mod:`crawler.scaleout.queue`, and ``SCHEDULER_PERSIST`` always on: the first worker to
finish must not delete the queue the others work from (the last one clears it, see
:mod:`crawler.scaleout.workers`).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy_redis import connection
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from crawler.items import ARTICLE_PRIORITY
from crawler.scaleout.keys import CrawlKeys, worker_name
from crawler.scaleout.outcomes import Outcomes
from crawler.scaleout.queue import ReliableQueue, configure
from crawler.scaleout.workers import Workers


class SharedScheduler(RedisScheduler):  # type: ignore[misc]
    """scrapy-redis's scheduler on the crawl's keys, with the reliable queue."""

    keys: CrawlKeys
    worker: str
    crawler: Crawler

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> SharedScheduler:
        settings, keys = crawler.settings, CrawlKeys.from_settings(crawler.settings)
        server = connection.from_settings(settings)
        server.ping()
        scheduler = cls(
            server=server,
            persist=True,
            queue_key=keys.requests,
            queue_cls=f"{ReliableQueue.__module__}.{ReliableQueue.__name__}",
            dupefilter=RFPDupeFilter(server, keys.dupefilter, settings.getbool("DUPEFILTER_DEBUG")),
            dupefilter_key=keys.dupefilter,
            idle_before_close=0,
        )
        scheduler.stats, scheduler.keys, scheduler.worker = crawler.stats, keys, worker_name()
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider: Any) -> None:
        super().open(spider)
        queue = configure(self.queue, self.keys, self.worker)
        workers = Workers.of(self.crawler)
        if workers is not None:
            workers.queue = queue

    def enqueue_request(self, request: Request) -> bool:
        """Listing pages before articles, the reverse of one process's order: one
        process keeps one page of articles queued so that its memory stays flat
        (:mod:`crawler.spiders.pages`), but workers need work queued ahead of them, or
        they wait for the next listing page -- and the queue is in Redis."""
        parent = Outcomes.parent(request)
        if isinstance(self.queue, ReliableQueue):
            self.queue.replaces(request)  # a redirect's or retry's original, done with it
        if request.priority < ARTICLE_PRIORITY:
            request = request.replace(priority=ARTICLE_PRIORITY + 1)
        accepted: bool = super().enqueue_request(request)
        workers = Workers.of(self.crawler)
        if workers is not None:  # in this worker's buffer: its parent may be acknowledged
            workers.outcomes.scheduled(parent)
        return accepted
