"""This worker's part in a shared crawl (``REDIS_URL``): when it may stop, what it
acknowledges, and how the run's one summary is made.

- **Start requests once**: the first worker pushes the spider's start requests; the
  others run the spider's start too (it decides the run's scope) and keep its requests,
  to push them if that worker dies before it is done.
- **Acknowledged when accounted for**: a request leaves its worker's ``processing`` hash
  when every request its response gave is in the queue and every item is stored or
  dropped (:mod:`crawler.scaleout.outcomes`).
- **Idle is not done**: a worker with an empty queue waits while another live worker
  has work in hand (it may queue more), and gives the work of dead workers (heartbeat
  older than the lease's TTL) back to the queue.
- **One report**: each finishing worker leaves its stats on Redis; the last one merges
  them (:mod:`crawler.scaleout.merge`), writes the run's summary and report, and clears
  the crawl's keys, so that the next run of the same crawl starts afresh.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor, task

from crawler.scaleout.keys import CrawlKeys, worker_name
from crawler.scaleout.merge import dump_stats, load_stats, merge_stats
from crawler.scaleout.outcomes import Outcomes
from crawler.scaleout.starting import StartRequests
from crawler.scaleout.waking import wake_engine

if TYPE_CHECKING:
    from crawler.scaleout.queue import ReliableQueue

logger = logging.getLogger(__name__)
WAKE_SECONDS = 0.25
Part = tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]]


class Workers:
    """Extension: the shared crawl as this worker sees it (``crawler.get_extension``)."""

    def __init__(self, crawler: Crawler, client: Any, keys: CrawlKeys, ttl: float) -> None:
        self.crawler, self.client, self.keys, self.ttl = crawler, client, keys, ttl
        self.worker = worker_name()
        self.queue: ReliableQueue | None = None  # set by the shared scheduler as it opens
        self.waiting = False
        self.leaving = False  # its part is left: no longer one of the running workers
        self.outcomes = Outcomes(self._settled)
        self.start = StartRequests(client, keys, self.worker, self.flush)
        for handler, signal in (
            (self.spider_opened, signals.spider_opened),
            (self.spider_idle, signals.spider_idle),
            (self.item_done, signals.item_scraped),
            (self.item_done, signals.item_dropped),
            (self.item_done, signals.item_error),
        ):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Workers:
        url = crawler.settings.get("REDIS_URL")
        if not url:
            raise NotConfigured("no REDIS_URL: one process, no shared crawl")
        import redis  # the driver, only for a shared crawl

        client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=30)
        keys = CrawlKeys.from_settings(crawler.settings)
        return cls(crawler, client, keys, crawler.settings.getfloat("REDIS_LEASE_TTL"))

    @classmethod
    def of(cls, crawler: Crawler) -> Workers | None:
        found: Workers | None = crawler.get_extension(cls)
        return found

    @property
    def running(self) -> str:
        return f"{self.keys.prefix}running"

    def spider_opened(self) -> None:
        self.client.sadd(self.running, self.worker)
        self._watch = task.LoopingCall(self._wake)
        self._watch.start(WAKE_SECONDS, now=False)
        self.crawler.signals.connect(self._stop_watch, signal=signals.spider_closed)

    def _stop_watch(self) -> None:
        if self._watch.running:
            self._watch.stop()

    def _wake(self) -> None:
        """Every quarter second: this worker's acknowledgements written (they otherwise
        wait for its next exchange with the queue), and an idle worker looks again
        more often than Scrapy's 5-second heartbeat would: another worker may have
        queued work for it, or finished (then so is this one).  A worker that stalled past
        the lease's TTL was taken for gone by the others (its requests went back on the
        queue): it counts itself among the running workers again, so that no worker
        merges the crawl and clears it while this one still works."""
        if self.queue is not None:
            try:
                self.queue.sync()
                if not self.leaving:
                    self.client.sadd(self.running, self.worker)
                self.start.forget_if_pushed()
            except Exception as exc:  # Redis away: the requests are done here all the same
                if not self.crawler.stats.get_value("shared/ack_failed"):
                    logger.error("cannot acknowledge requests on Redis: %s", exc)
                self.crawler.stats.inc_value("shared/ack_failed")
        if not self.waiting:
            return
        self.waiting = False  # set again by spider_idle if there is still nothing to do
        wake_engine(self.crawler)

    def live(self) -> set[str]:
        """Workers whose heartbeat is younger than the lease's TTL."""
        since = (time.time() - self.ttl) * 1000
        return set(self.client.zrangebyscore(self.keys.workers, since, "+inf"))

    def flush(self) -> None:
        """Write this worker's pending pushes (and acknowledgements) now."""
        if self.queue is not None:
            self.queue.sync()

    # -- acknowledgements ----------------------------------------------------------------

    def _settled(self, request: Request, gave_requests: bool) -> None:
        """All ``request``'s response gave is accounted for (:mod:`.outcomes`)."""
        if self.queue is None:
            return
        self.queue.acknowledge(request)  # written with the queue's next exchange...
        if gave_requests:
            self.flush()  # ...now, with the requests it gave: the others may take them

    def item_done(self, response: Response | None = None, **_: Any) -> None:
        request = getattr(response, "request", None)
        if isinstance(request, Request):
            self.outcomes.item_done(request)

    # -- idle ------------------------------------------------------------------------------

    def spider_idle(self) -> None:
        self.waiting = True  # until the queue has work again (see _wake)
        self.crawler.stats.inc_value("shared/idle")
        queue = self.queue
        if queue is None:
            return
        # Nothing in flight here: said to the others (what it holds and never acknowledged,
        # a failed download, is no work in hand).  Pushes first, so that an idle worker
        # never has requests of its own still unwritten.
        queue.sync()
        self.client.sadd(self.keys.idle, self.worker)
        live = self.live() | {self.worker}
        running = set(self.client.smembers(self.running))
        holding = self._holding()
        for owner in (running | holding) - live:  # gone without finishing: its work goes back
            # ... but what it noted (a walk its failures cut short) is lost with it
            self.crawler.stats.inc_value("shared/workers_lost")
            requeued = queue.requeue(owner)
            self.client.srem(self.running, owner)
            if requeued:
                raise DontCloseSpider
        if len(queue):
            raise DontCloseSpider
        started = self.start.state()
        if started.startswith("pushing "):
            if started.split(" ", 1)[1] in live:
                raise DontCloseSpider  # the start requests are still being pushed
            self.start.push_again(started, self.crawler)
            raise DontCloseSpider
        self.start.kept.clear()  # pushed: no one will ask this worker for them
        others = (running | holding) & live - {self.worker}
        if others - set(self.client.smembers(self.keys.idle)):
            raise DontCloseSpider  # another worker has work in flight: it may queue more

    def _holding(self) -> set[str]:
        """Workers with requests taken and not finished: among them, one taken for gone
        earlier (out of ``running``) that worked on and then died for good."""
        return set(self.client.smembers(self.keys.takers))

    def _working(self) -> set[str]:
        """Other workers alive and running, or alive and holding requests (one that woke
        from a stall may take requests before it counts itself running again)."""
        running = set(self.client.smembers(self.running))
        return (running | self._holding()) & self.live() - {self.worker}

    # -- the end ---------------------------------------------------------------------------

    def lease_held(self) -> bool:
        """Whether the archive's fencing token is still this crawl's (a Redis that
        restarted without its data has lost it, with the queue)."""
        token = self.crawler.settings.getint("STATE_FENCING_TOKEN")
        return bool(self.client.get(self.keys.archive.fence) == str(token))

    async def gather(self, own: Part, finished: bool = True) -> tuple[Part, bool]:
        """Leave this worker's part; the last worker gets everyone's, merged (True).
        A worker stopped before the crawl is done (not ``finished``: a shutdown) gives
        the requests it holds back to the others."""
        if not self.lease_held():
            logger.error(
                "the archive's Redis lease was lost during the crawl (Redis restarted, or"
                " this worker stalled past REDIS_LEASE_TTL): the shared queue may be lost"
            )
            own[0]["shared/lease_lost"] = 1
            return own, True  # no one else's part to merge: this worker reports its own
        logger.info(
            "worker %s: its part is done (%d new)", self.worker, own[0].get("archive/first", 0)
        )
        if self.queue is not None and finished:
            self.queue.forget_taken()
        elif self.queue is not None:
            self.queue.give_back()
        self.client.hset(self.keys.parts, self.worker, dump_stats(*own))
        self.leaving = True
        self.client.srem(self.running, self.worker)
        deadline = time.monotonic() + 2 * self.ttl
        while time.monotonic() < deadline:  # wait for the others still running
            if not self._working():
                break
            await maybe_deferred_to_future(task.deferLater(reactor, 0.2))
        else:  # others still crawl (this one stopped early): the last of them reports
            if self._working():
                return own, False
        reporter = f"{self.keys.prefix}reporter"
        if not self.client.set(reporter, self.worker, nx=True, ex=int(4 * self.ttl) + 1):
            return own, False
        parts = [
            load_stats(text) for _, text in sorted(self.client.hgetall(self.keys.parts).items())
        ]
        if not parts:  # another worker merged ours already, and cleared the crawl
            self.client.delete(reporter)
            return own, False
        stats = merge_stats([part[0] for part in parts])
        stats["shared/workers"] = len(parts)
        merged: Part = (stats, [f for p in parts for f in p[1]], [r for p in parts for r in p[2]])
        self.clear()
        return merged, True

    def clear(self) -> None:
        """Delete the crawl's keys (queue, dupefilter, marks, parts): the run is over."""
        doomed = list(self.client.scan_iter(match=f"{self.keys.prefix}*", count=1000))
        if doomed:
            self.client.delete(*doomed)
