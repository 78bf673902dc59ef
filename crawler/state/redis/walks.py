"""Listing walks on Redis (one hash, listing -> its record as JSON), as
:mod:`crawler.state.walks`; the per-site walks of earlier states in another."""

from __future__ import annotations

import json
from datetime import datetime

from redis.client import Pipeline

from crawler.state.redis.connection import StateConnection, texts
from crawler.state.walks import ListingWalk

SEPARATOR = "\x1f"


def _dumped(walk: ListingWalk) -> str:
    completed = walk.completed_at.isoformat() if walk.completed_at else None
    return json.dumps([walk.site, completed, walk.incomplete_runs, walk.reason])


def _loaded(listing: str, text: str) -> ListingWalk:
    site, completed, runs, reason = json.loads(text)
    return ListingWalk(
        listing, site, datetime.fromisoformat(completed) if completed else None, runs, reason
    )


class RedisWalks:
    """Which listings were walked to their end, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.keys = connection.client, connection.keys

    def listings(self, urls: list[str]) -> dict[str, ListingWalk]:
        if not urls:
            return {}
        found = self.client.hmget(self.keys.listing_walks, urls)
        return {
            url: _loaded(url, texts([text])[0])
            for url, text in zip(urls, found, strict=True)
            if text is not None
        }

    def record(self, walks: list[ListingWalk]) -> None:
        if walks:
            fields: dict[str | bytes, str | bytes] = {w.listing: _dumped(w) for w in walks}

            sites = {w.site for w in walks}
            retired = [
                name
                for name in texts(self.client.hkeys(self.keys.walks))
                if name.split(SEPARATOR, 1)[0] in sites
            ]

            def writes(pipe: Pipeline) -> None:
                pipe.hset(self.keys.listing_walks, mapping=fields)  # type: ignore[arg-type]
                if retired:  # the per-site walks of an earlier state, retired for these sites
                    pipe.hdel(self.keys.walks, *retired)

            self.connection.atomic([], lambda _pipe: writes)

    def site_walked(self, site: str, scopes: tuple[str, ...]) -> datetime | None:
        """When a run walked ``site`` to the end in one of ``scopes`` (earlier states)."""
        found = self.client.hmget(self.keys.walks, [f"{site}{SEPARATOR}{s}" for s in scopes])
        times = [datetime.fromisoformat(text) for text in texts(f for f in found if f)]
        return max(times, default=None)
