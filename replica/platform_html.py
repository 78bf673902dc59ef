"""HTML of the platform's sites (:mod:`replica.platform`): home pages, listings, menu pages.

A crawler that knows only a host name finds a site's listings in the banner menu of its
home pages, so every page here but the articles carries that menu (``<header>``, then a
``<nav>`` or a ``<div role="navigation">`` holding a ``<ul>``, some listings in a
dropdown ``<ul>`` of their own on some sites) naming the listings, pages that are not
listings, an external link and the other language.  Cards are the single-site
replica's (:func:`replica.render._card`), so a listing here reads as one there does.
"""

from __future__ import annotations

from html import escape

from replica.layouts import Layout
from replica.markup import Markup
from replica.platform import LATEST_PATH, Listing, MenuPage, PlatformSite
from replica.render import PAGE_SIZE, _card

HOME = {"th": "หน้าหลัก", "en": "Home"}
LATEST = {"th": "ข่าวล่าสุด", "en": "Latest news"}
NEWS = {"th": "ข่าวสาร", "en": "News"}
OTHER = {"th": ("en", "English"), "en": ("th", "ภาษาไทย")}
SITE = {"th": "สถานเอกอัครราชทูต ณ เมืองที่ {n}", "en": "Royal Thai Embassy, city {n}"}


def _item(href: str, label: str, extra: str = "") -> str:
    link = f'<a class="nav-link" href="{escape(href)}"{extra}>{escape(label)}</a>'
    return f'<li class="nav-item">{link}</li>'


def banner(m: Markup, site: PlatformSite, language: str) -> str:
    """The page's banner: the site's name and its menu in ``language``."""
    listings = [_item(item.path, item.label) for item in site.menu(language)]
    if site.nested and len(listings) > 1:  # the first in the bar, the others in a dropdown
        dropdown = (
            f'<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#">'
            f'{NEWS[language]}</a><ul class="dropdown-menu">{"".join(listings[1:])}</ul></li>'
        )
        listings = [listings[0], dropdown]
    pages = [_item(page.path, page.label) for page in site.pages if page.language == language]
    other, name = OTHER[language]
    items = [
        *pages[:1],
        *listings,
        *pages[1:],
        _item(site.facebook, "Facebook", ' target="_blank" rel="noopener"'),
        _item(f"/{other}", name),
    ]
    if language == "th" and site.latest() is not None:  # redirects to a listing
        items.append(_item(LATEST_PATH, "ข่าวล่าสุด"))
    if language == "th" and site.index % 4 == 0:  # staff only: robots.txt says no
        items.append(_item("/th/private/intranet", "อินทราเน็ต"))
    ul = f"<ul{m.cls('menu', 'navbar-nav')}>{''.join(items)}</ul>"
    holder = (
        f'<div role="navigation"{m.cls("navbar", "navbar")}>{ul}</div>'
        if site.role_nav
        else f"<nav{m.cls('navbar', 'navbar')}>{ul}</nav>"
    )
    title = SITE[language].format(n=site.index + 1)
    logo = f'<div{m.cls("logo")}><a href="/{language}">{escape(title)}</a></div>'
    return f"<header{m.cls('header')}>{logo}{holder}</header>"


def _document(m: Markup, site: PlatformSite, language: str, title: str, main: str) -> str:
    name = SITE[language].format(n=site.index + 1)
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {escape(name)}</title></head><body>"
        f'<div id="__next"><div{m.cls("page", f"website-container lang-{language}")}>'
        f"{banner(m, site, language)}<main>{main}</main><footer{m.cls('footer')}>"
        f"<p>© {escape(name)}</p></footer></div></div></body></html>"
    )


def _markup(site: PlatformSite, number: int) -> Markup:
    return Markup(Layout(seed=site.theme.seed + number))


def home_html(site: PlatformSite, language: str) -> str:
    """The home page: the menu, and the site's six newest articles as cards."""
    m = _markup(site, 0)
    form = site.theme.listing_form(language, 0)
    cards = "".join(_card(m, page, form) for page in site.newest(language))
    grid = "px-3 row" if form == "list" else "row"
    main = (
        f"<div{m.cls('container', 'container')}><h2>{LATEST[language]}</h2>"
        f'<div class="{grid}">{cards}</div></div>'
    )
    return _document(m, site, language, HOME[language], main)


def listing_html(site: PlatformSite, listing: Listing, number: int) -> str:
    """Page ``number`` of a listing: its cards, ten a page, and a pager of its own
    pages (past the last one: a page of the listing with no cards)."""
    m = _markup(site, number)
    form = site.theme.listing_form(listing.language, number)
    chunk = listing.articles[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    cards = "".join(_card(m, page, form) for page in chunk)
    joiner = "&" if "?" in listing.path else "?"
    pager = "".join(
        f'<a href="{escape(listing.path)}{joiner}p={n}">{n}</a>'
        for n in range(max(1, number - 2), number + 3)
    )
    grid = "px-3 row" if form == "list" else "row"
    main = (
        f'<div{m.cls("container", "container")}><div class="content-width2">'
        f'<h1>{escape(listing.label)}</h1><div class="{grid}">{cards}</div>'
        f"<div{m.cls('pager', 'pagination')}>{pager}</div></div></div>"
    )
    return _document(m, site, listing.language, listing.label, main)


def menu_page_html(site: PlatformSite, page: MenuPage) -> str:
    """A page that is no listing and no article: a title and paragraphs of text."""
    m = _markup(site, 0)
    name = SITE[page.language].format(n=site.index + 1)
    if page.language == "th":
        text = [
            f"{name} ให้บริการด้านกงสุลและดูแลความสัมพันธ์ระหว่างประเทศไทยกับประเทศผู้รับ",
            "เปิดทำการวันจันทร์ถึงวันศุกร์ เวลา 09.00 - 17.00 น. เว้นวันหยุดราชการ",
        ]
    else:
        text = [
            f"The {name} serves Thai nationals and promotes relations with the host country.",
            "Office hours: Monday to Friday, 9.00 - 17.00, except public holidays.",
        ]
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text)
    main = (
        f'<div{m.cls("container", "container")}><div class="content-width2">'
        f"<h1>{escape(page.label)}</h1>{paragraphs}</div></div>"
    )
    return _document(m, site, page.language, page.label, main)
