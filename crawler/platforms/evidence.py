"""What a page says of itself besides what it shows, and what the listing card that
linked it said: the evidence every reading is checked against.

Nobody here can reach the real platform, and its templates change with every deploy; a
reading that goes wrong must show on the first run after the change.  Besides the
visible page, a fetched page carries its own claims in its head -- the document
``<title>``, ``og:title`` / ``og:image`` / ``article:published_time``, JSON-LD
(``NewsArticle``: ``headline``, ``datePublished``, ``dateModified``, ``image``),
Next.js page props (``__NEXT_DATA__``) -- and the listing card the crawler followed
named its title, date and thumbnail.  Each is a :class:`Claim` with its source; the
platform's reader compares its reading with them (:mod:`crawler.platforms.mfa.confirm`).
Evidence is never a field's value by itself: the text form stays what the page shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from schemas.assess import BANGKOK

_META = etree.XPath("/html/head/meta[@property or @name][@content]")
_TITLE = etree.XPath("/html/head/title")
_SCRIPTS = etree.XPath(
    "//script[@type='application/ld+json' or @id='__NEXT_DATA__' or contains(., '__NEXT_DATA__')]"
)
_ASSIGNED = re.compile(r"__NEXT_DATA__\s*=\s*(\{.*\})\s*;?\s*$", re.DOTALL)
TITLE_META = {"og:title": "og:title", "twitter:title": "twitter:title"}
IMAGE_META = {"og:image": "og:image", "og:image:url": "og:image", "twitter:image": "twitter:image"}
DATE_META = ("article:published_time", "article:modified_time")
ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle"}
_NEXT_TITLE_KEYS = ("title", "headline", "name")
_NEXT_DATE_KEYS = (
    "publishedAt",
    "published_at",
    "createdAt",
    "created_at",
    "datePublished",
    "publishDate",
    "publish_date",
    "date",
)
_NEXT_IMAGE_KEYS = ("image", "thumbnail", "cover", "coverImage", "imageUrl", "featuredImage")
_NEXT_BODY_KEYS = ("content", "body", "detail", "description", "html")


@dataclass(frozen=True)
class Claim:
    """One thing a source says of the page: a title, a date or a picture's URL."""

    source: str
    value: str | date


@dataclass(frozen=True)
class CardClaims:
    """What the listing card that linked the page showed (the crawler passes it along)."""

    title: str | None = None
    date: date | None = None
    image: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Every claim found, by field; ``headings``: texts of headings the reader left out
    as page chrome (a title block inside the page's banner), which a claim may name."""

    titles: tuple[Claim, ...] = ()
    dates: tuple[Claim, ...] = ()
    images: tuple[Claim, ...] = ()
    headings: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.titles or self.dates or self.images)


def sources(claims: list[Claim]) -> list[str]:
    """The sources of ``claims``, each once, in order (what a record's ``evidence`` lists)."""
    return list(dict.fromkeys(claim.source for claim in claims))


def _bangkok_date(text: str) -> date | None:
    """The day a timestamp falls on in Bangkok (a bare date is that day)."""
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(BANGKOK).date()


def _strings(value: Any) -> Iterator[str]:
    """Image URLs as JSON-LD writes them: a string, an ImageObject, or a list of either."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from _strings(value.get("url") or value.get("contentUrl") or value.get("src"))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a document (``@graph``, lists, nesting)."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(kind in ARTICLE_TYPES for kind in kinds if isinstance(kind, str))


class _Collector:
    def __init__(self, base: str) -> None:
        self.base = base
        self.titles: list[Claim] = []
        self.dates: list[Claim] = []
        self.images: list[Claim] = []

    def title(self, source: str, value: Any) -> None:
        """A title claim; an address where a title should be (a card of an untitled page
        showing its path) names no title."""
        text = " ".join(value.split()) if isinstance(value, str) else ""
        if text and not text.startswith(("/", "http://", "https://")):
            self.titles.append(Claim(source, text))

    def date(self, source: str, value: Any) -> None:
        found = _bangkok_date(value) if isinstance(value, str) else None
        if found is not None:
            self.dates.append(Claim(source, found))

    def image(self, source: str, value: Any) -> None:
        for url in _strings(value):
            if url.strip() and not url.startswith("data:"):
                self.images.append(Claim(source, urljoin(self.base, url.strip())))

    def json_ld(self, document: Any) -> None:
        for item in _objects(document):
            if _is_article(item):
                self.title("json-ld", item.get("headline") or item.get("name"))
                self.date("json-ld", item.get("datePublished"))
                self.date("json-ld", item.get("dateModified"))
                self.image("json-ld", item.get("image"))

    def next_data(self, document: Any) -> None:
        """Next.js page props: the object that holds a title beside a body or a date."""
        props = document.get("props", {}).get("pageProps") if isinstance(document, dict) else None
        for item in _objects(props):
            if not any(k in item for k in (*_NEXT_BODY_KEYS, *_NEXT_DATE_KEYS)):
                continue
            title = next((item[k] for k in _NEXT_TITLE_KEYS if isinstance(item.get(k), str)), None)
            if title is None:
                continue
            self.title("next-data", title)
            for key in _NEXT_DATE_KEYS:
                self.date("next-data", item.get(key))
            for key in _NEXT_IMAGE_KEYS:
                self.image("next-data", item.get(key))
            return  # the page's own object: the first one found


def _script_json(script: HtmlElement) -> Any:
    text = script.text or ""
    if script.get("type") != "application/ld+json" and script.get("id") != "__NEXT_DATA__":
        match = _ASSIGNED.search(text)
        text = match.group(1) if match else ""
    try:
        return json.loads(text) if text.strip() else None
    except ValueError:
        return None


def _found(xpath: etree.XPath, root: HtmlElement) -> list[HtmlElement]:
    return cast("list[HtmlElement]", xpath(root))


def page_evidence(
    root: HtmlElement,
    url: str,
    card: CardClaims | None = None,
    headings: tuple[str, ...] = (),
) -> Evidence:
    """The evidence ``root`` (the whole document, before any part is dropped) carries,
    with the card that linked it."""
    found = _Collector(url)
    for element in _found(_TITLE, root):
        found.title("title", element.text_content())
    for meta in _found(_META, root):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = meta.get("content")
        if name in TITLE_META:
            found.title(TITLE_META[name], content)
        elif name in IMAGE_META:
            found.image(IMAGE_META[name], content)
        elif name in DATE_META:
            found.date(name, content)
    for script in _found(_SCRIPTS, root):
        document = _script_json(script)
        if script.get("type") == "application/ld+json":
            found.json_ld(document)
        elif document is not None:
            found.next_data(document)
    if card is not None:
        found.title("card", card.title)
        if card.date is not None:
            found.dates.append(Claim("card", card.date))
        found.image("card", card.image)
    return Evidence(tuple(found.titles), tuple(found.dates), tuple(found.images), headings)
