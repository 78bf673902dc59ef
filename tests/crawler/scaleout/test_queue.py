"""The shared queue on a real Redis: a taken request stays someone's until it is
acknowledged, and a dead worker's requests go back for the others."""

from __future__ import annotations

import pytest
import redis
from scrapy import Request, Spider

from crawler.scaleout.keys import CrawlKeys
from crawler.scaleout.marks import SharedMarks
from crawler.scaleout.outcomes import REPLAYED, TASK
from crawler.scaleout.queue import ReliableQueue, configure
from crawler.state.redis.keys import Keys

pytestmark = pytest.mark.redis
KEYS = CrawlKeys(Keys.for_archive("/archive"), "mfa-test")


def _queue(redis_url: str, worker: str, take: int = 1) -> ReliableQueue:
    server = redis.Redis.from_url(redis_url)
    queue = ReliableQueue(server, Spider("mfa"), KEYS.requests)
    return configure(queue, KEYS, worker, take)


def test_a_taken_request_is_kept_until_acknowledged(redis_url: str) -> None:
    queue = _queue(redis_url, "a")
    queue.push(Request("https://www.mfa.go.th/th/content/x", priority=5))
    queue.push(Request("https://www.mfa.go.th/th/page/listing"))
    first = queue.pop()
    assert first is not None and first.url.endswith("/content/x")  # priority first
    assert first.meta[TASK] and queue.taken("a") == 1 and len(queue) == 1
    queue.acknowledge(first)
    assert queue.taken("a") == 1  # written with the next exchange...
    queue.sync()
    assert queue.taken("a") == 0  # ...here


def test_pushes_wait_for_the_next_exchange_and_a_batch_is_taken_in_one(redis_url: str) -> None:
    mine, other = _queue(redis_url, "mine", take=3), _queue(redis_url, "other")
    for n in range(5):
        mine.push(Request(f"https://www.mfa.go.th/th/content/{n}", priority=n))
    assert len(other) == 0  # not written yet
    first = mine.pop()  # writes the five, takes three
    assert first is not None and first.url.endswith("/4")
    assert mine.taken("mine") == 3 and len(other) == 2 and len(mine) == 4  # 2 there, 2 here
    assert [r and r.url[-1] for r in (mine.pop(), mine.pop())] == ["3", "2"]  # taken already
    mine.push(Request("https://www.mfa.go.th/th/page/listing", priority=9))
    assert len(other) == 2
    listing = mine.pop()  # a push waiting: written before anything is taken from here
    assert listing is not None and listing.url.endswith("/listing") and len(other) == 0


def test_a_worker_that_stops_early_gives_its_requests_back(redis_url: str) -> None:
    stopping, other = _queue(redis_url, "stopping", take=4), _queue(redis_url, "other")
    for n in range(3):
        stopping.push(Request(f"https://www.mfa.go.th/th/content/{n}"))
    done = stopping.pop()
    assert done is not None
    stopping.acknowledge(done)
    assert stopping.give_back() == 2  # the one it finished is not done again
    assert len(stopping) == 2 and stopping.taken("stopping") == 0
    assert sorted(r.url[-1] for r in iter(other.pop, None)) == sorted(
        {"0", "1", "2"} - {done.url[-1]}
    )


def test_a_dead_workers_requests_go_back_on_the_queue(redis_url: str) -> None:
    dead, alive = _queue(redis_url, "dead"), _queue(redis_url, "alive")
    for n in range(3):
        dead.push(Request(f"https://www.mfa.go.th/th/content/{n}", priority=n))
    taken = [dead.pop(), dead.pop()]
    assert all(taken) and len(dead) == 1
    assert alive.requeue("dead") == 2 and alive.requeue("dead") == 0  # once
    urls = [request.url for request in iter(alive.pop, None)]
    assert sorted(urls) == [f"https://www.mfa.go.th/th/content/{n}" for n in range(3)]
    assert urls[0].endswith("/2")  # the priorities kept


def test_a_dead_workers_requests_come_back_marked_replayed(redis_url: str) -> None:
    dead, alive = _queue(redis_url, "dead2", take=2), _queue(redis_url, "alive2", take=4)
    for n in range(3):
        dead.push(Request(f"https://www.mfa.go.th/th/page/{n}", priority=n))
    assert dead.pop() is not None  # takes two: "2" and "1"
    alive.requeue("dead2")
    replayed = {r.url[-1]: bool(r.meta.get(REPLAYED)) for r in iter(alive.pop, None)}
    assert replayed == {"2": True, "1": True, "0": False}  # its callback may have run
    stopping = _queue(redis_url, "stopping2")
    stopping.push(Request("https://www.mfa.go.th/th/page/x"))
    assert stopping.pop() is not None and stopping.give_back() == 1
    again = alive.pop()
    assert again is not None and not again.meta.get(REPLAYED)  # given back: not read yet


def test_marks_are_shared_and_new_only_once(redis_url: str) -> None:
    one = SharedMarks(redis.Redis.from_url(redis_url), KEYS)
    other = SharedMarks(redis.Redis.from_url(redis_url), KEYS)
    assert one.add("seen", [42, 7, 42]) == [True, True, False]
    assert other.add("seen", [42]) == [False]
    assert other.has("seen", [42, 8]) == [True, False] and other.has("due", [42]) == [False]
    assert one.count("seen") == 2 and one.add("seen", []) == []


def test_a_replayed_request_given_back_unread_is_still_replayed(redis_url: str) -> None:
    """Taken from a dead worker, then given back by a worker stopped before reading it:
    the next one still reads it as replayed (the flag goes only with the acknowledgement)."""
    dead, stopping, last = (_queue(redis_url, name) for name in ("dead3", "stop3", "last3"))
    dead.push(Request("https://www.mfa.go.th/th/page/replayed?p=2"))
    assert dead.pop() is not None
    stopping.requeue("dead3")
    taken = stopping.pop()
    assert taken is not None and taken.meta.get(REPLAYED)
    assert stopping.give_back() == 1  # stopped with SIGINT before its callback ran
    again = last.pop()
    assert again is not None and again.meta.get(REPLAYED)
    last.acknowledge(again)
    last.sync()
    last.push(Request("https://www.mfa.go.th/th/page/replayed?p=2"))
    fresh = last.pop()  # the same request made again later: read as any other
    assert fresh is not None and not fresh.meta.get(REPLAYED)


def test_a_redirect_or_retry_goes_on_the_queue_with_its_originals_acknowledgement(
    redis_url: str,
) -> None:
    """The original of a redirect (or a retry) never reaches a callback: it is done once
    its replacement is queued, in the same script -- not left taken until the worker
    ends, which kept the others waiting for it."""
    queue = _queue(redis_url, "a")
    queue.push(Request("https://www.mfa.go.th/th/content/x"))
    original = queue.pop()
    assert original is not None and queue.taken("a") == 1
    moved = original.replace(url="https://www.mfa.go.th/th/content/y")
    queue.replaces(moved)
    assert TASK not in moved.meta  # the replacement gets its own task when taken
    queue.push(moved)
    assert queue.taken("a") == 1  # nothing written yet: both go together...
    queue.sync()
    assert queue.taken("a") == 0 and len(queue) == 1  # ...here
