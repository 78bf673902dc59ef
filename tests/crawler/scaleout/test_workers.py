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
