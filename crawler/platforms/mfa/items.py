"""Gallery and video items: a picture with what belongs to it (caption, title, link).

The platform's video section (``real-markup/article-body-and-video-section.html``)
shows per video a lazy thumbnail, a play icon and a ``div[title]`` with the video's
title; galleries are slides of pictures, with or without captions.  An *item* is the
largest element around one picture that holds no other picture and stays small; what
the item shows or names is the picture's caption, or the video's title.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.platforms.mfa.media import PictureUrls, carriers_in, picture_urls
from crawler.platforms.mfa.vocabulary import is_decoration
from crawler.platforms.page import ParsedPage, one_line

MAX_ITEM_CHARS = 300
VIDEO_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "facebook.com",
    "fb.watch",
    "dailymotion.com",
)


def pictures_in(
    element: HtmlElement, page: ParsedPage, linked: bool = False
) -> dict[str, PictureUrls]:
    """The distinct pictures under ``element``, by original URL (``linked``: those in
    links to other pages too).  Memoised per page (an item's search asks it of every
    ancestor of every picture): the answer is shared, not to be changed."""
    key = ("pictures_in", element, linked)
    known = page.memo.get(key)
    if known is not None:
        return known  # type: ignore[return-value]
    found: dict[str, PictureUrls] = {}
    for carrier in carriers_in(element, page):
        urls = picture_urls(carrier, page, linked)
        if urls is not None:
            found.setdefault(urls.url, urls)
    page.memo[key] = found
    return found


def item_of(
    carrier: HtmlElement, url: str, page: ParsedPage, stop: set[HtmlElement]
) -> HtmlElement:
    """The largest element around ``carrier`` that shows no other picture, holds none
    of ``stop`` (a section heading) and stays small."""
    item = carrier
    for ancestor in carrier.iterancestors():
        if ancestor in stop or ancestor.tag in ("body", "html") or ancestor is page.root:
            break
        if stop and any(s in stop for s in ancestor.iterdescendants()):
            break
        others = set(pictures_in(ancestor, page, linked=True)) - {url}
        if others or page.text_length(ancestor) > MAX_ITEM_CHARS:
            break
        item = ancestor
    return item


def _attribute(item: HtmlElement, carrier: HtmlElement, name: str) -> str | None:
    for element in (carrier, *item.iter()):
        if isinstance(element.tag, str) and (value := one_line(element.get(name))):
            return value
    return None


def item_text(item: HtmlElement, carrier: HtmlElement, page: ParsedPage, shown: bool) -> str | None:
    """What names the item's picture: a figcaption; its visible text (``shown``: for
    gallery and video items, not for a picture inside a paragraph); a ``title``; the
    alt text; an ``aria-label``."""
    figure = next((e for e in (carrier, *carrier.iterancestors()) if e.tag == "figure"), None)
    caption = figure.find(".//figcaption") if figure is not None else None
    if caption is not None and (text := one_line(" ".join(page.lines(caption)))):
        return text
    if shown:
        lines = [line for line in page.lines(item) if not is_decoration(line)]
        if text := one_line(" ".join(lines)):
            return text
    for name in ("title", "alt", "aria-label"):
        if value := _attribute(item, carrier, name):
            return value
    return None


def is_video_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS)


MAX_CAPTION_CHARS = 150
MAX_UNCAPTIONED_CHARS = 20  # a gallery's own text beside its items: "1 / 5", arrows
MEDIA_DEPTH = 8  # a slider nests a picture about six elements deep


def media_container(
    owner: HtmlElement,
    has_text: bool,
    page: ParsedPage,
    guarded: set[HtmlElement],
    cache: dict[HtmlElement, int],
) -> HtmlElement | None:
    """The gallery an element lies in when no heading says so: the nearest element with
    two pictures or more and no more text than captions (or a ``<figure>``); never one
    of ``guarded`` (the metadata block's ancestors)."""
    for depth, element in enumerate((owner, *owner.iterancestors())):
        if element.tag in ("figure", "figcaption") and has_text:
            return element
        if depth > MEDIA_DEPTH or element in guarded or element.tag in ("body", "html"):
            return None
        count = cache.get(element)
        if count is None:
            count = cache[element] = _caption_sized(element, page)
        if count:
            return element
    return None


def _caption_sized(element: HtmlElement, page: ParsedPage) -> int:
    """How many pictures ``element`` shows if it is a gallery: two or more, its text no
    more than their captions, and that text in the pictures' own items (a paragraph
    beside a picture in pasted CMS content is body, however short); else 0."""
    pictures = pictures_in(element, page)
    lines = page.lines(element)
    if len(pictures) < 2 or any(len(line) > MAX_CAPTION_CHARS for line in lines):
        return 0
    total = page.text_length(element)
    if total > 100 * len(pictures):
        return 0
    items = {
        item_of(carrier, urls.url, page, set())
        for carrier in carriers_in(element, page)
        if (urls := picture_urls(carrier, page)) is not None
    }
    captions = sum(page.text_length(item) for item in items)
    return len(pictures) if total - captions <= MAX_UNCAPTIONED_CHARS else 0


def section_root(
    owner: HtmlElement, page: ParsedPage, guarded: set[HtmlElement]
) -> HtmlElement | None:
    """The largest element that begins with a section heading and holds what it heads;
    None when the heading stands alone (its section runs to the next heading)."""
    root = None
    first = page.lines(owner)[0]
    for ancestor in owner.iterancestors():
        if ancestor in guarded or ancestor.tag in ("body", "html"):
            break
        lines = page.lines(ancestor)
        if not lines or lines[0] != first:
            break
        root = ancestor
    return root
