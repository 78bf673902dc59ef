"""The pages a site's menus lead to: where discovery looks for the site's listings.

A site of the platform is known by its host name alone; its news sections are found
from its home page.  Any link on the page to a path of one of the platform's two
listing forms (``/<lang>/content-category/<name>``, ``/<lang>/page/<name>``) is a
candidate, wherever it stands; a link in a menu (a ``<nav>``, the banner, an element
with the navigation role, a list of links) to any other path of the site in the same
language is one too: a site may name its sections in paths nobody here has seen.
What a candidate is, the crawler learns by fetching it (only the content tells a
listing from an article: both have ``/page/`` paths).  Read before the boilerplate
goes: the menus *are* boilerplate to the article reader.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from crawler.platforms.page import PageContext, is_document_url, is_image_url
from crawler.urls import is_listing_url, language_of, page_kind, path_segments

_MENU_TAGS = frozenset({"nav", "header"})
_MENU_ROLES = frozenset({"navigation", "menu", "menubar"})
_SKIPPED = frozenset({"search", "tag", "tags", "login", "sitemap", "rss"})
MAX_URL_LENGTH = 2000
"""Longer links are no section of the site (and Scrapy would drop their request)."""


class _Menus:
    """Which links stand in a menu: a ``<nav>``, the banner, a navigation landmark, or
    a list whose items each hold a link (a menu written as a list).  Each list is judged
    once, however many links it holds (a hostile page may hold a list of 100,000)."""

    def __init__(self) -> None:
        self._lists: dict[HtmlElement, bool] = {}

    def holds(self, anchor: HtmlElement) -> bool:
        for element in anchor.iterancestors():
            if element.tag in _MENU_TAGS or element.get("role") in _MENU_ROLES:
                return True
        item = next(anchor.iterancestors("li"), None)
        listing = item.getparent() if item is not None else None
        if listing is None or listing.tag not in ("ul", "ol"):
            return False
        if listing not in self._lists:
            items = [child for child in listing if child.tag == "li"]
            self._lists[listing] = len(items) >= 2 and all(
                next(child.iter("a"), None) is not None for child in items
            )
        return self._lists[listing]


def _candidate(url: str) -> str:
    """The URL as a listing's start point: no fragment, no page number (``p``)."""
    split = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(split.query, keep_blank_values=True) if k != "p"]
    return urlunsplit((split.scheme, split.netloc, split.path, urlencode(query), ""))


def section_links(document: HtmlElement, context: PageContext, limit: int) -> list[str]:
    """The candidates among the page's links, listing forms first, each once, in the
    order the page shows them; at most ``limit`` (the page's own links are read up to
    that many too)."""
    language = language_of(context.url)
    listing_forms: dict[str, None] = {}
    named: dict[str, None] = {}
    menus, read = _Menus(), 0
    for anchor in document.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        if read >= limit:
            break
        read += 1
        if len(href) > MAX_URL_LENGTH:
            continue
        url = urljoin(context.url, href)
        split = urlsplit(url)
        if split.scheme not in ("http", "https") or split.netloc.lower() not in context.hosts:
            continue
        segments = path_segments(url)
        if len(segments) < 2 or language_of(url) != language or segments[1] in _SKIPPED:
            continue
        if page_kind(url) in ("content", "publicservice"):
            continue  # an article
        if is_image_url(url) or is_document_url(url) or "." in segments[-1]:
            continue  # a file
        candidate = _candidate(url)
        if is_listing_url(url):
            listing_forms.setdefault(candidate)
        elif menus.holds(anchor):
            named.setdefault(candidate)
    return [*listing_forms, *(url for url in named if url not in listing_forms)]
