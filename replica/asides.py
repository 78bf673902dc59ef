"""What stands beside an article: side columns, a featured card, the site's logo.

A side column of other articles shows dates and view counters exactly like the
label-less template's metadata; a featured card before the article too.  The logo
names the site, which is also what ``<title>`` says on a page that shows no title.
"""

from __future__ import annotations

from urllib.parse import quote

from replica.content import Page, format_date
from replica.markup import Markup
from replica.media import image_host
from replica.sections import Part, lazy_span

SITE = {"th": "กระทรวงการต่างประเทศ", "en": "Ministry of Foreign Affairs"}


def _compact(m: Markup, others: list[Page]) -> str:
    """Short links with "date | N view" under each, as embassy sites list news."""
    items = []
    for other in others:
        words = (other.title or other.path).split()
        short = " ".join(words[:2]) if len(words) > 1 else (other.title or other.path)[:24]
        shown = format_date(other.sort_date(), other.language)
        count = f"{len(short) * 517:,}"
        items.append(
            f'<li><a href="{m.attr(other.href)}">{m.text(short)}</a><br>'
            f"<small>{shown} | {count} view</small></li>"
        )
    return f"<ul{m.cls('latest-list')}>{''.join(items)}</ul>"


def sidebar(m: Markup, page: Page, others: list[Page]) -> str:
    """A side column: latest news (cards, or short dated links), a menu of the site's
    pages and a text widget."""
    latest = "ข่าวล่าสุด" if page.language == "th" else "Latest news"
    items = cards(m, others[:2], "view") if m.layout.side_items == "cards" else _compact(m, others)
    menu = "".join(
        f'<li class="nav-item"><a class="nav-link" href="/{page.language}/page/{quote(name)}?menu=5d5bd3d815e39c306002aac{i}">{m.text(name)}</a></li>'
        for i, name in enumerate(("เกี่ยวกับกระทรวง", "บริการกงสุล", "ติดต่อเรา"))
    )
    widget = "สถานเอกอัครราชทูต ณ กรุงโคเปนเฮเกน โทร +45 3962 5010 เปิดทำการวันจันทร์ถึงวันศุกร์"
    return (
        f"<div{m.cls('sidebar', 'col-md-3')}><div><h4>{latest}</h4>{items}</div>"
        f'<ul class="nav flex-column">{menu}</ul><div{m.cls("widget")}><p>{m.text(widget)}</p></div></div>'
    )


def featured(m: Markup, page: Page, others: list[Page]) -> str:
    """One featured card in a box of its own before the article."""
    if not others:
        return ""
    heading = "ข่าวแนะนำ" if page.language == "th" else "Featured"
    return f"<div{m.cls('featured', 'col-md-3')}><h4>{heading}</h4>{cards(m, others[-1:], 'number')}</div>"


def logo(m: Markup, page: Page) -> str:
    """The site's name, linked to its home page (a logo that is no heading)."""
    if not m.layout.logo:
        return ""
    return f'<div{m.cls("logo")}><a href="/{page.language}">{m.text(SITE[page.language])}</a></div>'


def cards(m: Markup, others: list[Page], views: str) -> str:
    out = []
    for other in others:
        title = m.text(other.title or other.path)
        shown = format_date(other.sort_date(), other.language)
        counter = {
            "none": "",
            "number": f'<strong class="icon-web-eye"></strong> {len(title) * 37:,}',
            "view": f"{len(title) * 37:,} view",
        }[views]
        thumb = f"{image_host()}/c_c_400x300/{other.image_seed[:10]}/cover.jpg"
        out.append(
            f'<div class="p-3 col-md-4"><a{m.cls("card-link")} href="{m.attr(other.href)}">{lazy_span(m, thumb)}'
            f'<div title="{m.attr(other.title or other.path)}">{title}</div></a><div class="row">'
            f'<div{m.cls("content-info", "col")} lang="{other.language}"><p class="date">{shown}</p></div>'
            f'<div class="col-auto">{counter}</div></div></div>'
        )
    return m.gap(2).join(out)


def related(m: Markup, page: Page, others: list[Page]) -> Part:
    if m.layout.related == "none" or not others:
        return Part()
    heading = ""
    if m.layout.related == "heading":
        heading = f"<h3>{'ข่าวที่เกี่ยวข้อง' if page.language == 'th' else 'Related news'}</h3>"
    return Part(
        f'<div{m.cls("related")}>{heading}<div class="row">{cards(m, others[:3], m.layout.related_views)}</div></div>'
    )
