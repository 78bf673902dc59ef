"""An article page of the replica in one layout, and the record a right reading gives.

:func:`article_page` writes the page: the document shell (navigation, breadcrumbs,
footer), the title (also in a banner), the metadata block in the page's template
(labels, or the label-less bare date and "N view"), the body, then the sections in
the layout's order, and a sidebar.  :func:`expected_record` is what extraction must
find in it, field for field: the same content, whatever the layout.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from replica.article_metadata import metadata
from replica.asides import cards, featured, logo, related, sidebar
from replica.content import Page
from replica.layouts import Layout
from replica.markup import PRE, Markup, needs_pre
from replica.media import image_host
from replica.sections import Part, attachments, gallery, share, tags, videos
from schemas.dates import parse_platform_date

HOME = {"th": "หน้าหลัก", "en": "Home"}
BACK = {"th": "ย้อนกลับ", "en": "Back"}
LISTING = {
    "th": (
        "ข่าวเด่น",
        "/th/page/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B9%80%E0%B8%94%E0%B9%88%E0%B8%99?menu=5d5bd3d815e39c306002aac4",
    ),
    "en": ("Press releases", "/en/content-category/press-release"),
}


def body(m: Markup, lines: list[str]) -> str:
    style = m.layout.paragraphs
    if style in ("br", "bare"):
        shown = "<br>".join(
            f"<span{PRE}>{m.text(line)}</span>" if needs_pre(line) else m.text(line)
            for line in lines
        )
        return shown if style == "bare" else f"<p>{shown}</p>"
    gap = m.gap(4)
    if style == "cms":
        return gap.join(
            f'<p{PRE if needs_pre(line) else ""}><span style="font-size: 14pt;">{m.text(line)}</span></p>'
            for line in lines
        )
    if style == "dir-auto":
        groups = [lines[i : i + 3] for i in range(0, len(lines), 3)]
        return gap.join(
            '<div class="kvgmc6g5 cxmmr5t8 oygrvhab hcukyx3x c1et5uql ii04i59q">'
            + "".join(m.para(line, "div", ' dir="auto"') for line in group)
            + "</div>"
            for group in groups
        )
    return gap.join(m.para(line, "div" if style == "div" else "p") for line in lines)


def _with_pictures(m: Markup, page: Page, lines: list[str]) -> tuple[str, list[dict[str, Any]]]:
    """The body with pictures between its paragraphs, as pasted CMS content has them."""
    count = m.layout.inline_images if m.layout.paragraphs in ("p", "div", "cms") else 0
    count = min(count, max(len(lines) - 1, 0))
    if not count:
        return body(m, lines), []
    html, images, start = [], [], 0
    for n in range(count):
        cut = (n + 1) * len(lines) // (count + 1)
        url = f"{image_host()}/0/{page.image_seed[:10]}/editor/inline-{n + 1}.jpg"
        html += [
            body(m, lines[start:cut]),
            f'<p style="text-align: center;"><img src="{url}" alt="" width="600"></p>',
        ]
        images.append({"url": url, "served_url": url, "caption": None})
        start = cut
    return "".join([*html, body(m, lines[start:])]), images


def _evidence(m: Markup, page: Page, title: str | None, cover: str | None) -> str:
    """What the page's head says of it: og:title (another title, when the layout draws a
    stale one), and a JSON-LD NewsArticle when the layout draws one."""
    shown = title or "กระทรวงการต่างประเทศ"
    og = f"{shown} (ร่าง)" if m.layout.evidence == "stale" and title else shown
    head = f'<meta property="og:title" content="{escape(og)}">'
    if m.layout.evidence == "json-ld" and title:
        document: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
        }
        if page.imported_raw:
            published = parse_platform_date(page.imported_raw)
            document["datePublished"] = f"{published.isoformat()}T09:30:00+07:00"
        if cover:
            document["image"] = [cover]
        head += f'<script type="application/ld+json">{json.dumps(document, ensure_ascii=False)}</script>'
    return head


def _shell(
    m: Markup, page: Page, title: str | None, main: str, top: str = "", cover: str | None = None
) -> str:
    lang = page.language
    name, href = LISTING[lang]
    shown = title or "กระทรวงการต่างประเทศ"
    switch = page.translation or f"/{'en' if lang == 'th' else 'th'}"
    footer_tag = "footer" if m.layout.footer == "footer" else "div"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{m.text(shown)} | กระทรวงการต่างประเทศ</title>{_evidence(m, page, title, cover)}"
        f'<script>window.__NEXT_DATA__={{"page":"/[lang]/content/[slug]"}}</script></head><body>'
        f'<div id="__next"><div{m.cls("page", f"website-container lang-{lang}")}>'
        f'<header{m.cls("header")}><nav{m.cls("navbar", "navbar")}><a href="/{lang}">{HOME[lang]}</a>'
        f'<a href="{href}">{name}</a><a href="{escape(switch)}">EN/TH</a></nav>{top}</header>'
        f"{logo(m, page)}{main}<{footer_tag}{m.cls('footer')}><p>กระทรวงการต่างประเทศ 443 ถนนศรีอยุธยา กรุงเทพฯ 10400</p>"
        f"<p>© Ministry of Foreign Affairs of the Kingdom of Thailand</p></{footer_tag}></div></div></body></html>"
    )


def _crumbs(m: Markup, page: Page) -> str:
    name, href = LISTING[page.language]
    items = f'<li><a href="/{page.language}">{HOME[page.language]}</a></li><li><a href="{href}">{name}</a></li>'
    if m.layout.breadcrumb == "aria":
        return f'<nav aria-label="breadcrumb"><ol{m.cls("crumbs", "breadcrumb")}>{items}</ol></nav>'
    if m.layout.breadcrumb == "class":
        return f'<ol class="breadcrumb">{items}</ol>'
    return ""


def _parts(m: Markup, page: Page, others: list[Page], url: str) -> dict[str, Part]:
    base = "/".join(url.split("/")[:3])
    return {
        "gallery": gallery(m, page, base),
        "video": videos(m, page),
        "related": related(m, page, others),
        "attachments": attachments(m, page),
        "tags": tags(m, page),
        "share": share(m, page, url) if m.layout.share_at == "bottom" else Part(),
    }


def article_page(
    page: Page, others: list[Page], url: str, layout: Layout
) -> tuple[str, dict[str, Any]]:
    """The page's HTML in ``layout``, and the record a right reading finds in it."""
    layout = layout.for_template(page.template)
    m = Markup(layout)
    title = None if page.broken == "notitle" else page.title
    visible = page.shows or title  # what the template shows where the title goes
    tag = layout.title_tag
    heading = f"<div{m.cls('heading')}>{m.para(visible, tag)}</div>" if visible else ""
    banner = (
        f"<div{m.cls('banner')}>{m.para(visible, 'h1')}</div>" if visible and layout.banner else ""
    )
    meta, bar = metadata(m, page)
    top = share(m, page, url).html if layout.share_at == "top" else ""
    parts = _parts(m, page, others, url)
    lines, shown = list(page.body), list(page.body)
    if page.broken == "linesep" and lines:  # pasted from a word processor
        cut = len(lines[0]) // 2
        lines[0] = lines[0][:cut] + "\u2028" + lines[0][cut:]
        shown[:1] = [part.strip(" ") for part in lines[0].split("\u2028") if part.strip(" ")]
    in_page_header = layout.title_block == "page-header"
    before = heading if layout.headline in ("before", "both") and not in_page_header else ""
    after = heading if layout.headline in ("after", "both") else ""
    if layout.read_more and others:  # cards of other articles above this one
        more = "อ่านต่อ" if page.language == "th" else "Read more"
        before = f"<div{m.cls('read-more')}><h4>{more}</h4><div class='row'>{cards(m, others[:3], 'none')}</div></div>{before}"
    head = m.gap(3).join([before, meta])
    if layout.semantic:  # the article's own header: not the page's banner
        head = f"<header{m.cls('article-header')}>{head}</header>"
    text, pictures = _with_pictures(m, page, lines)
    back = f'<p><a class="btn" href="{LISTING[page.language][1]}">« {BACK[page.language]}</a></p>'
    column = m.gap(3).join(
        [
            head,
            after,
            top,
            f"<div{m.cls('body', 'content-detail')}>{text}</div>",
            bar,
            *(parts[name].html for name in layout.order),
            back if layout.back_link else "",
        ]
    )
    if layout.semantic:
        column = f"<article>{column}</article>"
    for depth in range(layout.depth):
        column = f"<div{m.cls(f'wrap-{depth}')}>{m.gap(2)}{column}</div>"
    column = f"<div{m.cls('column', 'col-md-9')}>{column}</div>"
    side = sidebar(m, page, others) if layout.sidebar != "none" else ""
    row = side + column if layout.sidebar == "before" else column + side
    row = (featured(m, page, others) if layout.featured else "") + row
    main = f"{banner}<div{m.cls('container', 'container')}>{_crumbs(m, page)}<div{m.cls('row', 'row')}>{row}</div></div>"
    if layout.semantic:
        main = f"<main>{main}</main>"
    expected: dict[str, Any] = {
        "title": visible,
        "imported_date_raw": page.imported_raw,
        "updated_date_raw": page.updated_raw if page.template != "bare" else None,
        "view_count": page.view_count,
        "body": shown,
        "images": [*pictures, *(i for name in layout.order for i in parts[name].images)],
        "videos": [v for name in layout.order for v in parts[name].videos],
        "attachments": [a for name in layout.order for a in parts[name].attachments],
    }
    in_header = f"<div{m.cls('page-title')}>{heading}</div>" if in_page_header else ""
    cover = expected["images"][0]["url"] if expected["images"] else None
    return _shell(m, page, title, main, in_header, cover), expected
