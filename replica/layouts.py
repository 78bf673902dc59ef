"""Layouts of an article page, drawn from a seed: the replica's layout fuzzer.

The replica is one guess at the platform; extraction must hold on layouts nobody here
wrote.  A :class:`Layout` is one plausible build of the platform's article template:
wrapper depth, heading levels, the date labels in one element or split, the view
counter inline, split or in a block of its own, the gallery as ``<img>`` or as the
platform's lazy-loading spans (with or without a ``<noscript>`` fallback), slider
markup, the gallery, video, share, related-news and attachment sections present or
absent and in any order, a sidebar before or after the article column, paragraphs as
``<p>``, ``<div>``, ``<div dir="auto">``, CMS spans or bare text with ``<br>``, class
names of both hash styles, whitespace between tags and entity variants.  Later draws
add what an outside check of layouts nobody here wrote found: the title and dates in
an ``<article>``'s own ``<header>``, a side column of short dated links (or one
featured card) before a label-less article, a tag row on one line, a site logo above
the page, a headline right after the dates; and a second check's: pictures between
the body's paragraphs, the dates and counter on one line joined by " · ", picture file
names with parentheses (quoted in the style or not), a back link after the article; and
a third's (issue 24): the title block in the page's own ``<header>``, a "Read more"
strip of cards above the article, lazy images whose ``src`` is a same-site placeholder
(the picture in ``data-src``, ``data-lazy-src``, ``data-original`` or ``data-srcset``),
pictures served through Next.js's image proxy, a gallery heading followed by its
pictures as loose siblings, and evidence (JSON-LD, an ``og:title`` that names another
title) beside the page.

``Layout.draw(seed)`` draws one; ``Layout.classic()`` is the replica's first look.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields

SECTIONS = ("gallery", "video", "share", "related", "attachments", "tags")


@dataclass(frozen=True)
class Layout:
    """One way of writing an article page; every field is a choice the fuzzer draws."""

    seed: int = 0
    classes: str = "jsx"  # jsx-123 | styled: Name__Part-sc-hash hash
    depth: int = 1  # wrappers around the article column
    title_tag: str = "h2"  # h1..h4, or div (named by <title> and og:title only)
    banner: bool = True  # the title also in a banner above the column
    breadcrumb: str = "aria"  # aria | class | none
    labels: str = "spans"  # one | spans | split | colon | dotted (all on one line, " · ")
    view: str = "icon"  # icon | plain | split | sibling | bar
    paragraphs: str = "p"  # p | div | dir-auto | cms | br | bare
    nbsp: str = "entity"  # entity | literal | numeric
    pretty: bool = False  # newlines and indentation between block tags
    entities: bool = False  # some Thai letters as numeric character references
    gallery: str = "img"  # img | lazy-img | lazy-span | noscript | srcset | figure
    gallery_heading: str = "none"  # h4 | div | none
    captions: str = "alt"  # alt | title | visible | none (the heading names them)
    slider: str = "grid"  # grid | slick | swiper
    share: str = "icons"  # none | icons | text | labelled
    share_at: str = "bottom"  # top (between the metadata and the body) | bottom
    videos: int = 0
    video_links: bool = False
    related: str = "heading"  # none | heading | bare
    related_views: str = "none"  # none | number | view (cards with "N view", like a header)
    attachments: int = 0
    sidebar: str = "after"  # none | before | after
    side_items: str = "cards"  # cards | compact (short links, "date | N view" under each)
    featured: bool = False  # one featured card before the article column
    semantic: bool = False  # <main><article><header> title and dates </header> ...
    logo: bool = False  # the site's name in a linked logo above the page
    headline: str = "before"  # before | after (right after the dates) | both
    tags: str = "none"  # none | inline ("แท็ก #a #b" on one line) | heading
    inline_images: int = 0  # pictures between the body's paragraphs (pasted CMS content)
    file_names: str = "plain"  # plain | parens | parens-quoted (url("...") quoted in the style;
    # whether a name has parentheses, "photo (2).jpg", is the photo's: sections.gallery)
    back_link: bool = False  # "« ย้อนกลับ" to the listing after the article
    footer: str = "footer"  # footer | div (a footer that is no <footer>)
    order: tuple[str, ...] = SECTIONS
    # What a check of layouts nobody here wrote found (issue 24), drawn apart (below) so
    # that the fields above keep the values every earlier seed gave them:
    placeholder: str = "data"  # the lazy-img's src: data: URI | gif | svg | tiny (r_50x50)
    lazy_attribute: str = "data-src"  # data-src | data-lazy-src | data-original | data-srcset
    proxy: bool = False  # pictures served through Next.js's /_next/image?url=<original>
    flat_gallery: bool = False  # the gallery heading, then its pictures as loose siblings
    title_block: str = "column"  # column | page-header (in the page's own <header>)
    read_more: bool = False  # a strip of related cards ("อ่านต่อ") above the article
    evidence: str = "og"  # og | json-ld (NewsArticle too) | stale (og:title names another)

    @classmethod
    def classic(cls) -> Layout:
        """The replica's original page (as ``replica`` first rendered it)."""
        return cls()

    @classmethod
    def draw(cls, seed: int) -> Layout:
        rng = random.Random(seed)  # noqa: S311 - layouts, not secrets
        choices: dict[str, list[object]] = {
            "classes": ["jsx", "styled"],
            "depth": [0, 1, 2, 3],
            "title_tag": ["h1", "h2", "h3", "h4", "div"],
            "banner": [True, False],
            "breadcrumb": ["aria", "class", "none"],
            "labels": ["one", "spans", "split", "colon", "dotted"],
            "view": ["icon", "plain", "split", "sibling", "bar"],
            "paragraphs": ["p", "div", "dir-auto", "cms", "br", "bare"],
            "nbsp": ["entity", "literal", "numeric"],
            "pretty": [True, False],
            "entities": [True, False],
            "gallery": ["img", "lazy-img", "lazy-span", "noscript", "srcset", "figure"],
            "gallery_heading": ["h4", "div", "none"],
            "captions": ["alt", "title", "visible", "none"],
            "slider": ["grid", "slick", "swiper"],
            "share": ["none", "icons", "text", "labelled"],
            "share_at": ["top", "bottom"],
            "videos": [0, 0, 1, 2, 3],
            "video_links": [True, False],
            "related": ["none", "heading", "bare"],
            "related_views": ["none", "number", "view"],
            "attachments": [0, 0, 1, 2],
            "sidebar": ["none", "before", "after"],
            "footer": ["footer", "div"],
            "side_items": ["cards", "compact"],
            "featured": [False, False, True],
            "semantic": [False, True],
            "logo": [False, True],
            "headline": ["before", "before", "after", "both"],
            "tags": ["none", "inline", "heading"],
            "inline_images": [0, 0, 1, 2],
            "file_names": ["plain", "parens", "parens-quoted"],
            "back_link": [False, True],
        }
        drawn: dict[str, object] = {"seed": seed}
        for f in fields(cls):
            if f.name in choices:
                drawn[f.name] = rng.choice(choices[f.name])
        order = list(SECTIONS)
        rng.shuffle(order)
        drawn["order"] = tuple(order)
        layout = cls(**drawn)  # type: ignore[arg-type]
        if layout.captions == "none" and layout.gallery_heading == "none":
            drawn["captions"] = "alt"
        if layout.title_tag not in ("h1", "h2", "h3"):
            drawn["headline"] = "before"  # only a heading is a headline after the dates
        later = random.Random(seed * 7919 + 24)  # noqa: S311
        more: dict[str, list[object]] = {
            "placeholder": ["data", "gif", "svg", "tiny"],
            "lazy_attribute": ["data-src", "data-lazy-src", "data-original", "data-srcset"],
            "proxy": [False, False, True],
            "flat_gallery": [False, True],
            "title_block": ["column", "column", "page-header"],
            "read_more": [False, False, True],
            "evidence": ["og", "json-ld", "json-ld", "stale"],
        }
        for name, options in more.items():
            drawn[name] = later.choice(options)
        if drawn["title_block"] == "page-header":
            drawn["banner"] = False  # the title shows once, in the page's header
            drawn["headline"] = "before"
        return cls(**drawn)  # type: ignore[arg-type]

    def for_template(self, template: str) -> Layout:
        """The label-less template keeps its counter beside its date: that is how it
        shows at all (a bare date alone is any paragraph)."""
        if template == "bare" and self.view == "bar":
            return Layout(**{**self.__dict__, "view": "sibling"})
        return self
