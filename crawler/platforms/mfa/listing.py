"""Listing pages: a page of article cards, whatever its path.

The platform lists articles at ``/<lang>/content-category/<name>?p=N`` and at
``/<lang>/page/<name>?menu=<id>&p=N``, in a grid or a list of cards (a thumbnail and
a title in a link to ``/<lang>/content/<slug>?page=<id>``, the card's date and a view
counter beside it).  Side menus link other pages of the site with nothing
around the links: where the page's cards show dates or pictures, links with neither are
left out unless they lead to a news article (a featured strip); where none does (a page
past the last one, a bare list of links), links in a menu list (a ``<ul>`` or ``<ol>``
of items that are each one link) are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml.html import HtmlElement

from crawler.platforms.mfa.cards import CardFinder, target_key
from crawler.platforms.mfa.media import carriers_in, picture_urls
from crawler.platforms.page import ParsedPage
from crawler.urls import page_kind
from schemas.dates import DateParseError, parse_platform_date
from schemas.textform import header_tokens


@dataclass(frozen=True)
class ListingCard:
    """One article linked from a listing, with what its card shows: a date, a title, a
    thumbnail (evidence the article's reading is checked with)."""

    url: str
    card_date: date | None
    title: str | None = None
    image: str | None = None


def card_title(container: HtmlElement, page: ParsedPage) -> str | None:
    """The title a card shows: the platform's ``div[title]``, else its first line that is
    not its date or its counter."""
    for element in container.iter():
        named = element.get("title") if isinstance(element.tag, str) else None
        if named and named.strip() and element.tag != "a":
            return " ".join(named.split())
    for line in page.lines(container):
        if header_tokens(line) or not line.strip() or line.replace(",", "").strip().isdigit():
            continue
        return line.strip()
    return None


def card_image(container: HtmlElement, page: ParsedPage) -> str | None:
    """The thumbnail a card shows (as served)."""
    for carrier in carriers_in(container, page):
        urls = picture_urls(carrier, page, linked=True)
        if urls is not None:
            return urls.served
    return None


def card_date(container: HtmlElement, page: ParsedPage) -> date | None:
    """The first date a card shows: in the card, else in the row right after it when
    that row links nothing (a list layout, or markup whose card closed early)."""
    following = container.getnext()
    rows = [container]
    if following is not None and isinstance(following.tag, str) and not page.links(following):
        rows.append(following)
    for row in rows:
        linked = [text for anchor, _url in page.links(row) for text in page.lines(anchor)]
        for line in page.lines(row):
            unlinked = line
            for text in linked:  # "13 Sep 2021 Read more": the date beside a link
                unlinked = unlinked.replace(text, " ")
            for candidate in dict.fromkeys((line, unlinked.strip())):
                try:
                    return parse_platform_date(candidate)
                except DateParseError:
                    continue
    return None


def read_cards(page: ParsedPage, limit: int) -> tuple[list[ListingCard], bool]:
    """The listing's cards in order, each article once, from its first ``limit``
    article links; and whether it has more (a hostile page may hold 100,000)."""
    own = target_key(page.context.url)
    finder = CardFinder(page)
    found: dict[tuple[str, str], tuple[ListingCard, bool, bool]] = {}
    links = page.article_links(page.root)
    for link, url in links[:limit]:
        key = target_key(url)
        if key == own or (key in found and found[key][1]):
            continue
        container = finder.add(link, url)
        container = link if container is None else container
        shown = card_date(container, page)
        pictured = shown is not None or bool(carriers_in(container, page))
        if key not in found or pictured:  # the card wins over a bare link seen before it
            found.pop(key, None)  # and stands where the card stands
            card = ListingCard(url, shown, card_title(container, page), card_image(container, page))
            found[key] = (card, pictured, _in_menu(link))
    more = len(links) > limit
    cards = list(found.values())
    if any(pictured for _card, pictured, _menu in cards):
        # a bare link beside the cards (a featured strip, a list of the latest news) to
        # a news article is followed too: no article of the site is left behind; bare
        # links to other pages (/page/: menus) are not
        return [c for c, pictured, _m in cards if pictured or _is_news(c.url)], more
    return [card for card, _pictured, menu in cards if not menu], more


def _is_news(url: str) -> bool:
    return page_kind(url) in ("content", "publicservice")


def _in_menu(link: HtmlElement) -> bool:
    """A link that is one item of a list of links (a menu)."""
    item = next(link.iterancestors("li"), None)
    listing = item.getparent() if item is not None else None
    if listing is None or listing.tag not in ("ul", "ol"):
        return False
    items = [child for child in listing if child.tag == "li"]
    return len(items) >= 2 and all(len(child.findall(".//a")) == 1 for child in items)
