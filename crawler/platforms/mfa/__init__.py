"""Selectors of the MFA platform (www.mfa.go.th, *.mfa.go.th, *.thaiembassy.org).

The pages are server-rendered by Next.js with styled-components and styled-jsx class
names that change on every deploy, so nothing here names a class.  A page is read by
what it shows:

1. navigation, header, footer, breadcrumbs and forms go first, by their semantic
   tags and ARIA roles (:func:`strip_boilerplate`);
2. a page with the platform's metadata block (:mod:`.header`) outside any card is an
   article: its title is the heading before the block, its body and media what
   follows, box by box (:mod:`.boxes`, :mod:`.reader`);
3. a page of article cards without one is a listing (:mod:`.listing`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.evidence import page_evidence
from crawler.platforms.htmltext import element_lines
from crawler.platforms.mfa.boxes import common_container, region_boxes
from crawler.platforms.mfa.cards import find_cards, target_key
from crawler.platforms.mfa.confirm import confirm, dropped_headings
from crawler.platforms.mfa.header import (
    find_header,
    find_title,
    find_title_after,
    has_header_text,
    header_texts,
    owner,
)
from crawler.platforms.mfa.listing import ListingCard, read_cards
from crawler.platforms.mfa.menus import section_links
from crawler.platforms.mfa.reader import Reader
from crawler.platforms.mfa.translations import translation_links
from crawler.platforms.page import PageContext, ParsedPage, elements, one_line
from schemas.assess import RawArticle
from schemas.textform import IMPORTED_LABEL, UPDATED_LABEL, read_raw

__all__ = [
    "ListingCard",
    "PageContext",
    "PlatformPage",
    "extract_article",
    "listing_cards",
    "read_platform_page",
    "strip_boilerplate",
]

# A <header> or <footer> is the page's banner only outside sectioning content: inside
# <article>, <main> or <section> it is that part's own (an article's title and dates).
_ALWAYS = ("nav", "aside", "form", "button", "dialog", "select", "input", "textarea")
_BANNERS = ("header", "footer")
_SECTIONING = frozenset({"article", "main", "section"})
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# (attributes selected and their elements taken: a predicate on every element costs more)
_MARKED = etree.XPath("//@role/.. | //@aria-label/.. | //@class[contains(., 'readcrumb')]/..")
_LOWER = str.maketrans("BREADCUM", "breadcum")  # as the XPath's translate()
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")


def _is_boilerplate(element: HtmlElement) -> bool:
    """Navigation, a banner or footer outside sectioning content, a form control, a
    landmark role, a breadcrumb (by its label, or a ``breadcrumb`` class)."""
    tag = element.tag
    if tag in _ALWAYS:
        return True
    if tag in _BANNERS and not any(a.tag in _SECTIONING for a in element.iterancestors()):
        return True
    if element.get("role") in _ROLES:
        return True
    label = element.get("aria-label")
    if label is not None and "breadcrumb" in label.translate(_LOWER):
        return True
    classes = element.get("class")
    if classes is None or "readcrumb" not in classes:
        return False
    words = _XPATH_SPACE.sub(" ", classes.translate(_LOWER)).strip(" \t\r\n")
    return " breadcrumb " in f" {words} "


def boilerplate(root: HtmlElement) -> list[HtmlElement]:
    """The page's boilerplate elements, in document order: the candidates by tag (lxml's
    own iteration) and by attribute (one XPath with a cheap test), then the full test in
    Python -- one XPath with the whole test as its predicate, run on every element, was a
    tenth of reading an article (tests/crawler/platforms/test_mfa.py keeps it, and holds
    the two equal)."""
    candidates = set(root.iter(*_ALWAYS, *_BANNERS)) | set(elements(_MARKED, root))
    if not candidates:
        return []
    return [e for e in root.iter() if e in candidates and _is_boilerplate(e)]


def strip_boilerplate(
    root: HtmlElement, *, in_place: bool = False, dropped: list[str] | None = None
) -> HtmlElement:
    """``root`` without navigation, header, footer, breadcrumbs and forms: a copy, or
    ``root`` itself when the caller will not use it again (``in_place``); the texts of
    the headings left out go to ``dropped`` (a title block in the page's banner, which
    the page's evidence may name)."""
    root = root if in_place else copy.deepcopy(root)
    for element in boilerplate(root):
        if element.getparent() is not None:
            if dropped is not None:
                dropped += dropped_headings(element)
            element.drop_tree()
    return root


@dataclass
class PlatformPage:
    """What a page is (``article``, ``listing`` or ``other``) and what it holds."""

    kind: str
    raw: RawArticle
    cards: list[ListingCard] = field(default_factory=list)
    truncated: bool = False
    """A listing with more article links than were read (``limit``)."""
    links_itself: bool = False
    """Whether the page links to its own path (a listing's pager or menu item): a page
    of a listing past its end does, an error page or a login wall does not."""
    sections: list[str] = field(default_factory=list)
    """The pages its menus lead to, when asked for (``PageContext.discover``)."""


def _links_itself(hrefs: list[str], context: PageContext) -> bool:
    own = target_key(context.url)
    base = urlsplit(context.url)
    origin = f"{base.scheme}://{base.netloc}"
    for href in hrefs:
        if href and not href.startswith("#"):
            url = origin + href if href.startswith("/") else urljoin(context.url, href)
            if target_key(url) == own:
                return True
    return False


def _article(page: ParsedPage) -> RawArticle | None:
    if not has_header_text(page):
        return None
    labels = [
        o
        for t in header_texts(page)
        if IMPORTED_LABEL in t or UPDATED_LABEL in t
        if (o := owner(t)) is not None
    ]
    probe = find_cards(page, avoid=labels)
    header = find_header(page, probe)
    if header is None:
        return None
    raw = RawArticle()
    header.read(raw, page)
    # the labels' guard already kept cards off a labelled header; a label-less one is
    # guarded now, so that no card holds the page's own metadata
    cards = probe if header.labelled else find_cards(page, avoid=header.blocks)
    title = find_title(page, header, cards)
    if title is not None:
        raw.title = one_line(" ".join(page.lines(title)))
    after = find_title_after(page, header, raw.title)  # a headline after the dates
    title = title if title is not None else after
    last = header.blocks[-1]
    container = common_container(title, last) if title is not None else last.getparent()
    if title is not None:
        raw.title = one_line(" ".join(page.lines(title)))
        raw.lines["title"] = title.sourceline or 0
    raw.lines["body"] = raw.lines["metadata"]
    reader = Reader(page, cards, raw, guarded={page.root, last, *last.iterancestors()})
    if after is not None:
        reader.skipped.add(after)
    for box in region_boxes(last, container if container is not None else last, page):
        reader.feed(box)
    reader.finish()
    return raw


def read_platform_page(
    document: HtmlElement, context: PageContext, limit: int = 10_000, *, in_place: bool = False
) -> PlatformPage:
    """Read a page of the platform, deciding by its content what it is (``in_place``:
    the document may be changed, the caller has no more use for it).  An article's
    reading is checked against the page's evidence (:mod:`.confirm`)."""
    translations = translation_links(document, context)  # the switch is in the banner
    hrefs = [href.strip() for a in document.iter("a") if (href := a.get("href"))]
    sections = section_links(document, context, limit) if context.discover else []
    dropped: list[str] = []  # (hrefs: the pager may be in a <nav>, left out below)
    page = ParsedPage(strip_boilerplate(document, in_place=in_place, dropped=dropped), context)
    raw = _article(page)
    if raw is not None:  # the evidence is in the head and in scripts: left as they were
        raw.translations = translations
        claims = page_evidence(page.root, context.url, context.card)
        confirm(raw, page, replace(claims, headings=tuple(dropped)))
        return PlatformPage("article", raw, sections=sections)
    cards, more = read_cards(page, limit)
    if cards:
        links_itself = _links_itself(hrefs, context)
        return PlatformPage("listing", RawArticle(), cards, more, links_itself, sections)
    text = read_raw("\n".join(element_lines(page.root)), first_line=1)
    return PlatformPage(
        "other", text, links_itself=_links_itself(hrefs, context), sections=sections
    )


def extract_article(document: HtmlElement, context: PageContext) -> RawArticle:
    """The article's raw parts, checked against the page's evidence; a page without a
    metadata block is read as a text extractor would (and is then found not to be an
    article, or to lack its header)."""
    dropped: list[str] = []
    page = ParsedPage(strip_boilerplate(document, dropped=dropped), context)
    raw = _article(page)
    if raw is not None:
        claims = page_evidence(document, context.url, context.card)
        confirm(raw, page, replace(claims, headings=tuple(dropped)))
    raw = raw if raw is not None else read_raw("\n".join(element_lines(page.root)))
    raw.translations = translation_links(document, context)
    return raw


def listing_cards(
    document: HtmlElement, context: PageContext, limit: int = 10_000
) -> list[ListingCard]:
    """The article cards of a listing page in order, from its first ``limit`` links."""
    return read_cards(ParsedPage(strip_boilerplate(document), context), limit)[0]
