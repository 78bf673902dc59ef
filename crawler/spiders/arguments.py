"""What ``scrapy crawl mfa -a name=value`` asks for, checked before anything is fetched.

- ``site``: a registered host (default ``www.mfa.go.th``), see ``crawler/sites.toml``;
- ``lang``: ``th`` or ``en`` (default: all the site's languages);
- ``start_urls``: listing pages or article URLs, comma-separated; they replace the
  registry's start points, and the platform parser applies to whatever host they name
  (a mirror, a staging copy, the local replica);
- ``max_pages``: listing pages to follow per start point (default: until a page brings
  no new article links);
- ``since``: ``YYYY-MM-DD``; listing cards dated before it are not followed, and paging
  stops at a page with nothing newer;
- ``mode``: ``full`` or ``incremental`` (default: incremental once a complete walk
  covers the run, see :mod:`crawler.state.walks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from crawler.registry import Registry
from crawler.urls import canonical_url

DEFAULT_SITE = "www.mfa.go.th"
LANGUAGES = ("th", "en")
MODES = ("full", "incremental")


@dataclass(frozen=True)
class CrawlArguments:
    """The spider's arguments, read and checked."""

    site: str | None
    lang: str | None
    start_urls: tuple[str, ...]
    max_pages: int | None
    since: date | None
    mode: str | None

    @classmethod
    def parse(
        cls, site: str | None = None, lang: str | None = None, start_urls: str | None = None,
        max_pages: str | None = None, since: str | None = None, mode: str | None = None,
    ) -> CrawlArguments:  # fmt: skip
        """Raise ValueError naming the argument and what it accepts."""
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"lang must be th or en, not {lang!r}")
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be full or incremental, not {mode!r}")
        pages = int(max_pages) if max_pages else None
        return cls(
            site=site, lang=lang,
            start_urls=tuple(u.strip() for u in (start_urls or "").split(",") if u.strip()),
            max_pages=pages, since=date.fromisoformat(since) if since else None, mode=mode,
        )  # fmt: skip

    @property
    def limited(self) -> bool:
        """Whether the walk is cut short on purpose (``max_pages``, ``since``)."""
        return self.max_pages is not None or self.since is not None

    def start_points(self, registry: Registry) -> list[str]:
        """The start URLs given, else the registry's for the site and language."""
        if self.start_urls:
            return list(self.start_urls)
        name = self.site or DEFAULT_SITE
        site = registry.get(name)
        if site is None:
            known = ", ".join(sorted(registry.sites))
            raise ValueError(f"unknown site {name!r}; registered sites: {known}")
        return site.start_urls(self.lang)


def site_hosts(registry: Registry, host: str) -> frozenset[str]:
    """All names of the site ``host`` belongs to (just ``host`` if unregistered)."""
    site = registry.get(host)
    return frozenset({site.host, *site.aliases}) if site else frozenset({host})


def crawl_sites(start_points: list[str], aliases: dict[str, str]) -> list[str]:
    """The canonical hosts of the sites the start points belong to."""
    return sorted({urlsplit(canonical_url(url, aliases)).netloc for url in start_points})
