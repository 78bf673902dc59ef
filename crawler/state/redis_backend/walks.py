"""Complete walks per site and scope on Redis (one hash), as :mod:`crawler.state.walks`."""

from __future__ import annotations

from datetime import datetime

from redis.client import Pipeline

from crawler.state.redis_backend.connection import StateConnection

SEPARATOR = "\x1f"


class RedisWalks:
    """Which sites a complete crawl has walked, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.keys = connection.client, connection.keys

    def record_walk(self, sites: list[str], scope: str, completed_at: datetime) -> None:
        if sites:
            fields: dict[str | bytes, str | bytes] = {
                f"{site}{SEPARATOR}{scope}": completed_at.isoformat() for site in sites
            }

            def writes(pipe: Pipeline) -> None:
                pipe.hset(self.keys.walks, mapping=fields)  # type: ignore[arg-type]

            self.connection.atomic([], lambda _pipe: writes)

    def covered(self, sites: list[str], scopes: tuple[str, ...]) -> bool:
        """Whether every one of ``sites`` has a complete walk in one of ``scopes``."""
        for site in sites:
            found = self.client.hmget(self.keys.walks, [f"{site}{SEPARATOR}{s}" for s in scopes])
            if not any(found):
                return False
        return True
