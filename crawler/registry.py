"""The site registry (``crawler/sites.toml``): which sites are on the platform.

Loaded once per crawler from a data file, so adding a site is an entry, not code;
``SITE_REGISTRY`` (a path) points elsewhere, e.g. for mirrors, a staging copy or a
local replica.  An entry's ``host`` may carry a port and its ``scheme`` may be ``http``
(https by default); ``concurrency`` and ``delay`` give the site a politeness budget of
its own (its download slot), else the crawl's settings apply.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

DEFAULT_REGISTRY = "sites.toml"
"""The package's own registry (read as a package resource: a deployed egg is a zip)."""
SCHEMES = ("https", "http")


class RegistryError(ValueError):
    """An entry of the registry that cannot be used; the message names it."""


@dataclass(frozen=True)
class Site:
    """One site of the platform and where its news starts."""

    host: str
    """The canonical host name, with ``:port`` when not the scheme's default."""
    languages: tuple[str, ...] = ("th", "en")
    aliases: tuple[str, ...] = ()
    listings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scheme: str = "https"
    concurrency: int | None = None
    """Concurrent requests to this site (default: ``CONCURRENT_REQUESTS_PER_DOMAIN``)."""
    delay: float | None = None
    """Seconds between requests to this site (default: ``DOWNLOAD_DELAY``)."""
    private_address: bool = False
    """The site is known to answer at a private or loopback address (a mirror, a staging
    copy, a replica): the address filter lets its requests through, as it does a host of
    ``start_urls``.  Any other site resolving to such an address is refused."""

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host}"

    def start_urls(self, language: str | None = None, home_pages: bool = True) -> list[str]:
        """Absolute start URLs for one language, or all the site's languages: the home
        page (where discovery reads the menus) and the listings written here as hints;
        without ``home_pages``, the listings only (the home page where there is none)."""
        urls = []
        for lang in [language] if language else self.languages:
            paths = self.listings.get(lang, ())
            if home_pages or not paths:
                paths = (f"/{lang}", *paths)
            for path in paths:
                urls.append(f"{self.origin}{quote(path, safe='/?=&')}")
        return urls


def _site(entry: dict[str, Any]) -> Site:
    host = str(entry["host"]).lower()
    scheme = str(entry.get("scheme", "https")).lower()
    if scheme not in SCHEMES or not host or "/" in host:
        raise RegistryError(f"site {host!r}: host must be a name[:port], scheme http or https")
    concurrency = entry.get("concurrency")
    delay = entry.get("delay")
    return Site(
        host=host,
        languages=tuple(entry.get("languages", ("th", "en"))),
        aliases=tuple(a.lower() for a in entry.get("aliases", ())),
        listings={k: tuple(v) for k, v in entry.get("listings", {}).items()},
        scheme=scheme,
        concurrency=int(concurrency) if concurrency is not None else None,
        delay=float(delay) if delay is not None else None,
        private_address=entry.get("private_address", False) is True,
    )


class Registry:
    """Sites by host name (aliases included)."""

    def __init__(self, sites: list[Site]) -> None:
        self.sites = {site.host: site for site in sites}
        self.by_name = dict(self.sites)
        for site in sites:
            self.by_name.update(dict.fromkeys(site.aliases, site))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        source = Path(path) if path else files("crawler").joinpath(DEFAULT_REGISTRY)
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RegistryError(f"cannot read the site registry {source}: {exc}") from exc
        try:
            return cls([_site(entry) for entry in data.get("site", [])])
        except (KeyError, TypeError, ValueError) as exc:
            raise RegistryError(f"the site registry {source}: {exc}") from exc

    def get(self, name: str) -> Site | None:
        """The site a host name (``host`` or ``host:port``) belongs to."""
        return self.by_name.get(name.lower())

    def names(self, netloc: str) -> frozenset[str]:
        """All names of the site ``netloc`` belongs to (just ``netloc`` if unregistered)."""
        site = self.get(netloc)
        return frozenset({site.host, *site.aliases}) if site else frozenset({netloc})

    def select(self, names: str | None, default: str) -> list[Site]:
        """The sites ``-a site=`` names: one, several (comma-separated) or ``all``."""
        wanted = [n.strip() for n in (names or default).split(",") if n.strip()]
        if wanted == ["all"]:
            return list(self.sites.values())
        sites, unknown = [], []
        for name in wanted:
            site = self.get(name)
            if site is None:
                unknown.append(name)
            elif site not in sites:
                sites.append(site)
        if unknown:
            known = ", ".join(sorted(self.sites))
            raise RegistryError(
                f"unknown site {', '.join(map(repr, unknown))}; registered sites: all, {known}"
            )
        return sites

    def origins(self) -> dict[str, str]:
        """Every name of a site (``host[:port]``) -> its origin (``scheme://host``), which
        canonical URLs use."""
        return {name: site.origin for name, site in self.by_name.items()}

    def download_slots(self) -> dict[str, dict[str, float]]:
        """Scrapy's ``DOWNLOAD_SLOTS`` for the sites with a politeness budget of their own."""
        slots: dict[str, dict[str, float]] = {}
        for site in self.sites.values():
            budget: dict[str, float] = {}
            if site.concurrency is not None:
                budget["concurrency"] = site.concurrency
            if site.delay is not None:
                budget["delay"] = site.delay
            if budget:
                for name in (site.host, *site.aliases):
                    slots[name] = budget
        return slots
