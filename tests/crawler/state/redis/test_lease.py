"""The archive's lease on a real Redis: one crawl at a time, its workers share it, a
dead crawl frees it, and a stale worker cannot write."""

from __future__ import annotations

import time

import pytest

from crawler.state.backend import ArchiveBusy
from crawler.state.redis.connection import LeaseLost, StateConnection
from crawler.state.redis.keys import Keys
from crawler.state.redis.lease import Lease
from crawler.state.redis.state import RedisState
from crawler.state.schedule import article_observation
from tests.support.project import make_article, policy

pytestmark = pytest.mark.redis
KEYS = Keys.for_archive("s3://bucket/archive/")


def _lease(redis_url: str, crawl: str, worker: str, ttl: float = 30.0) -> Lease:
    return Lease(StateConnection.open(redis_url, KEYS).client, KEYS, crawl, worker, ttl)


def test_one_crawl_holds_the_archive_and_its_workers_share_the_token(redis_url: str) -> None:
    first, second = _lease(redis_url, "night", "a"), _lease(redis_url, "night", "b")
    token = first.acquire()
    assert second.acquire() == token  # the same crawl: joined
    other = _lease(redis_url, "backfill", "c")
    with pytest.raises(ArchiveBusy, match="crawl night"):
        other.acquire()
    first.release()
    with pytest.raises(ArchiveBusy):  # b still works
        other.acquire()
    second.release()
    assert other.acquire() > token  # the last worker left: free, with a new token
    other.release()


def test_a_dead_crawl_frees_the_archive_and_its_stale_worker_writes_nothing(
    redis_url: str,
) -> None:
    stale = _lease(redis_url, "night", "a", ttl=0.3)
    token = stale.acquire()
    stale._stop.set()  # the worker hangs: no more renewals
    connection = StateConnection.open(redis_url, KEYS)
    connection.token = token
    state = RedisState(connection, policy())
    time.sleep(0.5)
    newer = _lease(redis_url, "morning", "b")
    assert newer.acquire() > token
    article = make_article()
    with pytest.raises(LeaseLost):
        state.record_version(article, "articles/x/v1", "first", article_observation(article, True))
    assert state.versions.count() == 0 and state.schedule.count() == 0
    assert not stale.renew() and stale.lost.is_set()
    newer.release()


def test_the_renewal_keeps_a_long_crawl_holding(redis_url: str) -> None:
    lease = _lease(redis_url, "night", "a", ttl=0.3)
    token = lease.acquire()
    time.sleep(1.0)  # three lifetimes: renewed by the thread
    with pytest.raises(ArchiveBusy):
        _lease(redis_url, "other", "b").acquire()
    assert lease.renew() and lease.token == token
    lease.release()
