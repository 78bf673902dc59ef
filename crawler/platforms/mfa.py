"""Selectors of the MFA platform (www.mfa.go.th, *.mfa.go.th, *.thaiembassy.org).

The pages are rendered by Next.js with styled-jsx class names (a "jsx" prefix and a
hash) that change on every deploy, so nothing here names a class.  The article is
found by the platform's visible labels and by document structure:

1. the *metadata block* is the largest element around the first date label
   ("วันที่นำเข้าข้อมูล" / "วันที่ปรับปรุงข้อมูล"), or around the view counter
   ("N view") in the label-less template, whose lines are all header fields;
2. the *title* is the heading holding the last text before the metadata block;
3. the *body* is what follows the metadata block at its level (climbing while
   nothing follows, but never above the block that holds the title), block by
   block: text blocks are body, image-only blocks are the gallery, link lists
   (related news) end the article, off-site link blocks (share buttons) are skipped.

Navigation, header, footer, breadcrumbs and forms are removed first, by their
semantic tags, ARIA roles and the breadcrumb class, which do not change with a deploy.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.htmltext import element_lines, is_hidden
from crawler.platforms.page import (
    PageContext,
    ParsedPage,
    elements,
    is_document_url,
    one_line,
    texts,
)
from schemas.assess import RawArticle
from schemas.dates import DateParseError, parse_platform_date
from schemas.models import Attachment, ImageRef
from schemas.textform import (
    IMPORTED_LABEL,
    UPDATED_LABEL,
    header_tokens,
    read_header_line,
    read_raw,
)

__all__ = ["ListingCard", "PageContext", "extract_article", "listing_cards"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MAX_HEADER_CHARS = 400  # two labelled dates and a view counter take about a hundred
_BOILERPLATE = etree.XPath(  # one pass over the tree, the cheap tests first
    "//*[self::header or self::nav or self::footer or self::aside or self::form"
    " or self::button or self::dialog"
    " or @role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='complementary' or @role='search'"
    " or (@aria-label and contains(translate(@aria-label, 'BREADCUM', 'breadcum'), 'breadcrumb'))"
    " or (@class and contains(@class, 'readcrumb') and contains(concat(' ',"
    " normalize-space(translate(@class, 'BREADCUM', 'breadcum')), ' '), ' breadcrumb '))]"
)
_LABEL_TEXTS = etree.XPath("//text()[contains(., $imported) or contains(., $updated)]")
_VIEW_TEXTS = etree.XPath("//text()[contains(translate(., 'VIEW', 'view'), 'view')]")
_TEXT_BEFORE = etree.XPath("preceding::text()[normalize-space()]")


def strip_boilerplate(root: HtmlElement) -> HtmlElement:
    """A copy of ``root`` without navigation, header, footer, breadcrumbs and forms."""
    root = copy.deepcopy(root)
    for element in elements(_BOILERPLATE, root):
        if element.getparent() is not None:
            element.drop_tree()
    return root


def _owner(text: etree._ElementUnicodeResult) -> HtmlElement | None:
    """The element whose content a text node is (None if nobody sees it)."""
    element = text.getparent()
    if element is not None and text.is_tail:
        element = element.getparent()
    if element is None or any(is_hidden(e) for e in (element, *element.iterancestors())):
        return None
    return element


def header_lines(lines: list[str]) -> list[str]:
    """Lines with a date label alone on its line joined to the value on the next."""
    merged: list[str] = []
    for line in lines:
        if merged and merged[-1].strip() in (IMPORTED_LABEL, UPDATED_LABEL):
            merged[-1] = f"{merged[-1].strip()} {line}"
        else:
            merged.append(line)
    return merged


def _is_header(lines: list[str]) -> bool:
    raw = RawArticle()
    return bool(lines) and all(read_header_line(raw, t, 0, view_last=False) for t in lines)


def _metadata_block(page: ParsedPage) -> HtmlElement | None:
    anchor = None
    for text in texts(_LABEL_TEXTS, page.root, imported=IMPORTED_LABEL, updated=UPDATED_LABEL):
        anchor = _owner(text)
        if anchor is not None:
            break
    if anchor is None:  # the label-less template: a bare date and "N view"
        for text in texts(_VIEW_TEXTS, page.root):
            owner = _owner(text)
            tokens = header_tokens(str(text)) if owner is not None else None
            if owner is not None and tokens and {name for name, _ in tokens} == {"view_count"}:
                anchor = owner
                break
    if anchor is None or not _is_header(header_lines(page.lines(anchor))):
        return None
    block = anchor
    while (parent := block.getparent()) is not None and parent is not page.root:
        if len(parent.text_content()) > MAX_HEADER_CHARS:  # holds more than dates and views
            break
        if not _is_header(header_lines(page.lines(parent))):
            break
        block = parent
    return block


def _title_heading(block: HtmlElement) -> HtmlElement | None:
    for text in reversed(texts(_TEXT_BEFORE, block)):
        owner = _owner(text)
        if owner is None or not str(text).strip():
            continue
        for candidate in (owner, *owner.iterancestors()):
            if candidate.tag in HEADINGS or candidate.get("role") == "heading":
                return candidate
        return None
    return None


@dataclass
class _Blocks:
    body: list[HtmlElement] = field(default_factory=list)
    gallery: list[HtmlElement] = field(default_factory=list)


def _classify(element: HtmlElement, page: ParsedPage) -> str:
    """``body``, ``gallery``, ``linklist`` (related news), ``menu``, ``chrome`` or ``empty``."""
    lines = page.lines(element)
    if not lines:
        return "gallery" if page.gallery_images(element) else "empty"
    links = page.links(element)
    if any(is_document_url(url) for _a, url in links):
        return "body"
    text_length = page.text_length(element)
    cards = page.article_links(element)
    if len(cards) >= 2 and 2 * sum(page.text_length(a) for a, _ in cards) >= text_length:
        return "linklist"
    all_linked = bool(links) and sum(page.text_length(a) for a, _ in links) >= text_length
    if all_linked and all(page.on_site(url) for _a, url in links):
        return "menu"
    if all_linked and not any(page.on_site(url) for _a, url in links) and text_length <= 40:
        return "chrome"
    captions = {line for cap in element.iter("figcaption") for line in page.lines(cap)}
    if set(lines) <= captions and page.gallery_images(element):
        return "gallery"
    return "body"


def _following_blocks(block: HtmlElement, limit: HtmlElement, page: ParsedPage) -> _Blocks:
    """Body and gallery blocks after the metadata block, up to the article's container.

    Siblings of the metadata block come first; only if none holds content does the
    walk climb a level, up to ``limit`` (the element holding title and metadata).
    Above the metadata block's own level, a block of nothing but site links
    (a menu) also ends the article.
    """
    found = _Blocks()
    node: HtmlElement | None = block
    climbed = False
    while node is not None:
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str) or is_hidden(sibling):
                continue
            kind = _classify(sibling, page)
            if kind == "linklist" or (climbed and kind == "menu"):
                return found
            if kind in ("body", "menu"):  # at the metadata's level a menu is a link paragraph
                found.body.append(sibling)
            elif kind == "gallery":
                found.gallery.append(sibling)
        if found.body or found.gallery or node is limit:
            return found
        node, climbed = node.getparent(), True
    return found


def _images(gallery: list[HtmlElement], page: ParsedPage) -> list[ImageRef]:
    images = []
    for block in gallery:
        for img, url in page.gallery_images(block):
            figure = next(img.iterancestors("figure"), None)
            caption_el = figure.find(".//figcaption") if figure is not None else None
            shown = " ".join(page.lines(caption_el)) if caption_el is not None else None
            images.append(ImageRef(url=url, caption=one_line(shown) or one_line(img.get("alt"))))
    return images


def _attachments(blocks: list[HtmlElement], page: ParsedPage) -> list[Attachment]:
    seen: dict[str, Attachment] = {}
    for block in blocks:
        for link, url in page.links(block):
            if is_document_url(url) and url not in seen:
                seen[url] = Attachment(url=url, title=one_line(" ".join(page.lines(link))))
    return list(seen.values())


def extract_article(document: HtmlElement, context: PageContext) -> RawArticle:
    """The article's raw parts from a parsed platform page."""
    page = ParsedPage(strip_boilerplate(document), context)
    block = _metadata_block(page)
    if block is None:  # no recognisable header: read the page as a text extractor would
        return read_raw("\n".join(element_lines(page.root)), first_line=1)
    raw = RawArticle()
    for text in header_lines(page.lines(block)):
        read_header_line(raw, text, block.sourceline or 0, view_last=False)
    raw.lines["metadata"] = block.sourceline or 0
    heading = _title_heading(block)
    ancestors = list(block.iterancestors())
    limit = ancestors[min(1, len(ancestors) - 1)] if ancestors else block
    if heading is not None:
        raw.title = one_line(" ".join(page.lines(heading)))
        raw.lines["title"] = heading.sourceline or 0
        limit = next(a for a in heading.iterancestors() if block in a.iterdescendants())
    blocks = _following_blocks(block, limit, page)
    raw.body = [line for element in blocks.body for line in page.lines(element)]
    raw.lines["body"] = (blocks.body[0].sourceline or 0) if blocks.body else raw.lines["metadata"]
    raw.images = _images(blocks.gallery, page)
    raw.attachments = _attachments(blocks.body + blocks.gallery, page)
    return raw


@dataclass(frozen=True)
class ListingCard:
    """One article linked from a category listing, with the date the card shows."""

    url: str
    card_date: date | None


def listing_cards(
    document: HtmlElement, context: PageContext, limit: int = 10_000
) -> list[ListingCard]:
    """Article links of a listing page in order, each with its card's date if shown;
    at most ``limit`` + 1 of them (so that a caller can tell there were more)."""
    page = ParsedPage(strip_boilerplate(document), context)
    cards: dict[str, ListingCard] = {}
    for link, url in page.article_links(page.root):
        if url not in cards:
            cards[url] = ListingCard(url=url, card_date=_card_date(link, url, page))
            if len(cards) > limit:  # the caller is told there were more, and reads `limit`
                break
    return list(cards.values())


def _card_date(link: HtmlElement, url: str, page: ParsedPage) -> date | None:
    """The first date shown in the largest container that holds this card alone."""
    for container in (link, *link.iterancestors()):
        if any(target != url for _a, target in page.links(container)):
            return None
        for line in page.lines(container):
            try:
                return parse_platform_date(line)
            except DateParseError:
                continue
    return None
