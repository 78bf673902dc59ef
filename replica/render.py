"""HTML of the replica: article pages in layouts, listings in the platform's card markup.

A :class:`Theme` is one deploy: the seed that draws its class names and, with
``fuzz`` on, a layout per page (:mod:`replica.layouts`), so that one crawl
meets many layouts.  Listings come in the platform's two card markups
(``real-markup/listing-cards.html``: a grid of ``p-3 col-md-4`` cards; and the list
layout with the title beside its link), the replica's first markup, or media rows with
a thumbnail link and a title link to the same article, under both
listing URL forms (``/<lang>/content-category/<name>`` and
``/<lang>/page/<name>?menu=<id>``), with a side menu of the site's pages.
"""

from __future__ import annotations

import zlib
from html import escape
from urllib.parse import quote

from replica.article_page import article_page
from replica.content import Page, format_date
from replica.layouts import Layout
from replica.markup import Markup
from replica.media import image_host
from replica.sections import lazy_span

PAGE_SIZE = 10
LISTINGS = {"th": "ข่าวเด่น", "en": "press-release"}
MENU_ID = "5d5bd3d815e39c306002aac4"
LISTING_FORMS = ("grid", "list", "classic", "media")


class Theme:
    """One deploy: its seed, and whether each page gets a layout of its own."""

    def __init__(self, seed: int | None = None, fuzz: bool = False) -> None:
        self.seed = seed or 0
        self.fuzz = fuzz

    def layout(self, path: str) -> Layout:
        if not self.fuzz:
            return Layout(seed=self.seed)
        return Layout.draw(self.seed * 1_000_003 + zlib.crc32(path.encode()))

    def listing_form(self, language: str, number: int) -> str:
        if not self.fuzz:
            return "grid"
        key = zlib.crc32(f"{self.seed}/{language}/{number}".encode())
        return LISTING_FORMS[key % len(LISTING_FORMS)]


def article_html(theme: Theme, page: Page, others: list[Page], url: str) -> str:
    """An article page in the layout the theme gives it."""
    return article_page(page, others, url, theme.layout(page.path))[0]


def _document(m: Markup, language: str, title: str, main: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{m.text(title)} | กระทรวงการต่างประเทศ</title></head><body>"
        f'<div id="__next"><div{m.cls("page", f"website-container lang-{language}")}>'
        f'<header{m.cls("header")}><nav><a href="/{language}">{"หน้าหลัก" if language == "th" else "Home"}</a></nav></header>'
        f"{main}<footer{m.cls('footer')}><p>© Ministry of Foreign Affairs of the Kingdom of Thailand</p></footer>"
        f"</div></div></body></html>"
    )


def error_html(theme: Theme, language: str) -> str:
    """The platform's error page, served with status 200 (a soft 404)."""
    m = Markup(Layout(seed=theme.seed))
    main = (
        f"<div{m.cls('container', 'container')}><h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1>"
        f"<p>The page you are looking for could not be found.</p>"
        f'<p><a href="/{language}">กลับสู่หน้าหลัก</a></p></div>'
    )
    return _document(m, language, "ไม่พบหน้า", main)


def listing_path(language: str, form: str = "page") -> str:
    """A listing's path and query: ``/th/page/ข่าวเด่น?menu=...`` or the category form."""
    name = quote(LISTINGS[language])
    if form == "page":
        return f"/{language}/page/{name}?menu={MENU_ID}"
    return f"/{language}/content-category/{name}"


def _card(m: Markup, page: Page, form: str) -> str:
    title = m.text(page.title or page.path)
    shown = format_date(page.sort_date(), page.language, full=form == "classic")
    thumb = f"{image_host()}/c_c_400x300/{page.image_seed[:24]}/cover.jpg"
    views = f'<strong class="icon-web-eye"></strong> {len(title) * 41:,}'
    href = escape(page.href)
    if form == "grid":
        return (
            f'<div class="p-3 col-md-4"><a{m.cls("grid-link")} href="{href}">{lazy_span(m, thumb)}'
            f'<div title="{escape(page.title or page.path)}">{title}</div></a><div class="row">'
            f'<div{m.cls("info", "col")} lang="{page.language}"><p class="date">{shown}</p></div>'
            f'<div class="d-inline-block">{views}</div></div></div>'
        )
    if form == "list":
        return (
            f'<div class="col-md-12"><div class="row"><div class="pt-1 col-md-3"><div class="row">'
            f'<div class="col"></div></div><div class="row"><a href="{href}">{lazy_span(m, thumb)}</a>'
            f'</div></div><div{m.cls("list-title", "col ml-4")} title="{escape(page.title or page.path)}">'
            f'{title}</div><div class="col-md-2"><p class="date">{shown}</p>{views}</div></div></div>'
        )
    if form == "media":  # a thumbnail link and a title link to the same article
        return (
            f'<div class="media border-bottom py-3"><a href="{href}" class="mr-3">{lazy_span(m, thumb)}</a>'
            f'<div class="media-body"><h5><a href="{href}">{title}</a></h5><p class="date">{shown}</p>'
            f"<span>{views}</span></div></div>"
        )
    return (
        f"<div{m.cls('card', 'col-md-4')}><div{m.cls('card', 'content px-0 py-3')}>"
        f'<a href="{href}"><img src="{thumb}" alt=""><div>{title}</div></a>'
        f"<div><div><p>{m.text(shown)}</p></div></div></div></div>"
    )


def listing_html(
    theme: Theme,
    language: str,
    pages: list[Page],
    number: int,
    form: str = "page",
    markup: str | None = None,
) -> str:
    """Page ``number`` of a listing (``form``: the URL form it is served under;
    ``markup``: the card markup, else the theme's for this page)."""
    markup = markup or theme.listing_form(language, number)
    m = Markup(Layout(seed=theme.seed + number))
    chunk = pages[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    cards = "".join(_card(m, page, markup) for page in chunk)
    path = listing_path(language, form)
    joiner = "&" if "?" in path else "?"
    pager = "".join(
        f'<a href="{path}{joiner}p={n}">{n}</a>' for n in range(max(1, number - 2), number + 3)
    )
    menu = "".join(
        f'<li><a href="/{language}/page/{quote(item)}?menu=5d5bd3d815e39c306002aac{i}">{item}</a></li>'
        for i, item in enumerate(("เกี่ยวกับกระทรวง", "ข่าวสารนิเทศ", "ติดต่อเรา"))
    )
    side = f'<div{m.cls("left-side", "my-3 page-leftside")}><ul class="nav flex-column">{menu}</ul></div>'
    grid = "px-3 row" if markup == "list" else "row"
    featured = ""
    if theme.fuzz and len(chunk) > 2:  # a strip above the cards: a bare link to one of them
        pick = chunk[number % len(chunk)]
        featured = f'<div{m.cls("highlight")}><h5>ข่าวเด่น</h5><a href="{escape(pick.href)}">{m.text(pick.title or pick.path)}</a></div>'
    main = (
        f'<div{m.cls("container", "container")}><div class="row">{side}<div class="content-width2">'
        f'<h1>{m.text(LISTINGS[language])}</h1>{featured}<div class="{grid}">{cards}</div>'
        f"<div{m.cls('pager', 'pagination')}>{pager}</div></div></div></div>"
    )
    return _document(m, language, LISTINGS[language], main)
