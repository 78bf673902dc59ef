"""What ``scrapy crawl mfa -a name=value`` asks for, checked before anything is fetched.

- ``site``: a registered host (default ``www.mfa.go.th``), several comma-separated, or
  ``all`` (every site of the registry, ``crawler/sites.toml``);
- ``lang``: ``th`` or ``en`` (default: all the site's languages);
- ``start_urls``: listing pages or article URLs, comma-separated; they replace the
  registry's start points, and the platform parser applies to whatever host they name
  (a mirror, a staging copy, the local replica); a URL with ``user:password@`` is
  refused (credentials go in Scrapy's ``HTTPAUTH_*`` settings, never in a URL);
- ``max_pages``: listing pages to follow per start point (default: until a page brings
  no new article links);
- ``since``: ``YYYY-MM-DD``; listing cards dated before it are not followed, and paging
  stops at a page with nothing newer;
- ``mode``: ``full`` or ``incremental`` (default: incremental once a complete walk
  covers the run, see :mod:`crawler.state.walks`);
- ``_job``: the job id scrapyd gives every crawl it starts; kept in the run report, so
  that a report leads to scrapyd's log of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from crawler.redact import redact_url
from crawler.registry import Registry, RegistryError
from crawler.urls import canonical_url

DEFAULT_SITE = "www.mfa.go.th"
LANGUAGES = ("th", "en")
MODES = ("full", "incremental")


ARGUMENTS = ("site", "lang", "start_urls", "max_pages", "since", "mode", "_job")


class ArgumentError(ValueError):
    """A spider argument that cannot be used; the message names it and what it accepts."""


@dataclass(frozen=True)
class CrawlArguments:
    """The spider's arguments, read and checked."""

    site: str | None
    lang: str | None
    start_urls: tuple[str, ...]
    max_pages: int | None
    since: date | None
    mode: str | None
    job: str | None = None

    @classmethod
    def parse(cls, **given: str | None) -> CrawlArguments:
        """Raise ArgumentError naming the argument and what it accepts."""
        unknown = sorted(set(given) - set(ARGUMENTS))
        if unknown:
            raise ArgumentError(
                f"unknown argument {', '.join(unknown)}; accepted: {', '.join(ARGUMENTS)}"
            )
        lang, mode = given.get("lang"), given.get("mode")
        if lang is not None and lang not in LANGUAGES:
            raise ArgumentError(f"lang must be th or en, not {lang!r}")
        if mode is not None and mode not in MODES:
            raise ArgumentError(f"mode must be full or incremental, not {mode!r}")
        starts = tuple(u.strip() for u in (given.get("start_urls") or "").split(",") if u.strip())
        for url in starts:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                raise ArgumentError(f"start_urls must be http(s) URLs, not {redact_url(url)!r}")
            if "@" in urlsplit(url).netloc:
                raise ArgumentError(
                    f"start_urls: {redact_url(url)!r} carries credentials (user:password@),"
                    " which would travel with the URL into logs and records and are not sent;"
                    " for a site behind a login use Scrapy's HTTPAUTH_USER, HTTPAUTH_PASS and"
                    " HTTPAUTH_DOMAIN settings"
                )
        return cls(
            site=given.get("site"),
            lang=lang,
            start_urls=starts,
            max_pages=_max_pages(given.get("max_pages")),
            since=_since(given.get("since")),
            mode=mode,
            job=given.get("_job"),
        )

    @property
    def limited(self) -> bool:
        """Whether the walk is cut short on purpose (``max_pages``, ``since``)."""
        return self.max_pages is not None or self.since is not None

    def start_points(self, registry: Registry, home_pages: bool = True) -> list[str]:
        """The start URLs given, else the registry's for the sites and the language (with
        their home pages: discovery reads their menus)."""
        if self.start_urls:
            return list(self.start_urls)
        try:
            sites = registry.select(self.site, DEFAULT_SITE)
        except RegistryError as exc:
            raise ArgumentError(str(exc)) from exc
        publishing = [s for s in sites if self.lang is None or self.lang in s.languages]
        if not publishing:
            raise ArgumentError(f"no site of {self.site!r} publishes in {self.lang!r}")
        return [url for site in publishing for url in site.start_urls(self.lang, home_pages)]


def _max_pages(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ArgumentError(f"max_pages must be a whole number of pages, 1 or more, not {value!r}")
    return int(value)


def _since(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentError(f"since must be a date, YYYY-MM-DD, not {value!r}") from None


def crawl_sites(start_points: list[str], origins: dict[str, str]) -> list[str]:
    """The canonical hosts of the sites the start points belong to."""
    return sorted({urlsplit(canonical_url(url, origins)).netloc for url in start_points})


def start_hosts(arguments: CrawlArguments, sites: list[str], registry: Registry) -> frozenset[str]:
    """The hosts the crawl may reach at a private address: those of the URLs it was given,
    and the registry's sites said to answer at one."""
    hosts = {(urlsplit(url).hostname or "").lower() for url in arguments.start_urls}
    hosts |= {
        (urlsplit(site.origin).hostname or "").lower()
        for host in sites
        if (site := registry.sites.get(host)) is not None and site.private_address
    }
    return frozenset(hosts)
