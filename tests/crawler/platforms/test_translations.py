"""The page's links to itself in other languages, from the language switch and the head."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest

from crawler.platforms.mfa import PageContext, extract_article
from crawler.platforms.mfa.translations import translation_links
from replica.content import load_pages
from replica.render import Theme, article_html
from tests.conftest import SHARED

URL = (
    "https://www.mfa.go.th/th/content/weekly-press-briefing-191125-th?cate=5d5bcb4e15e39c306000683d"
)
CONTEXT = PageContext.of(URL, frozenset({"mfa.go.th"}))
EN = "https://www.mfa.go.th/en/content/weekly-press-briefing-191125-en"
EN_PAIR = "/en/content/aseancanada2020-en?cate=5d5bcb4e15e39c306000683e"


def _links(html: str) -> list[tuple[str, str]]:
    root = lxml.html.document_fromstring(f"<html><head></head><body>{html}</body></html>")
    return [(t.language, t.url) for t in translation_links(root, CONTEXT)]


@pytest.mark.parametrize(
    "html",
    [
        '<header><nav><a href="/en/content/weekly-press-briefing-191125-en">EN</a></nav></header>',
        '<div><a href="/en/content/weekly-press-briefing-191125-en">EN / TH</a></div>',
        '<a href="/en/content/weekly-press-briefing-191125-en">English version</a>',
        '<a href="/en/content/weekly-press-briefing-191125-en"><img alt="English"></a>',
        '<a href="/en/content/weekly-press-briefing-191125-en" aria-label="ภาษาอังกฤษ"></a>',
        '<a href="/en/content/weekly-press-briefing-191125-en" hreflang="en">Summary</a>',
        '<a href="https://www.mfa.go.th/en/content/weekly-press-briefing-191125-en">ENG</a>',
    ],
)
def test_a_language_switch_to_the_other_language_article_is_kept(html: str) -> None:
    assert _links(html) == [("en", EN)]


def test_the_head_alternate_link_counts_and_each_target_is_kept_once() -> None:
    head = f'<link rel="Alternate" hreflang="en" href="{EN}">'
    root = lxml.html.document_fromstring(
        f"<html><head>{head}</head><body><nav><a href='{EN}'>EN</a>"
        f"<a href='{EN}/?cate=5d5bcb4e15e39c306000683e#top'>TH | EN</a></nav></body></html>"
    )
    assert [(t.language, t.url) for t in translation_links(root, CONTEXT)] == [("en", EN)]


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ('<nav><a href="/en">EN/TH</a></nav>', "the other language's home page"),
        ('<nav><a href="/en/content-category/press-release">EN</a></nav>', "a listing"),
        ('<a href="/en/content/another-article">Read the English text here</a>', "not a switch"),
        ('<a href="/en/content/another-article">Myanmar</a>', "not a language name"),
        ('<a href="/en/content/another-article">then</a>', "two codes run together"),
        ('<a href="/en/content/another-article">My</a>', "a word that is a code"),
        ('<a href="/th/content/other-thai">ไทย</a>', "the page's own language"),
        ('<a href="https://hongkong.thaiembassy.org/en/content/x">EN</a>', "another site"),
        ('<a href="/th/content/weekly-press-briefing-191125-th">TH</a>', "the page itself"),
        ('<a href="javascript:void(0)">EN</a>', "a script"),
        ('<a href="mailto:x@mfa.go.th">EN</a>', "not a page"),
    ],
)
def test_links_that_say_nothing_about_the_article_are_not_kept(html: str, why: str) -> None:
    assert _links(html) == [], why


def test_a_host_alias_of_the_site_counts_and_order_is_the_documents() -> None:
    html = (
        '<a href="https://mfa.go.th/en/content/weekly-press-briefing-191125-en" hreflang="en">x</a>'
        '<a href="/zh/content/weekly-press-briefing-191125-zh">中文</a>'
        '<a href="/zh/content/weekly-press-briefing-191125-zh" hreflang="zh">ZH</a>'
    )
    assert _links(html) == [
        ("en", "https://mfa.go.th/en/content/weekly-press-briefing-191125-en"),
        ("zh", "https://www.mfa.go.th/zh/content/weekly-press-briefing-191125-zh"),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_an_article_read_in_any_layout_keeps_its_switch_and_the_home_switch_is_dropped(
    seed: int,
) -> None:
    pages = {page.path: page for page in load_pages(SHARED)}
    page = pages["/th/content/aseancanada2020"]
    linked = replace(
        page, translation="/en/content/aseancanada2020-en?cate=5d5bcb4e15e39c306000683e"
    )
    url = "http://127.0.0.1:8765" + page.href
    context = PageContext.of(url)
    for shown, expected in ((page, []), (linked, [("en", _en(url))])):
        html = article_html(Theme(seed, True), shown, [], url)
        raw = extract_article(lxml.html.document_fromstring(html.encode()), context)
        assert [(t.language, t.url) for t in raw.translations] == expected
        assert raw.body == page.body  # the switch is read beside the article, not into it


def _en(url: str) -> str:
    return url.split("/th/")[0] + EN_PAIR
