"""Pictures of a page, however it serves them.

The platform lazy-loads its images: the served HTML of a gallery or of the video
section holds no ``<img>``, only ``<span class="lazy-load-image-background"
style="background-image:url(...)">`` with a blurred placeholder; other builds and
pasted CMS content use ``<img>`` with ``src``, ``data-src`` or ``srcset``, a
``<picture>``, or a ``<noscript>`` fallback.  Each of these is a *carrier* of one
picture; :func:`carriers` finds them all and :func:`picture_urls` reads one.
The URLs themselves (the image service's renditions and their original, placeholders)
are read by :mod:`crawler.platforms.mfa.image_urls`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast
from urllib.parse import parse_qsl, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.mfa.image_urls import (
    background_url,
    is_placeholder,
    original_url,
    srcset_best,
)
from crawler.platforms.page import ParsedPage, is_image_url
from crawler.urls import is_article_path

_LAZY_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url")
_BACKGROUND_ATTRIBUTES = ("data-bg", "data-background", "data-background-image", "data-bg-src")
_ICON_SUFFIXES = (".svg", ".ico")
_PROXY_PATH = "/_next/image"


def _candidates(element: HtmlElement) -> list[str]:
    """The URLs an element carries, the one a browser shows first: an ``<img>``'s
    ``src``, unless it is a placeholder and a lazy-loading attribute names the picture
    (lazysizes, lozad and their kin: ``data-src``, ``data-lazy-src``, ``data-original``,
    ``data-srcset``)."""
    found: list[str | None] = []
    if element.tag == "img":
        lazy = [element.get(a) for a in _LAZY_ATTRIBUTES]
        lazy.append(srcset_best(element.get("data-srcset")))
        src = element.get("src")
        if src and is_placeholder(src.strip()) and any(lazy):
            found += [*lazy, src]  # the placeholder last: it is only shown until then
        else:
            found += [src, *lazy]
        found += [srcset_best(element.get("srcset"))]
    elif element.tag == "source":
        found.append(srcset_best(element.get("srcset") or element.get("data-srcset")))
    style = element.get("style")
    if style and "url(" in style:
        found.append(background_url(style))
    found += [element.get(a) for a in _BACKGROUND_ATTRIBUTES]
    return [url.strip() for url in found if url and url.strip()]


def carriers(root: HtmlElement) -> Iterator[HtmlElement]:
    """Elements under ``root`` (itself included) that carry a picture, in document order.

    A ``<source>`` counts only when its ``<picture>`` has no usable ``<img>``.
    """
    return _carrying(root.iter())


def _carrying(elements: Iterable[HtmlElement]) -> Iterator[HtmlElement]:
    for element in elements:
        if not isinstance(element.tag, str) or element.tag in ("script", "template", "style"):
            continue
        if element.tag == "source":  # libxml2 may nest the <img> inside it
            picture = next(element.iterancestors("picture"), None)
            img = next(picture.iter("img"), None) if picture is not None else None
            if (
                picture is None
                or picture.tag != "picture"
                or (img is not None and _candidates(img))
            ):
                continue
        if _candidates(element):
            yield element


# Every element _candidates() may find a URL on, found by libxml2 (attributes selected
# and their elements taken: several times faster than a predicate on every element), so
# that the test in Python runs on a few elements of the page, not on all of them.
_MAY_CARRY = etree.XPath(
    " | ".join(
        [
            "descendant-or-self::img",
            "descendant-or-self::source",
            ".//@style[contains(., 'url(')]/..",
            *(f".//@{name}/.." for name in _BACKGROUND_ATTRIBUTES),
        ]
    )
)


class _CarrierIndex:
    """The page's carriers, by every element they lie under (themselves included)."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.under: dict[HtmlElement, list[HtmlElement]] = {}
        for carrier in _carrying(cast("list[HtmlElement]", _MAY_CARRY(root))):
            self.under.setdefault(carrier, []).append(carrier)
            for ancestor in carrier.iterancestors():
                self.under.setdefault(ancestor, []).append(carrier)

    def in_tree(self, element: HtmlElement) -> bool:
        top = element
        for top in element.iterancestors():  # noqa: B007 - the last one is wanted
            pass
        return top is self.root


