"""The shared request queue: scrapy-redis's priority queue, with nothing lost when a
worker dies.

scrapy-redis pops a request off the queue, and a worker killed after that takes the
request with it.  Here a pop moves the request, in one Lua step, into the worker's
``processing`` hash; the worker acknowledges it when its outcome is stored
(:mod:`crawler.scaleout.workers`), and the requests of a worker whose heartbeat
stopped go back on the queue for the others.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from crawler.scaleout.keys import CrawlKeys

logger = logging.getLogger(__name__)
TASK = "shared_task"
"""Request meta: the request's id in its worker's ``processing`` hash."""

# KEYS: queue, processing.  Moves the first request to processing; returns it.
POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return nil end
redis.call('ZREM', KEYS[1], found[1])
local task = redis.sha1hex(found[1])
redis.call('HSET', KEYS[2], task, found[2] .. ' ' .. found[1])
return {task, found[1]}
"""

# KEYS: processing, queue.  Puts every request of a (dead) worker back on the queue.
REQUEUE = """
local entries = redis.call('HVALS', KEYS[1])
for _, entry in ipairs(entries) do
  local space = string.find(entry, ' ', 1, true)
  local score = tonumber(string.sub(entry, 1, space - 1))
  redis.call('ZADD', KEYS[2], score, string.sub(entry, space + 1))
end
redis.call('DEL', KEYS[1])
return #entries
"""


class ReliableQueue(PriorityQueue):  # type: ignore[misc]
    """A priority queue whose pops are taken, not removed, until acknowledged."""

    keys: CrawlKeys
    worker: str

    def pop(self, timeout: int = 0) -> Request | None:
        found = self.server.eval(POP, 2, self.key, self.keys.processing(self.worker))
        if not found:
            return None
        task, data = found
        request: Request = self._decode_request(data)
        request.meta[TASK] = task if isinstance(task, str) else task.decode()
        return request

    def acknowledge(self, request: Request) -> None:
        """The request's outcome is stored: it is no one's work any more."""
        task = request.meta.get(TASK)
        if task is not None:
            self.server.hdel(self.keys.processing(self.worker), task)

    def requeue(self, worker: str) -> int:
        """Give the requests of ``worker`` (gone) to the others; returns how many."""
        moved = int(self.server.eval(REQUEUE, 2, self.keys.processing(worker), self.key))
        if moved:
            logger.warning("%d requests of the worker %s (gone) are back on the queue",
                           moved, worker)  # fmt: skip
        return moved

    def forget_taken(self) -> None:
        """This worker ends: what it took and did not acknowledge failed for good here
        (a download that failed, a request a middleware refused)."""
        self.server.delete(self.keys.processing(self.worker))

    def taken(self, worker: str) -> int:
        return int(self.server.hlen(self.keys.processing(worker)))


def configure(queue: Any, keys: CrawlKeys, worker: str) -> ReliableQueue:
    queue.keys, queue.worker = keys, worker
    assert isinstance(queue, ReliableQueue)
    return queue
