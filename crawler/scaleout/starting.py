"""A shared crawl's start requests, pushed once.

The first worker to ask pushes the spider's start requests; the others run the spider's
start too (it decides the run's scope) and keep its requests until the pusher says it is
done, so that if it dies before, one of them pushes them all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler

from crawler.scaleout.keys import CrawlKeys

logger = logging.getLogger(__name__)
# KEYS: a string.  ARGV: the value it must hold, the value it gets.  1 if it was swapped.
SWAP = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
"""


class StartRequests:
    """This worker's part in pushing the start requests once."""

    def __init__(
        self, client: Any, keys: CrawlKeys, worker: str, flush: Callable[[], None]
    ) -> None:
        self.client, self.keys, self.worker, self.flush = client, keys, worker, flush
        self.kept: list[Request] = []
        """The start requests another worker pushes (this one pushes them if it dies)."""

    def claim(self) -> bool:
        """Whether this worker pushes the start requests (the first to ask does)."""
        return bool(self.client.set(self.keys.started, f"pushing {self.worker}", nx=True))

    def pushed(self) -> None:
        self.flush()  # the start requests are on the queue before "done" says so
        self.client.set(self.keys.started, "done")

    def state(self) -> str:
        """``pushing <worker>`` while they are pushed, then ``done`` (empty: not yet)."""
        return str(self.client.get(self.keys.started) or "")

    def forget_if_pushed(self) -> None:
        """The kept requests let go once the pusher is done: no one will ask for them."""
        if self.kept and self.state() == "done":
            self.kept.clear()

    def push_again(self, dead: str, crawler: Crawler) -> None:
        """The worker pushing the start requests (``dead``: ``pushing <worker>``, as seen)
        died doing it: this one pushes them all (they ran through its own start too),
        past the dupefilter -- those the dead one noted seen may never have reached the
        queue.  A listing queued twice is walked once more at most: its marks say what
        the first walk asked for."""
        if not self.client.eval(SWAP, 1, self.keys.started, dead, f"pushing {self.worker}"):
            return  # the pusher finished after all, or another worker took it over
        assert crawler.engine is not None and crawler.stats is not None
        for request in self.kept:
            crawler.engine.crawl(request.replace(dont_filter=True))
        logger.warning(
            "the worker pushing the start requests died: this worker pushed them (%d)",
            len(self.kept),
        )
        crawler.stats.inc_value("shared/start_pushed_again")
        self.kept = []
        self.pushed()
