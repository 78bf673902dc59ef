"""The shared request queue: scrapy-redis's priority queue, with nothing lost when a
worker dies, in one round trip for several requests.

scrapy-redis pops a request off the queue, and a worker killed after that takes the
request with it.  Here a pop moves the request, in one Lua step, into the worker's
``processing`` hash; the worker acknowledges it when its outcome is stored
(:mod:`crawler.scaleout.workers`), and the requests of a worker whose heartbeat
stopped go back on the queue for the others.

The queue is on every request's path, so it talks to Redis as little as it can: one
exchange (one script) writes the requests a worker pushed and the acknowledgements it
gave, and takes up to ``take`` requests, kept here until the engine asks for them.  A
request is acknowledged only when all its response gave is accounted for
(:mod:`crawler.scaleout.outcomes`), and the requests it gave are written with that
acknowledgement, in the same script: a worker killed before has the request done again
by another, its listing page read without trusting the marks it set
(:data:`crawler.scaleout.outcomes.REPLAYED`) -- an article may be fetched twice, none is
lost, and the state sees the version it already has.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from crawler.scaleout.keys import CrawlKeys
from crawler.scaleout.outcomes import REPLAYED, TASK

logger = logging.getLogger(__name__)
TAKE = 4
"""Requests taken from Redis in one exchange: few, so that a worker does not hold work
another could do, enough to need one exchange for several requests."""

# KEYS: queue, processing, replayed, takers, idle.  ARGV: n, then n (score, request)
# pairs to push; m, then m task ids acknowledged; k; the worker.  Takes up to k requests
# into processing (the worker is then no longer idle); returns them as (task id,
# request, replayed) triples.  A request stays noted as replayed until it is
# acknowledged: given back unread, it is still one.
SYNC = """
local n = tonumber(ARGV[1])
local at = 2
for _ = 1, n do
  redis.call('ZADD', KEYS[1], ARGV[at], ARGV[at + 1])
  at = at + 2
end
local m = tonumber(ARGV[at])
for i = at + 1, at + m do
  redis.call('HDEL', KEYS[2], ARGV[i])
  redis.call('SREM', KEYS[3], ARGV[i])
end
local k = tonumber(ARGV[at + m + 1])
local taken = {}
if k == 0 then return taken end
local found = redis.call('ZRANGE', KEYS[1], 0, k - 1, 'WITHSCORES')
if #found > 0 then
  redis.call('SADD', KEYS[4], ARGV[at + m + 2])
  redis.call('SREM', KEYS[5], ARGV[at + m + 2])
end
for i = 1, #found, 2 do
  redis.call('ZREM', KEYS[1], found[i])
  local task = redis.sha1hex(found[i])
  redis.call('HSET', KEYS[2], task, found[i + 1] .. ' ' .. found[i])
  taken[#taken + 1] = task
  taken[#taken + 1] = found[i]
  taken[#taken + 1] = redis.call('SISMEMBER', KEYS[3], task)
end
return taken
"""

# KEYS: processing, queue, replayed, takers.  ARGV: 1 when the worker died; the worker.
# Puts every request of a worker back on the queue; a dead worker's are noted as replayed
# (its callback may have run in part: marks set, requests not pushed).
REQUEUE = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local entry = entries[i + 1]
  local space = string.find(entry, ' ', 1, true)
  local score = tonumber(string.sub(entry, 1, space - 1))
  redis.call('ZADD', KEYS[2], score, string.sub(entry, space + 1))
  if ARGV[1] == '1' then redis.call('SADD', KEYS[3], entries[i]) end
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[4], ARGV[2])
return #entries / 2
"""


class ReliableQueue(PriorityQueue):  # type: ignore[misc]
    """A priority queue whose pops are taken, not removed, until acknowledged."""

    keys: CrawlKeys
    worker: str
    take: int
    _pushes: list[tuple[int, bytes]]
    _acks: list[str]
    _ready: deque[Request]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.take, self._pushes, self._acks, self._ready = TAKE, [], [], deque()
        self._sync = self.server.register_script(SYNC)

    def push(self, request: Request) -> None:
        self._pushes.append((-request.priority, self._encode_request(request)))

    def pop(self, timeout: int = 0) -> Request | None:
        if not self._ready or self._pushes:
            self.sync(self.take - len(self._ready))
        return self._ready.popleft() if self._ready else None

    def acknowledge(self, request: Request) -> None:
        """The request's outcome is stored: it is no one's work any more."""
        task = request.meta.get(TASK)
        if task is not None:
            self._acks.append(task)

    def replaces(self, request: Request) -> None:
        """``request`` replaces the one it was copied from (a redirect, a retry): it goes
        on the queue with that one's acknowledgement, in one script -- the original is no
        one's work any more once its replacement is queued, and not before."""
        task = request.meta.pop(TASK, None)
        if isinstance(task, str):
            self._acks.append(task)

    def sync(self, take: int = 0) -> None:
        """Write what this worker pushed and acknowledged, and take up to ``take``
        requests (one script: all of it or none)."""
        if take <= 0 and not self._pushes and not self._acks:
            return
        pushes, acks = self._pushes, self._acks
        args: list[Any] = [len(pushes)]
        for score, data in pushes:
            args += [score, data]
        args += [len(acks), *acks, max(take, 0), self.worker]
        keys = [
            self.key,
            self.keys.processing(self.worker),
            self.keys.replayed,
            self.keys.takers,
            self.keys.idle,
        ]
        found = self._sync(keys=keys, args=args)
        self._pushes, self._acks = [], []  # written: only now, so a failure keeps them
        for task, data, replayed in zip(found[::3], found[1::3], found[2::3], strict=True):
            request: Request = self._decode_request(data)
            request.meta[TASK] = task if isinstance(task, str) else task.decode()
            if replayed:
                request.meta[REPLAYED] = True
            self._ready.append(request)

    def __len__(self) -> int:
        """Requests waiting: on Redis (after this worker's pushes) and taken here."""
        self.sync()
        return int(self.server.zcard(self.key)) + len(self._ready)

    def requeue(self, worker: str) -> int:
        """Give the requests of ``worker`` (gone) to the others; returns how many."""
        dead = worker != self.worker
        keys = (self.keys.processing(worker), self.key, self.keys.replayed, self.keys.takers)
        moved = int(self.server.eval(REQUEUE, 4, *keys, int(dead), worker))
        if moved and dead:
            logger.warning(
                "%d requests of the worker %s (gone) are back on the queue", moved, worker
            )
        return moved

    def give_back(self) -> int:
        """This worker stops before the crawl is done: what it took and did not finish
        goes back on the queue for the others (and the next worker of the crawl)."""
        self.sync()
        self._ready.clear()
        moved = self.requeue(self.worker)
        logger.info("%d requests this worker held are back on the queue", moved)
        return moved

    def forget_taken(self) -> None:
        """This worker ends: what it took and did not acknowledge failed for good here
        (a download that failed, a request a middleware refused)."""
        self.sync()
        self.server.delete(self.keys.processing(self.worker))
        self.server.srem(self.keys.takers, self.worker)

    def taken(self, worker: str) -> int:
        return int(self.server.hlen(self.keys.processing(worker)))


def configure(queue: Any, keys: CrawlKeys, worker: str, take: int = TAKE) -> ReliableQueue:
    assert isinstance(queue, ReliableQueue)
    queue.keys, queue.worker, queue.take = keys, worker, take
    return queue
