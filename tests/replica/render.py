"""HTML of the replica, shaped like the platform's Next.js pages.

Class names are styled-jsx hashes drawn afresh for each :class:`Theme` (one per server
start), so a parser that leans on them fails here as it would after a real deploy.
Text is written so that a browser shows exactly the corpus text: HTML-escaped, NBSP as
``&nbsp;``, and spaces a browser would collapse kept with ``white-space: pre-wrap``.
"""

from __future__ import annotations

import random
from html import escape
from urllib.parse import quote

from tests.replica.content import Page, format_date

ROLES = (
    "page", "header", "banner", "container", "column", "heading", "meta", "body", "gallery",
    "share", "related", "sidebar", "footer", "card", "listing",
)  # fmt: skip
PAGE_SIZE = 10
LISTINGS = {"th": "ข่าวเด่น", "en": "press-releases"}


class Theme:
    """One deploy's styled-jsx class names."""

    def __init__(self, seed: int | None = None) -> None:
        rng = random.Random(seed)  # noqa: S311 - class names, not secrets
        self.cls = {role: f"jsx-{rng.randrange(10**8, 10**10)}" for role in ROLES}

    def __call__(self, role: str, extra: str = "") -> str:
        return f'class="{self.cls[role]}{" " + extra if extra else ""}"'


def text(value: str) -> str:
    return escape(value, quote=False).replace("\xa0", "&nbsp;")


def para(value: str, tag: str = "p", attrs: str = "") -> str:
    collapsible = value != value.strip(" ") or "  " in value or "\t" in value
    style = ' style="white-space:pre-wrap"' if collapsible else ""
    return f"<{tag}{' ' + attrs if attrs else ''}{style}>{text(value)}</{tag}>"


def _document(theme: Theme, language: str, title: str, main: str) -> str:
    home = "หน้าหลัก" if language == "th" else "Home"
    news = LISTINGS[language]
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{text(title)} | กระทรวงการต่างประเทศ</title>"
        f'<meta property="og:title" content="{escape(title)}">'
        f'<script>window.__NEXT_DATA__={{"page":"/[lang]/content/[slug]"}}</script>'
        f"<style>.{theme.cls['page']}{{display:block}}</style></head><body>"
        f'<div id="__next"><div {theme("page", f"website-container lang-{language}")}>'
        f"<header {theme('header')}><nav {theme('header', 'navbar')}>"
        f'<a href="/{language}">{home}</a><a href="/{language}/content-category/{quote(news)}">'
        f'{text(news)}</a><a href="/{"en" if language == "th" else "th"}">EN/TH</a>'
        f"</nav></header>{main}"
        f"<footer {theme('footer')}><p>กระทรวงการต่างประเทศ 443 ถนนศรีอยุธยา กรุงเทพฯ 10400</p>"
        f"<p>© Ministry of Foreign Affairs of the Kingdom of Thailand</p></footer>"
        f"</div></div></body></html>"
    )


def _metadata(theme: Theme, page: Page) -> str:
    if page.template == "bare":
        parts = [f"<p>{text(page.imported_raw or '')}</p>"] if page.imported_raw else []
        if page.view_count is not None:
            parts.append(f"<p>{page.view_count:,} view</p>")
        return f"<div {theme('meta', 'd-flex')}>{''.join(parts)}</div>"
    dates = []
    for label, value in (("วันที่นำเข้าข้อมูล", page.imported_raw), ("วันที่ปรับปรุงข้อมูล", page.updated_raw)):
        if value is not None:
            dates.append(f"<p><span>{label}</span> <span>{text(value)}</span></p>")
    view = (
        f'<div {theme("meta")}><i class="fa fa-eye"></i><span>| {page.view_count:,} view</span></div>'
        if page.view_count is not None
        else ""
    )
    return f"<div {theme('meta', 'd-flex justify-content-between')}><div>{''.join(dates)}</div>{view}</div>"


def _gallery(theme: Theme, page: Page) -> str:
    if not page.captions:
        return ""
    items = []
    for index, caption in enumerate(page.captions):
        image_id = page.image_seed[index * 2 : index * 2 + 24]
        full = f"https://image.mfa.go.th/mfa/0/{image_id}/{index + 1}.jpg"
        thumb = f"https://image.mfa.go.th/mfa/r_300x200/{image_id}/{index + 1}.jpg"
        items.append(
            f'<div {theme("gallery", "col-4")}><a href="{full}" data-lightbox="gallery">'
            f'<img src="{thumb}" alt="{escape(caption)}"></a></div>'
        )
    return f"<div {theme('gallery', 'row')}>{''.join(items)}</div>"


