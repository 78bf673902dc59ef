"""Discovery's records on Redis (:mod:`crawler.state.discovery`): one hash per site,
page URL -> its record as JSON, shared by every worker."""

from __future__ import annotations

import json
from datetime import datetime

from redis.client import Pipeline

from crawler.state.discovery import SitePage
from crawler.state.redis.connection import StateConnection, texts, unavailable_on_error


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _text(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dumped(page: SitePage) -> str:
    return json.dumps(
        [
            page.verdict,
            page.first_seen.isoformat(),
            _text(page.checked_at),
            _text(page.in_menu_at),
            page.articles,
            page.reason,
            page.misses,
        ]
    )


def _loaded(url: str, site: str, text: str) -> SitePage:
    verdict, first, checked, in_menu, articles, reason, misses = json.loads(text)
    return SitePage(
        url,
        site,
        verdict,
        datetime.fromisoformat(first),
        _time(checked),
        _time(in_menu),
        articles,
        reason,
        misses,
    )


class RedisDiscovery:
    """The pages of each site discovery judged, shared by every worker."""

    def __init__(self, connection: StateConnection) -> None:
        self.connection = connection
        self.client, self.keys = connection.client, connection.keys

    @unavailable_on_error
    def of_sites(self, sites: list[str]) -> list[SitePage]:
        """Every page judged of ``sites``, in the order they were first seen."""
        found = []
        for site in sites:
            stored = self.client.hgetall(self.keys.site_pages(site))
            for url, text in stored.items():
                [url_text, record] = texts([url, text])
                found.append(_loaded(url_text, site, record))
        return sorted(found, key=lambda page: (page.first_seen, page.url))

    @unavailable_on_error
    def record(self, pages: list[SitePage]) -> None:
        """Keep these records: one transaction, fenced as every write of the crawl (a
        worker whose lease passed to another crawl writes nothing)."""

        def writes(pipe: Pipeline) -> None:
            for page in pages:
                pipe.hset(self.keys.site_pages(page.site), page.url, _dumped(page))

        if pages:
            self.connection.atomic([], lambda _pipe: writes)
