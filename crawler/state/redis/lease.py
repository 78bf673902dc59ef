"""The archive's lease on Redis: one crawl at a time, shared by that crawl's workers.

Replaces the machine-local ``flock`` when the state is on Redis (workers on several
machines share one archive).  The lease names the crawl that holds it and carries a
fencing token; it expires ``LEASE_TTL`` seconds after its last renewal, so a crawl
whose workers all died frees the archive by itself.  A worker of the *same* crawl
(same arguments, same archive) joins the lease and its token; another crawl waits or
is refused.  Every state write checks the token inside its transaction
(:class:`~crawler.state.redis.connection.StateConnection`), so a worker that
was paused past the expiry, while another crawl took the archive, writes nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from crawler.state.backend import ArchiveBusy
from crawler.state.redis.connection import texts
from crawler.state.redis.keys import Keys

logger = logging.getLogger(__name__)


# KEYS: lease, fence.  ARGV: crawl id, ttl ms.  Returns the token, or the holder's
# crawl id when another crawl holds the lease.
ACQUIRE = """
local held = redis.call('GET', KEYS[1])
if not held then
  local token = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. token, 'PX', ARGV[2])
  return token
end
local crawl, token = string.match(held, '^(%S+) (%d+)$')
if crawl == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(token)
end
return held
"""

# KEYS: lease.  ARGV: crawl id, token, ttl ms.  Returns 1 if renewed, 0 if lost.
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] .. ' ' .. ARGV[2] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 0
"""

# KEYS: lease, members.  ARGV: crawl id, token, worker, now ms, ttl ms.  Drops the
# worker; the lease goes when no other worker of the crawl renewed within the ttl.
RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[5]))
local mine = redis.call('GET', KEYS[1]) == ARGV[1] .. ' ' .. ARGV[2]
if mine and redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
return 0
"""


class Lease:
    """This worker's share of the archive's lease (renewed by a thread while held)."""

    def __init__(
        self, client: Any, keys: Keys, crawl: str, worker: str, ttl_seconds: float = 30.0
    ) -> None:
        self.client, self.keys, self.crawl, self.worker = client, keys, crawl, worker
        self.ttl_ms = int(ttl_seconds * 1000)
        self.token: int | None = None
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    @property
    def members(self) -> str:
        return self.keys.lease_workers

    def acquire(self, wait_seconds: float = 0.0) -> int:
        """Hold (or join) the lease; returns the fencing token.  Raises ArchiveBusy."""
        deadline = time.monotonic() + wait_seconds
        while True:
            answer = self.client.eval(
                ACQUIRE, 2, self.keys.lease, self.keys.fence, self.crawl, self.ttl_ms
            )
            if isinstance(answer, int):
                self.token = answer
                break
            if time.monotonic() >= deadline:
                holder = texts([answer])[0].split(" ")[0]
                raise ArchiveBusy(f"another crawl holds its Redis lease (crawl {holder})")
            time.sleep(0.2)
        self._beat()
        self._renewer = threading.Thread(target=self._renew_loop, name="lease", daemon=True)
        self._renewer.start()
        return self.token

    def _beat(self) -> None:
        self.client.zadd(self.members, {self.worker: time.time() * 1000})

    def renew(self) -> bool:
        """Extend the lease; False (and ``lost`` set) when it is no longer ours."""
        renewed = self.client.eval(RENEW, 1, self.keys.lease, self.crawl, self.token, self.ttl_ms)
        if renewed:
            self._beat()
            return True
        if not self.lost.is_set():
            logger.error("the archive's Redis lease was lost: this worker writes nothing more")
        self.lost.set()
        return False

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl_ms / 3000):
            try:
                if not self.renew():
                    return
            except Exception as exc:  # Redis away for now: the next beat tries again
                logger.warning("cannot renew the archive's Redis lease: %s", exc)

    def release(self) -> None:
        """Leave the lease (it goes when this was the crawl's last live worker)."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        if self.token is None or self.lost.is_set():
            return
        try:
            self.client.eval(
                RELEASE,
                2,
                self.keys.lease,
                self.members,
                self.crawl,
                self.token,
                self.worker,
                int(time.time() * 1000),
                self.ttl_ms,
            )
        except Exception as exc:  # it expires by itself
            logger.warning("cannot release the archive's Redis lease (it expires): %s", exc)
