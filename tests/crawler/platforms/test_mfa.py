"""The platform extractor on page fixtures: ``fixtures/<case>/input.html`` beside ``expected.json``.

Five cases are pages of the replica (class names drawn at random, expected fields
from the corpus text); the others are written by hand to shapes the replica does not
make: a flat layout with all fields on one line, a wrapped header with figures,
lazy-loaded images with links to the site under its other host name, hidden text and
an attachment-only block, a breadcrumb without ARIA, the view counter first and labels
followed by a colon.  Seven more come from a check by someone who had not seen the
extractor, writing layouts of their own: the title and dates in an ``<article>``'s own
``<header>``, a label-less page after a sidebar or a featured card, a tag row on one
line, a site logo that ``<title>`` names, a headline after the dates; and seven from a
second such check: pictures between paragraphs, the header on one line joined by
" · ", picture URLs with parentheses, a photo-only page with a back link, a video-only
page with the title under the player; and two from a third check, which crawled a
replica of its own: a tag row of comma-separated links, a paragraph that is a link to a
Facebook post (content, not a share button).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from crawler.platforms.mfa import PageContext, extract_article, listing_cards
from crawler.platforms.page import ParsedPage
from schemas import NotAnArticle, build_content
from schemas.models import COPY_FIELDS

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.html").exists())
CRAWLER = Path(__file__).parents[3] / "crawler"


def _load(case: str) -> tuple[Any, dict[str, Any]]:
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    page = lxml_html.document_fromstring((FIXTURES / case / "input.html").read_bytes())
    return page, expected


@pytest.mark.parametrize("case", CASES)
def test_article_fields(case: str) -> None:
    page, expected = _load(case)
    aliases = frozenset(expected.get("aliases", []))
    raw = extract_article(page, PageContext.of(expected["url"], aliases))
    assert raw.title == expected["title"]
    assert raw.imported_date_raw == expected["imported_date_raw"]
    assert raw.updated_date_raw == expected["updated_date_raw"]
    assert raw.view_count == expected["view_count"]
    assert raw.body == expected["body"]
    images = [i.model_dump(exclude=set(COPY_FIELDS)) for i in raw.images]
    keys = [set(image) for image in expected["images"]]
    assert [
        {k: v for k, v in i.items() if k in ks} for i, ks in zip(images, keys, strict=False)
    ] == (expected["images"])
    assert len(images) == len(expected["images"])
    assert [v.model_dump(exclude=set(COPY_FIELDS)) for v in raw.videos] == expected.get(
        "videos", []
    )
    assert [a.model_dump(exclude=set(COPY_FIELDS)) for a in raw.attachments] == expected[
        "attachments"
    ]


def test_page_without_a_date_is_not_an_article() -> None:
    page, expected = _load("no-date-page")
    with pytest.raises(NotAnArticle, match="no date"):
        build_content(extract_article(page, PageContext.of(expected["url"])))


def test_nothing_of_the_page_chrome_gets_into_the_sample() -> None:
    page, expected = _load("sample-th-labels")
    raw = extract_article(page, PageContext.of(expected["url"]))
    text = "\n".join(raw.body)
    for noise in ("ข่าวที่เกี่ยวข้อง", "หน้าหลัก", "443 ถนนศรีอยุธยา", "facebook"):
        assert noise not in text
    assert all(
        image.url and image.url.startswith("https://image.mfa.go.th/") for image in raw.images
    )


def test_listing_cards_with_their_dates() -> None:
    url = "https://www.mfa.go.th/th/content-category/ข่าวเด่น?p=2"
    page = lxml_html.document_fromstring((FIXTURES / "listing-page.html").read_bytes())
    cards = listing_cards(page, PageContext.of(url))
    assert len(cards) == 10
    assert all("/content-category/" not in card.url for card in cards)
    assert all(card.card_date is not None for card in cards)
    dates = [card.card_date for card in cards if card.card_date is not None]
    assert len(dates) == 10 and dates == sorted(
        dates, reverse=True
    )  # newest first, as the listing shows them


def test_a_card_date_beside_a_read_more_link() -> None:
    url = "https://www.mfa.go.th/en/content-category/press-release"
    page = lxml_html.document_fromstring((FIXTURES / "listing-date-beside-link.html").read_bytes())
    cards = listing_cards(page, PageContext.of(url))
    assert [card.url.rsplit("/", 1)[1] for card in cards] == [
        f"news-{n}?cate=5d5bcb4e15e39c306000683e" for n in range(3)
    ]
    assert [str(card.card_date) for card in cards] == ["2021-09-13"] * 3


def test_cards_with_a_thumbnail_link_and_a_title_link() -> None:
    url = "https://www.mfa.go.th/th/content-category/news?p=2"
    html = (FIXTURES / "listing-thumbnail-and-title-links.html").read_bytes()
    cards = listing_cards(lxml_html.document_fromstring(html), PageContext.of(url))
    assert [(card.url.split("/")[-1], str(card.card_date)) for card in cards] == [
        ("news-0?cate=5d5bcb4e15e39c3060006830", "2021-09-13"),
        ("news-1?cate=5d5bcb4e15e39c3060006831", "2023-08-09"),
        ("news-2?cate=5d5bcb4e15e39c3060006832", "2020-12-17"),
    ]


def test_a_bare_link_before_the_card_of_the_same_article_loses_nothing() -> None:
    """A featured strip links an article before its card does: the card is followed."""
    url = "https://www.mfa.go.th/th/page/news?menu=5d5bd3c915e39c306002a907&p=1"
    html = (FIXTURES / "listing-featured-strip.html").read_bytes()
    cards = listing_cards(lxml_html.document_fromstring(html), PageContext.of(url))
    assert [(card.url.split("/")[-1].split("?")[0], str(card.card_date)) for card in cards] == [
        ("border-press-181168", "2025-11-18"),
        ("weeklypressbriefing171024", "2024-10-17"),
    ]


def test_no_parsing_code_names_a_styled_jsx_class() -> None:
    for source in CRAWLER.rglob("*.py"):
        assert not re.search(r"jsx-", source.read_text(encoding="utf-8")), source


BOILERPLATE_XPATH = etree.XPath(
    "//*[((self::header or self::footer)"
    " and not(ancestor::article or ancestor::main or ancestor::section))"
    " or self::nav or self::aside or self::form"
    " or self::button or self::dialog or self::select or self::input or self::textarea"
    " or @role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='complementary' or @role='search'"
    " or (@aria-label and contains(translate(@aria-label, 'BREADCUM', 'breadcum'), 'breadcrumb'))"
    " or (@class and contains(@class, 'readcrumb') and contains(concat(' ',"
    " normalize-space(translate(@class, 'BREADCUM', 'breadcum')), ' '), ' breadcrumb '))]"
)
"""The rule of boilerplate as one XPath (the reader used it until it was found to cost a
tenth of reading an article): the reference the faster finder is held to."""


def test_the_boilerplate_found_in_python_is_the_one_xpath_selects() -> None:
    """The boilerplate is found by tag and attribute, then tested in Python (faster): on
    every corpus page in 30 layouts, the real fragments, and edge cases of the test, it
    is what the one XPath it replaces selects, in the same order."""
    from crawler.platforms.mfa import boilerplate
    from crawler.platforms.page import elements
    from tests.conftest import SHARED

    documents = _layout_documents()
    documents.append(
        "<html><body><main><header>own</header></main><header>banner</header>"
        "<div class='x  BreadCrumb\tY' role='search'>a</div><div class='breadcrumbs'>b</div>"
        "<p aria-label='Your BREADCRUMB'>c</p><p role='Navigation'>d</p>"
        "<section><footer><nav>e</nav></footer></section><input></body></html>"
    )
    documents += [p.read_text("utf-8") for p in (SHARED / "real-markup").glob("*.html")]
    found = 0
    for text in documents:
        root = lxml_html.document_fromstring(text)
        assert boilerplate(root) == elements(BOILERPLATE_XPATH, root)
        found += len(boilerplate(root))
    assert found > len(documents)  # the layouts have boilerplate to find
    edge = lxml_html.document_fromstring(
        documents[-len(list(SHARED.glob("real-markup/*.html"))) - 1]
    )
    assert [e.text for e in boilerplate(edge)] == ["banner", "a", "c", "e", None]


def _layout_documents() -> list[str]:
    """Corpus pages of the replica in 30 layouts (a few pages each)."""
    from replica.article_page import article_page
    from replica.content import load_pages
    from replica.layouts import Layout
    from tests.conftest import SHARED

    pages = load_pages(SHARED)
    return [
        article_page(page, pages[:3], "https://www.mfa.go.th" + page.href, Layout.draw(n))[0]
        for n in range(30)
        for page in pages[n % 3 :: 10]
    ]


def _every_element(documents: list[str]) -> Iterator[tuple[str, ParsedPage, Any]]:
    """Each element of each document, with the document and its page."""
    for text in documents:
        root = lxml_html.document_fromstring(text)
        page = ParsedPage(root, PageContext.of("https://www.mfa.go.th/th/content/x"))
        for element in root.iter():
            if isinstance(element.tag, str):
                yield text, page, element


def test_the_carriers_found_once_per_page_are_those_of_each_walk() -> None:
    """The readers ask which pictures an element carries from an index built once per
    page (faster): for every element of every corpus page in 30 layouts, the real
    fragments, the fixtures and the edge cases below, it is what walking the element
    finds, in the same order; an element outside the page is walked."""
    from crawler.platforms.mfa.media import carriers, carriers_in
    from tests.conftest import SHARED

    documents = _layout_documents()
    documents += [p.read_text("utf-8") for p in (SHARED / "real-markup").glob("*.html")]
    documents += [(FIXTURES / case / "input.html").read_text("utf-8") for case in CASES]
    documents.append(
        "<html><body><div id='a'><picture><source srcset='/s.webp 2x'><img></picture>"
        "<picture><source srcset='/t.webp'><img src='/t.jpg'></picture>"
        "<template><img src='/in-template.jpg'></template>"
        "<span style='background: url(/b.jpg)'><b style='x:url(/no.jpg)'></b>"
        "<i data-background-image='/c.jpg'></i><i data-bg=''></i></span>"
        "<img src='data:image/gif;base64,R0lGOD' data-src='/lazy.jpg'>"
        "<img src=' '><style>.x{background:url(/css.jpg)}</style></div></body></html>"
    )
    found = 0
    for text, page, element in _every_element(documents):
        assert carriers_in(element, page) == list(carriers(element)), text[:200]
        if element is page.root:
            found += len(carriers_in(element, page))
    assert found > len(documents)  # the pages have pictures to find
    edge = lxml_html.document_fromstring(documents[-1])
    page = ParsedPage(edge, PageContext.of("https://www.mfa.go.th/th/content/x"))
    assert [e.tag for e in carriers_in(edge, page)] == ["source", "img", "img", "span", "i", "img"]
    outside = lxml_html.fromstring("<div><img src='/elsewhere.jpg'></div>")
    assert [e.get("src") for e in carriers_in(outside, page)] == ["/elsewhere.jpg"]


def test_the_lines_the_page_remembers_are_those_of_a_walk() -> None:
    """What keeps spaces is asked once per element and passed down (faster): every
    element's lines, and every run of inline content, are what a walk that looks at the
    ancestors itself finds, on a page of each layout, the fixtures and pre-formatted
    text (the fuzzer reads hundreds of layouts with it)."""
    from crawler.platforms.htmltext import element_lines, run_lines

    documents = _layout_documents()[::6]  # about a page a layout: each element is walked
    documents += [(FIXTURES / case / "input.html").read_text("utf-8") for case in CASES]
    documents.append(
        "<html><body><div style='white-space: pre-wrap'><p>a  b</p><div style='white-space:"
        " normal'>c  d<span>  e </span></div></div><pre><b>  f\n g</b></pre>"
        "<section>  h  <i> i </i></section></body></html>",
    )
    documents.append(  # the only preserving rule, its name in capitals
        "<html><body><div style='White-Space: PRE'><p>a    b\n  c<b> d  </b></p></div>"
        "</body></html>"
    )
    preserving = 0
    for text, page, element in _every_element(documents):
        assert page.lines(element) == element_lines(element), text[:200]
        run: list[Any] = [element.text or "", *element]
        assert run_lines(element, run, page.inherits(element)) == run_lines(element, run)
        preserving += page.inherits(element)
    assert preserving  # pre-formatted text was there to inherit
