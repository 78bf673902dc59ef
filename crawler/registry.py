"""The site registry (``crawler/sites.toml``): which sites are on the platform.

Loaded once per crawler from a data file, so adding a site is an entry, not code;
``SITE_REGISTRY`` (a path) points elsewhere, e.g. for a private list of mirrors.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

DEFAULT_REGISTRY = Path(__file__).with_name("sites.toml")


@dataclass(frozen=True)
class Site:
    """One site of the platform and where its news starts."""

    host: str
    languages: tuple[str, ...] = ("th", "en")
    aliases: tuple[str, ...] = ()
    listings: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def start_urls(self, language: str | None = None) -> list[str]:
        """Absolute start URLs for one language, or all the site's languages."""
        urls = []
        for lang in [language] if language else self.languages:
            for path in self.listings.get(lang) or (f"/{lang}",):
                urls.append(f"https://{self.host}{quote(path, safe='/?=&')}")
        return urls


class Registry:
    """Sites by host name (aliases included)."""

    def __init__(self, sites: list[Site]) -> None:
        self.sites = {site.host: site for site in sites}
        self.by_name = dict(self.sites)
        for site in sites:
            self.by_name.update(dict.fromkeys(site.aliases, site))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        data = tomllib.loads(Path(path or DEFAULT_REGISTRY).read_text(encoding="utf-8"))
        sites = []
        for entry in data.get("site", []):
            sites.append(
                Site(
                    host=entry["host"].lower(),
                    languages=tuple(entry.get("languages", ("th", "en"))),
                    aliases=tuple(a.lower() for a in entry.get("aliases", ())),
                    listings={k: tuple(v) for k, v in entry.get("listings", {}).items()},
                )
            )
        return cls(sites)

    def get(self, host: str) -> Site | None:
        return self.by_name.get(host.lower())

    def host_aliases(self) -> dict[str, str]:
        """Every known name of a site -> its canonical host (for canonical URLs)."""
        return {name: site.host for name, site in self.by_name.items()}