def carriers_in(element: HtmlElement, page: ParsedPage) -> list[HtmlElement]:
    """:func:`carriers` of an element of the page, from one search of the whole page
    (the readers ask it of a link, a card, a box and every ancestor of a picture: one
    walk of each of their subtrees was the largest part of reading a gallery); an
    element outside the page's tree is walked.  The answer is shared, not to be changed."""
    index = page.memo.get(("carriers",))
    if index is None:
        index = page.memo[("carriers",)] = _CarrierIndex(page.root)
    assert isinstance(index, _CarrierIndex)
    found = index.under.get(element)
    if found is not None:
        return found
    return [] if index.in_tree(element) else list(carriers(element))


@dataclass(frozen=True)
class PictureUrls:
    """One picture: its original's URL (what the archive records) and the URL as served."""

    url: str
    served: str


def picture_urls(
    carrier: HtmlElement, page: ParsedPage, linked: bool = False
) -> PictureUrls | None:
    """The picture a carrier shows, or None for an icon of a link, a data: placeholder,
    or an image of another page (a related-news thumbnail, a share button); with
    ``linked``, a picture inside any link counts (a video's thumbnail links the video).

    A link around the picture to a full-size image wins over the picture's own URL.
    Memoised per page: a gallery's search asks it of every carrier again and again.
    """
    key = ("picture_urls", carrier, linked)
    if key in page.memo:
        return page.memo[key]  # type: ignore[return-value]
    found = page.memo[key] = _picture_urls(carrier, page, linked)
    return found


def _picture_urls(carrier: HtmlElement, page: ParsedPage, linked: bool) -> PictureUrls | None:
    served = None
    for candidate in _candidates(carrier):
        url = page.resolve(candidate)
        if urlsplit(url).scheme in ("http", "https"):
            served = url
            break
    if served is None or urlsplit(served).path.lower().endswith(_ICON_SUFFIXES):
        return None
    link = next(carrier.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    target = "" if not href or href.startswith(("#", "javascript:")) else page.resolve(href)
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and not is_image_url(target):
        host = (parts.hostname or "").lower()
        own = host in page.context.hosts or urlsplit(served).netloc.lower() == parts.netloc.lower()
        if not linked and (not own or is_article_path(parts.path)):
            return None
        target = ""
    full = target if target and is_image_url(target) else unproxied(served, page)
    return PictureUrls(url=original_url(full, page.context.image_hosts), served=served)


def unproxied(url: str, page: ParsedPage) -> str:
    """The picture behind Next.js's image proxy (``/_next/image?url=<original>&w=..``):
    the original's address, not the proxy's; other URLs as they are."""
    parts = urlsplit(url)
    if not parts.path.endswith(_PROXY_PATH):
        return url
    inner = next((v for k, v in parse_qsl(parts.query) if k == "url"), None)
    return page.resolve(inner) if inner else url


def video_link(item: HtmlElement, carrier: HtmlElement | None, page: ParsedPage) -> str | None:
    """Where a video item plays: the link around its thumbnail, a link or an embed in
    the item, or a ``data-*`` URL on it; None when only a script opens the player."""
    around = next(carrier.iterancestors("a"), None) if carrier is not None else None
    for element in ([around] if around is not None else []) + list(item.iter()):
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "src", "data-video", "data-video-url", "data-url", "data-src"):
            value = element.get(name)
            if not value or (name == "href" and element.tag != "a"):
                continue
            if name == "src" and element.tag not in ("iframe", "video", "source", "embed"):
                continue
            url = page.resolve(value)
            if urlsplit(url).scheme in ("http", "https") and not is_image_url(url):
                return url
    return None
