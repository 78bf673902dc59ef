"""Cards: the small boxes that link another article (listings, related news).

A card is a link to another article of the site with what surrounds it: thumbnail,
title, date, view counter.  The platform's card (``real-markup/listing-cards.html``)
holds the thumbnail and the title in the link and the date and the counter beside
it, so a card is the largest element around the link that links nothing else and
stays small.  A card's date and counter look exactly like the label-less template's
metadata, which is why the header search and the body skip whatever lies in a card.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.platforms.htmltext import BLOCKS
from crawler.platforms.mfa.media import carriers_in
from crawler.platforms.page import ParsedPage
from crawler.urls import decoded_path
from schemas.textform import header_tokens

MAX_CARD_CHARS = 500  # a card: a title, a date and a counter
MAX_UNLINKED_CHARS = 250  # a card's text beside its link: a title at most


@lru_cache(maxsize=4096)
def target_key(url: str) -> tuple[str, str]:
    """Host and decoded path: one key however the menu query or encoding differs."""
    parts = urlsplit(url)
    return (parts.hostname or "").lower().removeprefix("www."), decoded_path(parts.path).rstrip("/")


@dataclass
class Cards:
    """The page's cards: container element -> the article it links."""

    containers: dict[HtmlElement, str] = field(default_factory=dict)
    _rich: dict[HtmlElement, bool] = field(default_factory=dict)

    def container_of(self, element: HtmlElement) -> HtmlElement | None:
        """The card ``element`` lies in, if any."""
        for node in (element, *element.iterancestors()):
            if node in self.containers:
                return node
        return None

    def card_of(self, element: HtmlElement) -> str | None:
        """The article linked by the card ``element`` lies in, if any."""
        container = self.container_of(element)
        return None if container is None else self.containers[container]

    def rich(self, container: HtmlElement, page: ParsedPage) -> bool:
        """A card as listings and related news show them: with a picture, a date or a
        counter, or one of a row of cards; not a lone link in a paragraph."""
        known = self._rich.get(container)
        if known is None:
            known = self._rich[container] = self._is_rich(container, page)
        return known

    def _is_rich(self, container: HtmlElement, page: ParsedPage) -> bool:
        if container.find(".//img") is not None or bool(carriers_in(container, page)):
            return True
        if any(header_tokens(line) for line in page.lines(container)):
            return True
        parent = container.getparent()
        siblings = [] if parent is None else [c for c in parent if c is not container]
        return any(
            s in self.containers or any(d in self.containers for d in s.iterdescendants())
            for s in siblings
        )


def _block_of(element: HtmlElement) -> HtmlElement:
    for node in element.iterancestors():
        if node.tag in BLOCKS:
            return node
    return element


def header_counts(element: HtmlElement, page: ParsedPage) -> tuple[int, int]:
    """How many dates and view counters ``element`` shows on lines of their own."""
    dates = counters = 0
    for line in page.lines(element):
        for name, _value in header_tokens(line) or ():
            if name == "view_count":
                counters += 1
            else:
                dates += 1
    return dates, counters


def _is_card_link(link: HtmlElement, page: ParsedPage) -> bool:
    """A link that stands for an article, not a link inside a sentence: it is most of
    the text around it, a date and a counter beside it aside (a list of short titles,
    each with "date | N view")."""
    if link.find(".//img") is not None or any(c.tag in BLOCKS for c in link.iter()):
        return True
    if carriers_in(link, page):
        return True  # a thumbnail: a lazy-loading span, a background picture
    own = page.text_length(link)
    if own == 0:
        return False
    block = _block_of(link)
    around = page.text_length(block)
    if 2 * own >= around:
        return True
    beside = sum(len(line) - line.count(" ") for line in page.lines(block) if header_tokens(line))
    return 2 * own >= around - beside


class CardFinder:
    """Finds the card around one link at a time (a listing reads only the links it
    keeps: a page of 100,000 links costs its first few hundred)."""

    def __init__(self, page: ParsedPage, avoid: list[HtmlElement] | None = None) -> None:
        self.page, self.cards = page, Cards()
        self.own = target_key(page.context.url)
        self.guarded = {a for element in avoid or [] for a in (element, *element.iterancestors())}
        self._reach: dict[HtmlElement, set[tuple[str, str]]] = {}  # what it links (<= 3)
        self._counts: dict[HtmlElement, tuple[int, int]] = {}

    def _shown(self, element: HtmlElement) -> tuple[int, int]:
        counts = self._counts.get(element)
        if counts is None:
            counts = self._counts[element] = header_counts(element, self.page)
        return counts

    def add(self, link: HtmlElement, url: str) -> HtmlElement | None:
        """The card of ``link`` (registered), or None for a link that is no card."""
        page, key = self.page, target_key(url)
        if key == self.own or not _is_card_link(link, page):
            return None
        container = link
        for ancestor in link.iterancestors():
            if (
                ancestor is page.root
                or ancestor in self.guarded
                or ancestor.tag in ("body", "html")
            ):
                break
            targets = self._reach.get(ancestor)
            if targets is None:
                targets = self._reach[ancestor] = _targets(ancestor, page)
            if targets - {key, self.own} or page.text_length(ancestor) > MAX_CARD_CHARS:
                break
            linked = sum(
                page.text_length(a) for a, u in page.links(ancestor) if target_key(u) == key
            )
            if page.text_length(ancestor) - linked > MAX_UNLINKED_CHARS:
                break
            if max(self._shown(ancestor)) > 1:
                break  # a card shows one date and one counter: two are two things
            container = ancestor
        self.cards.containers.setdefault(container, url)
        return container


def find_cards(page: ParsedPage, avoid: list[HtmlElement] | None = None) -> Cards:
    """Every card of the page; a card never holds an element of ``avoid`` (the
    page's own title and metadata)."""
    finder = CardFinder(page, avoid)
    for link, url in page.article_links(page.root):
        finder.add(link, url)
    return finder.cards


def _targets(element: HtmlElement, page: ParsedPage) -> set[tuple[str, str]]:
    """What an element links, up to three distinct targets (enough to tell a card)."""
    found: set[tuple[str, str]] = set()
    for _anchor, url in page.links(element):
        if _is_web(url):
            found.add(target_key(url))
            if len(found) > 2:
                break
    return found


def _is_web(url: str) -> bool:
    """A link that leads somewhere (in-page and script links do not)."""
    return urlsplit(url).scheme in ("http", "https")
