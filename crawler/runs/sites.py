"""Each site of the registry as the archive knows it (``scrapy sites``).

Per site: its listings -- written in the registry as hints, or found by discovery (with
how many article links one walk of each showed, and when a menu last named it) -- and
the listings found gone; how many articles the archive knows of it and the import
dates of the oldest and newest; its last run and last healthy run (from the run
reports).  A site the archive knows nothing of is listed too: that is what an operator
adding sites needs to see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crawler.registry import Registry
from crawler.runs.history import SiteRecord
from crawler.state.backend import State
from crawler.state.discovery import GONE, LISTING, SitePage


@dataclass(frozen=True)
class KnownListing:
    """One listing of a site and where it is known from."""

    url: str
    source: str
    """``registry`` (a hint written there) or ``discovered``."""
    articles: int | None = None
    """The most article links one run's walk of it showed (discovered listings)."""
    in_menu_at: datetime | None = None
    """When a home page's menu last named it."""


@dataclass(frozen=True)
class SiteOverview:
    """One site as the archive knows it."""

    host: str
    languages: tuple[str, ...]
    listings: list[KnownListing] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    """Listings found before that answered nothing: no longer walked."""
    articles: int = 0
    oldest: date | None = None
    newest: date | None = None
    last_run: datetime | None = None
    last_healthy: datetime | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "languages": list(self.languages),
            "listings": [
                {
                    "url": known.url,
                    "source": known.source,
                    "articles": known.articles,
                    "in_menu_at": known.in_menu_at.isoformat() if known.in_menu_at else None,
                }
                for known in self.listings
            ],
            "listings_gone": self.gone,
            "articles": self.articles,
            "oldest": self.oldest.isoformat() if self.oldest else None,
            "newest": self.newest.isoformat() if self.newest else None,
            "last_run": self.last_run.isoformat() if self.last_run else None,
            "last_healthy": self.last_healthy.isoformat() if self.last_healthy else None,
        }

    def lines(self) -> list[str]:
        span = f", {self.oldest} to {self.newest}" if self.oldest and self.newest else ""
        healthy = f"{self.last_healthy:%Y-%m-%d %H:%M}" if self.last_healthy else "never"
        ran = f"{self.last_run:%Y-%m-%d %H:%M}" if self.last_run else "never"
        lines = [
            f"{self.host} ({', '.join(self.languages)}): {self.articles} articles{span};"
            f" last run {ran}, last healthy {healthy}"
        ]
        if not self.listings:
            lines.append("  listings: none known yet (the next run reads the home pages)")
        for known in self.listings:
            shown = f", {known.articles} articles" if known.articles is not None else ""
            lines.append(f"  {known.source:<10} {known.url}{shown}")
        lines += [f"  gone       {url}" for url in self.gone]
        return lines


def overview(
    registry: Registry, state: State | None, records: dict[str, SiteRecord], hosts: list[str]
) -> list[SiteOverview]:
    """Each of ``hosts`` (registered sites), as the state and the run reports know it."""
    found = []
    pages = state.discovery.of_sites(hosts) if state is not None else []
    for host in hosts:
        site = registry.sites[host]
        listings = [
            KnownListing(url, "registry")
            for url in site.start_urls(home_pages=False)
            if site.listings
        ]
        mine = [page for page in pages if page.site == host]
        listings += [_discovered(page) for page in mine if page.verdict == LISTING]
        oldest, newest = state.schedule.span(host) if state is not None else (None, None)
        record = records.get(host)
        found.append(
            SiteOverview(
                host,
                site.languages,
                listings,
                [page.url for page in mine if page.verdict == GONE],
                state.schedule.count([host]) if state is not None else 0,
                oldest,
                newest,
                record.last_run if record else None,
                record.last_healthy if record else None,
            )
        )
    return found


def _discovered(page: SitePage) -> KnownListing:
    return KnownListing(page.url, "discovered", page.articles, page.in_menu_at)
