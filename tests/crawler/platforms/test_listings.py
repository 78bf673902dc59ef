"""Listing pages of the replica in every card markup and under both URL forms: every
card found, in order, with the date it shows; nothing else (side menu, pager)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.platforms.mfa import PageContext, read_platform_page
from replica.content import load_pages
from replica.render import LISTING_FORMS, PAGE_SIZE, Theme, listing_html, listing_path
from tests.conftest import SHARED

PAGES = load_pages(SHARED)
BASE = "https://www.mfa.go.th"


@pytest.mark.parametrize("markup", LISTING_FORMS)
@pytest.mark.parametrize("form", ["page", "category"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_every_card_is_found_with_its_date(markup: str, form: str, language: str) -> None:
    pages = sorted(
        (p for p in PAGES if p.language == language and p.broken != "error"),
        key=lambda p: p.sort_date(),
        reverse=True,
    )
    html = listing_html(Theme(seed=7, fuzz=True), language, pages, 1, form, markup)
    url = BASE + listing_path(language, form)
    read = read_platform_page(lxml_html.document_fromstring(html.encode()), PageContext.of(url))
    assert read.kind == "listing"
    shown = pages[:PAGE_SIZE]
    assert [card.url for card in read.cards] == [BASE + p.href for p in shown]
    assert [card.card_date for card in read.cards] == [p.sort_date() for p in shown]
    assert [card.title for card in read.cards] == [p.title or p.path for p in shown]
    assert all(card.image and "/c_c_400x300/" in card.image for card in read.cards)


@pytest.mark.parametrize("served", ["page", "category"])
@pytest.mark.parametrize("linked", ["page", "category"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_a_page_past_the_end_has_no_card_whatever_form_its_pager_links(
    served: str, linked: str, language: str
) -> None:
    """Past the last page only the pager is left; its links (``?p=N``, of the
    ``/<lang>/page/<name>`` form an article path has) are pages of the listing, never
    article cards.  Read as a card, the pager's first link was requested as an article
    (a 404 where the site serves the other form), and the walk never ended cleanly."""
    pages = [p for p in PAGES if p.language == language]
    past = -(-len(pages) // PAGE_SIZE) + 1
    html = listing_html(Theme(seed=7, fuzz=True), language, pages, past, linked)
    url = f"{BASE}{listing_path(language, served)}"
    url += f"{'&' if '?' in url else '?'}p={past}"
    read = read_platform_page(lxml_html.document_fromstring(html.encode()), PageContext.of(url))
    assert read.kind != "listing" or read.cards == []
