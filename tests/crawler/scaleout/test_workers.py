"""The end of a worker's part on a real Redis: a worker stopped early while another
still crawls leaves its part and reports nothing -- the crawl's keys stay."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import pytest_twisted
import redis
from scrapy.utils.defer import deferred_from_coro

from crawler.scaleout.keys import CrawlKeys
from crawler.scaleout.workers import Part, Workers
from tests.support.project import project_crawler

pytestmark = pytest.mark.redis


@pytest_twisted.ensureDeferred
async def test_a_worker_stopped_early_leaves_the_crawl_to_those_still_crawling(
    redis_url: str, tmp_path: Path
) -> None:
    crawler = project_crawler(
        REDIS_URL=redis_url,
        REDIS_CRAWL_ID="mfa-test",
        ARCHIVE_URI=str(tmp_path / "archive"),
        REDIS_LEASE_TTL=0.3,
        STATE_FENCING_TOKEN=7,
    )
    workers = Workers.from_crawler(crawler)
    keys, client = CrawlKeys.from_settings(crawler.settings), redis.Redis.from_url(redis_url)
    client.set(keys.archive.fence, 7)
    client.zadd(keys.requests, {b"a request still to do": 0})
    client.sadd(workers.running, "other", workers.worker)
    client.zadd(keys.workers, {"other": (time.time() + 3600) * 1000})  # alive throughout
    part: Part = ({"archive/first": 3, "finish_reason": "shutdown"}, [], [])
    # waits 2 x TTL for the other (an asyncio task, as Scrapy runs the extension's code)
    result = await deferred_from_coro(workers.gather(part, finished=False))
    assert result == (part, False)  # not the reporter: the other is alive and crawling
    assert client.zcard(keys.requests) == 1  # the crawl's keys are all there
    assert client.hexists(keys.parts, workers.worker)  # with this worker's part
    assert client.sismember(workers.running, "other")


def _two_workers(
    redis_url: str, tmp_path: Path, crawl: str, ttl: float, names: tuple[str | None, str]
) -> tuple[Workers, Workers, CrawlKeys, redis.Redis]:
    """Two workers of one crawl, each with its queue taking one request at a time (a name
    of None keeps the worker's own); the crawl's keys and a client."""
    from scrapy import Spider

    from crawler.scaleout.queue import ReliableQueue, configure

    settings = {
        "REDIS_URL": redis_url,
        "REDIS_CRAWL_ID": crawl,
        "ARCHIVE_URI": str(tmp_path / "archive"),
        "REDIS_LEASE_TTL": ttl,
    }
    server = redis.Redis.from_url(redis_url)
    pair = []
    for name in names:
        workers = Workers.from_crawler(project_crawler(**settings))
        workers.worker = name or workers.worker
        keys = CrawlKeys.from_settings(workers.crawler.settings)
        queue = ReliableQueue(server, Spider("mfa"), keys.requests)
        workers.queue = configure(queue, keys, workers.worker, take=1)
        pair.append(workers)
    return pair[0], pair[1], keys, server


def test_a_worker_taken_for_gone_that_works_on_and_then_dies_loses_nothing(
    redis_url: str, tmp_path: Path
) -> None:
    """It stalled past the TTL (its requests went back, it left ``running``), worked on
    (took more), then died for good: what it took then goes back too; and a stalled
    worker that wakes counts itself among the running workers again."""
    from scrapy import Request
    from scrapy.exceptions import DontCloseSpider

    survivor, stalled, keys, client = _two_workers(
        redis_url, tmp_path, "mfa-stalled", 0.3, (None, "stalled")
    )
    assert stalled.queue is not None and survivor.queue is not None
    stalled.queue.push(Request("https://www.mfa.go.th/th/page/listing?p=3"))
    assert stalled.queue.pop() is not None  # taken, in its hands; it is not in `running`
    assert client.zscore(keys.workers, "stalled") is None  # no heartbeat: gone
    with pytest.raises(DontCloseSpider):  # the survivor finds its requests and takes them back
        survivor.spider_idle()
    taken = survivor.queue.pop()
    assert taken is not None and taken.url.endswith("p=3")
    stalled.leaving = False
    stalled._wake()  # it wakes: one of the running workers again
    assert client.sismember(stalled.running, "stalled")


def test_an_idle_worker_holding_requests_it_never_acknowledged_keeps_no_one_waiting(
    redis_url: str, tmp_path: Path
) -> None:
    """A failed download stays taken until its worker ends: a worker with nothing in
    flight is idle all the same, and two such workers do not wait for each other."""
    from scrapy import Request
    from scrapy.exceptions import DontCloseSpider

    one, two, keys, client = _two_workers(redis_url, tmp_path, "mfa-idle", 60, ("one", "two"))
    client.set(keys.started, "done")
    for workers in (one, two):
        client.sadd(workers.running, workers.worker)
        client.zadd(keys.workers, {workers.worker: (time.time() + 3600) * 1000})
    assert one.queue is not None and two.queue is not None
    one.queue.push(Request("https://www.mfa.go.th/th/content/failed-1"))
    two.queue.push(Request("https://www.mfa.go.th/th/content/failed-2"))
    assert one.queue.pop() is not None and two.queue.pop() is not None  # never acknowledged
    with pytest.raises(DontCloseSpider):  # "two" has work in flight
        one.spider_idle()
    two.spider_idle()  # "one" is idle: nothing holds "two" back
    one.spider_idle()
    one.queue.push(Request("https://www.mfa.go.th/th/content/more"))
    one.queue.sync()
    assert two.queue.pop() is not None  # taking work: "two" is busy again
    with pytest.raises(DontCloseSpider):
        one.spider_idle()