def _related(theme: Theme, others: list[Page]) -> str:
    cards = []
    for other in others[:3]:
        shown = format_date(other.sort_date(), other.language, full=True)
        cards.append(
            f'<div {theme("card")}><a href="{escape(other.href)}"><img src="/static/thumb.jpg" alt="">'
            f"<div>{text(other.title or other.path)}</div></a><p>{text(shown)}</p></div>"
        )
    heading = "ข่าวที่เกี่ยวข้อง" if others and others[0].language == "th" else "Related news"
    return f"<div {theme('related')}><h3>{heading}</h3>{''.join(cards)}</div>"


def _share(theme: Theme, url: str) -> str:
    target = quote(url, safe="")
    return (
        f'<div {theme("share")}><a href="https://www.facebook.com/sharer/sharer.php?u={target}">'
        f'<img src="/static/facebook.svg" alt=""></a><a href="https://twitter.com/intent/tweet?url={target}">'
        f'<img src="/static/twitter.svg" alt=""></a><a href="https://social-plugins.line.me/lineit/share?url={target}">'
        f'<img src="/static/line.svg" alt=""></a></div>'
    )


def article_html(theme: Theme, page: Page, others: list[Page], url: str) -> str:
    """An article page: banner title, breadcrumb, title, metadata, body, gallery, noise."""
    title = None if page.broken == "notitle" else page.title
    banner = f"<div {theme('banner')}>{para(title, 'h1')}</div>" if title else ""
    crumbs = (
        f'<nav aria-label="breadcrumb"><ol {theme("container", "breadcrumb")}>'
        f'<li><a href="/{page.language}">หน้าหลัก</a></li><li>{text(LISTINGS[page.language])}</li></ol></nav>'
    )
    heading = f"<div {theme('heading')}>{para(title, 'h2')}</div>" if title else ""
    body = "".join(para(line) for line in page.body)
    column = (
        f"<div {theme('column', 'col-md-9')}>{heading}{_metadata(theme, page)}"
        f"<div {theme('body', 'content-detail')}>{body}</div>{_gallery(theme, page)}"
        f"{_share(theme, url)}{_related(theme, others)}</div>"
    )
    sidebar = (
        f'<div {theme("sidebar", "col-md-3")}><div><a href="/{page.language}/content-category/'
        f'{quote(LISTINGS[page.language])}">{text(LISTINGS[page.language])}</a></div></div>'
    )
    main = f"{banner}<div {theme('container', 'container')}>{crumbs}<div {theme('container', 'row')}>{column}{sidebar}</div></div>"
    return _document(theme, page.language, title or "กระทรวงการต่างประเทศ", main)


def error_html(theme: Theme, language: str) -> str:
    """The platform's error page, served with status 200 (a soft 404)."""
    main = (
        f"<div {theme('container', 'container')}><h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1>"
        f"<p>The page you are looking for could not be found.</p>"
        f'<p><a href="/{language}">กลับสู่หน้าหลัก</a></p></div>'
    )
    return _document(theme, language, "ไม่พบหน้า", main)


def listing_html(theme: Theme, language: str, pages: list[Page], number: int) -> str:
    """Page ``number`` of a category listing: cards with link, title and full Thai date."""
    chunk = pages[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    cards = []
    for page in chunk:
        shown = format_date(page.sort_date(), language, full=True)
        cards.append(
            f"<div {theme('card', 'col-md-4')}><div {theme('card', 'content px-0 py-3')}>"
            f'<a href="{escape(page.href)}"><img src="https://image.mfa.go.th/mfa/r_300x200/'
            f'{page.image_seed[:24]}/cover.jpg" alt=""><div>{text(page.title or page.path)}</div></a>'
            f"<div><div><p>{text(shown)}</p></div></div></div></div>"
        )
    name = LISTINGS[language]
    pager = "".join(
        f'<a href="/{language}/content-category/{quote(name)}?p={n}">{n}</a>'
        for n in range(max(1, number - 2), number + 3)
    )
    main = (
        f"<div {theme('container', 'container')}><h1>{text(name)}</h1>"
        f"<div {theme('listing', 'row')}>{''.join(cards)}</div>"
        f"<div {theme('listing', 'pagination')}>{pager}</div></div>"
    )
    return _document(theme, language, name, main)
