"""One Redis client for a crawl's state, and the one way it writes: atomically, fenced.

Every write is an optimistic transaction (``WATCH`` the keys it reads, then
``MULTI``/``EXEC``; a concurrent write to one of them makes it start again), so two
workers observing one article never lose an update.  When the crawl holds the archive's
lease (:mod:`crawler.state.redis.lease`), its fencing token is checked inside
the same transaction: a worker whose lease has passed to another crawl cannot write.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

import redis
from redis.client import Pipeline

from crawler.redact import redact_url
from crawler.state.backend import StateUnavailable
from crawler.state.redis.keys import Keys
from crawler.storage import StoreUnavailable

P = ParamSpec("P")
T = TypeVar("T")
Writes = Callable[[Pipeline], None]
"""Queues the writes of a transaction on its pipeline."""


def texts(values: Iterable[Any]) -> list[str]:
    """What the client returns, as text (it decodes; the types do not say so)."""
    return [value if isinstance(value, str) else bytes(value).decode() for value in values]


def unavailable_on_error(method: Callable[P, T]) -> Callable[P, T]:
    """Redis's errors as :class:`~crawler.state.backend.StateUnavailable` (nothing above
    the backend knows the driver): for the small stores that write without the lease's
    script."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except redis.RedisError as exc:
            raise StateUnavailable(f"the state on Redis does not answer: {exc}") from exc

    return wrapper


class LeaseLost(StoreUnavailable):
    """The archive's lease belongs to another crawl now: this worker must not write (its
    items are spooled, and whoever holds the archive next stores them)."""


class StateConnection:
    """The client, the archive's keys and the fencing token this worker writes under."""

    def __init__(self, client: redis.Redis, keys: Keys, token: int | None = None) -> None:
        self.client, self.keys, self.token = client, keys, token
        self._scripts: dict[str, Any] = {}

    def script(self, source: str, keys: list[str], args: list[Any]) -> Any:
        """Run a Lua script by its digest (``EVALSHA``; loaded once, again if Redis
        restarted): the hot paths' scripts are not sent and hashed on every call."""
        found = self._scripts.get(source)
        if found is None:
            found = self._scripts[source] = self.client.register_script(source)
        return found(keys=keys, args=args)

    @classmethod
    def open(cls, url: str, keys: Keys) -> StateConnection:
        try:
            client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=30)
        except ValueError as exc:  # a mistyped REDIS_URL: one line, never a traceback
            raise StateUnavailable(f"REDIS_URL {redact_url(url)!r}: {exc}") from None
        try:
            client.ping()
        except redis.RedisError as exc:
            client.close()
            raise StateUnavailable(f"Redis at {redact_url(url)}: {exc}") from None
        return cls(client, keys)

    def atomic(self, watch: list[str], prepare: Callable[[Pipeline], Writes]) -> None:
        """Run ``prepare`` (it reads through the pipeline, then returns the writes) and
        its writes as one transaction, again if a watched key changed meanwhile."""
        fenced = self.token is not None
        with self.client.pipeline(transaction=True) as pipe:
            while True:
                try:
                    watched = [*watch, *([self.keys.fence] if fenced else [])]
                    if watched:
                        pipe.watch(*watched)  # type: ignore[no-untyped-call]
                    if fenced:
                        self.check_fence(pipe)
                    writes = prepare(pipe)
                    pipe.multi()
                    writes(pipe)
                    pipe.execute()
                    return
                except redis.WatchError:
                    continue

    def check_fence(self, reader: redis.Redis | Pipeline) -> None:
        """Raise LeaseLost unless the archive's token is still this worker's."""
        current = reader.get(self.keys.fence)
        if self.token is not None and (current is None or int(current) != self.token):
            current = texts([current])[0] if current is not None else None
            raise LeaseLost(
                f"the archive's lease passed to another crawl (token {current}, ours"
                f" {self.token}): this worker stops writing"
            )

    def close(self) -> None:
        self.client.close()
