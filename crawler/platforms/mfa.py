"""Selectors of the MFA platform (www.mfa.go.th, *.mfa.go.th, *.thaiembassy.org).

The pages are rendered by Next.js with styled-jsx class names (``jsx-<hash>``)
that change on every deploy, so nothing here names a class.  The article is found
by the platform's visible labels and by document structure:

1. the *metadata block* is the largest element around the first date label
   ("วันที่นำเข้าข้อมูล" / "วันที่ปรับปรุงข้อมูล"), or around the view counter
   ("N view") in the label-less template, whose lines are all header fields;
2. the *title* is the heading holding the last text before the metadata block;
3. the *body* is what follows the metadata block at its level (climbing while
   nothing follows, but never above the block that holds the title), block by
   block: text blocks are body, image-only blocks are the gallery, link lists
   (related news) end the article, off-site link blocks (share buttons) are skipped.

Navigation, header, footer, breadcrumbs and forms are removed first, by their
semantic tags and ARIA roles, which do not change with a deploy.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.platforms.htmltext import element_lines, visible_elements
from crawler.urls import is_article_path
from schemas.assess import RawArticle
from schemas.dates import DateParseError, parse_platform_date
from schemas.models import Attachment, ImageRef
from schemas.textform import IMPORTED_LABEL, UPDATED_LABEL, read_header_line, read_raw

BOILERPLATE_TAGS = frozenset({"header", "nav", "footer", "aside", "form", "button", "dialog"})
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
DOCUMENT_SUFFIXES = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".odt",
    ".ods", ".csv", ".txt", ".rtf",
)  # fmt: skip
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff")
_VIEW_TEXT = re.compile(r"^\s*\|?\s*[0-9๐-๙][0-9๐-๙,]*\s*views?\s*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _own_text(element: HtmlElement) -> str:
    return (element.text or "") + "".join(child.tail or "" for child in element)


def strip_boilerplate(root: HtmlElement) -> HtmlElement:
    """A copy of ``root`` without navigation, header, footer, breadcrumbs and forms."""
    root = copy.deepcopy(root)
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        role = (element.get("role") or "").lower()
        label = (element.get("aria-label") or "").lower()
        if element.tag in BOILERPLATE_TAGS or role in BOILERPLATE_ROLES or "breadcrumb" in label:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return root


def header_lines(element: HtmlElement) -> list[str]:
    """The element's lines, with a date label alone on its line joined to its value."""
    merged: list[str] = []
    for line in element_lines(element):
        if merged and merged[-1].strip() in (IMPORTED_LABEL, UPDATED_LABEL):
            merged[-1] = f"{merged[-1].strip()} {line}"
        else:
            merged.append(line)
    return merged


def _is_header_block(lines: list[str], raw: RawArticle, line: int) -> bool:
    return bool(lines) and all(read_header_line(raw, text, line) for text in lines)


def _metadata_block(root: HtmlElement) -> HtmlElement | None:
    anchor = view_anchor = None
    for element in visible_elements(root):
        own = _own_text(element)
        if IMPORTED_LABEL in own or UPDATED_LABEL in own:
            anchor = element
            break
        if view_anchor is None and _VIEW_TEXT.match(own):
            view_anchor = element
    anchor = anchor if anchor is not None else view_anchor
    if anchor is None or not _is_header_block(header_lines(anchor), RawArticle(), 0):
        return None
    block = anchor
    while (parent := block.getparent()) is not None and parent is not root:
        if not _is_header_block(header_lines(parent), RawArticle(), 0):
            break
        block = parent
    return block


def _title_heading(root: HtmlElement, block: HtmlElement) -> HtmlElement | None:
    last_text = None
    for element in visible_elements(root):
        if element is block:
            break
        if _own_text(element).strip():
            last_text = element
    if last_text is None:
        return None
    for candidate in (last_text, *last_text.iterancestors()):
        if candidate.tag in HEADINGS or (candidate.get("role") or "") == "heading":
            return candidate
    return None


@dataclass
class _Blocks:
    body: list[HtmlElement]
    gallery: list[HtmlElement]


def _same_site_page_links(element: HtmlElement, base_url: str) -> list[HtmlElement]:
    host = urlsplit(base_url).netloc
    links = []
    for link in element.iter("a"):
        target = urlsplit(urljoin(base_url, link.get("href") or ""))
        if target.netloc == host and is_article_path(target.path):
            links.append(link)
    return links


def _is_image_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(IMAGE_SUFFIXES)


def _gallery_images(element: HtmlElement, base_url: str) -> list[tuple[HtmlElement, str | None]]:
    """Images with the URL to archive: the full-size link target, else the src.

    An image inside a link to a page (share buttons, related-news thumbnails) is an
    icon of that link, not a picture of the article.
    """
    found = []
    for img in element.iter("img"):
        src = img.get("src") or img.get("data-src")
        link = next(img.iterancestors("a"), None)
        target = urljoin(base_url, link.get("href") or "") if link is not None else None
        if target is not None and not _is_image_url(target):
            continue
        found.append((img, target or (urljoin(base_url, src) if src else None)))
    return found


def _classify(element: HtmlElement, base_url: str) -> str:
    lines = element_lines(element)
    text = " ".join(lines)
    images = _gallery_images(element, base_url)
    if not lines:
        return "gallery" if images else "empty"
    links = list(element.iter("a"))
    page_links = _same_site_page_links(element, base_url)
    link_text = sum(len(" ".join(element_lines(link))) for link in page_links)
    if len(page_links) >= 2 and link_text * 2 >= len(text):
        return "linklist"
    host = urlsplit(base_url).netloc
    hosts = {urlsplit(urljoin(base_url, a.get("href") or "")).netloc for a in links}
    linked_text = sum(len(" ".join(element_lines(a))) for a in links)
    if links and hosts == {host} and linked_text >= len(text.replace(" ", "")):
        return "menu"
    if (
        links
        and host not in hosts
        and linked_text >= len(text.replace(" ", ""))
        and len(text) <= 40
    ):
        return "chrome"
    if images and set(lines) <= _captions_text(element):
        return "gallery"
    return "body"


def _captions_text(element: HtmlElement) -> set[str]:
    return {line for cap in element.iter("figcaption") for line in element_lines(cap)}


def _following_blocks(block: HtmlElement, limit: HtmlElement, base_url: str) -> _Blocks:
    """Body and gallery blocks after the metadata block, up to the article's container.

    Siblings of the metadata block come first; only if none holds content does the
    walk climb a level, up to ``limit`` (the element holding title and metadata).
    Above the metadata block's own level, a block of nothing but site links
    (a menu) also ends the article.
    """
    found = _Blocks(body=[], gallery=[])
    node: HtmlElement | None = block
    climbed = False
    while node is not None:
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            kind = _classify(sibling, base_url)
            if kind == "linklist" or (climbed and kind == "menu"):
                return found
            if kind == "menu":  # at the metadata's own level, a paragraph that is a link
                kind = "body"
            if kind == "body":
                found.body.append(sibling)
            elif kind == "gallery":
                found.gallery.append(sibling)
        if found.body or found.gallery or node is limit:
            return found
        node, climbed = node.getparent(), True
    return found


def _one_line(text: str | None) -> str | None:
    value = _SPACES.sub(" ", text or "").strip()
    return value or None


def _images(gallery: list[HtmlElement], base_url: str) -> list[ImageRef]:
    images = []
    for block in gallery:
        for img, url in _gallery_images(block, base_url):
            figure = next(img.iterancestors("figure"), None)
            caption_el = figure.find(".//figcaption") if figure is not None else None
            shown = " ".join(element_lines(caption_el)) if caption_el is not None else None
            caption = _one_line(shown) or _one_line(img.get("alt"))
            images.append(ImageRef(url=url, caption=caption))
    return images


def _attachments(blocks: list[HtmlElement], base_url: str) -> list[Attachment]:
    seen: dict[str, Attachment] = {}
    for block in blocks:
        for link in block.iter("a"):
            url = urljoin(base_url, link.get("href") or "")
            if urlsplit(url).path.lower().endswith(DOCUMENT_SUFFIXES) and url not in seen:
                title = _one_line(" ".join(element_lines(link)))
                seen[url] = Attachment(url=url, title=title)
    return list(seen.values())


def extract_article(page: HtmlElement, base_url: str) -> RawArticle:
    """The article's raw parts from a platform page (``page``: the parsed document)."""
    root = strip_boilerplate(page)
    block = _metadata_block(root)
    if block is None:  # no recognisable header: read the page as a text extractor would
        return read_raw("\n".join(element_lines(root)), first_line=1)
    raw = RawArticle()
    for text in header_lines(block):
        read_header_line(raw, text, block.sourceline or 0)
    raw.lines["metadata"] = block.sourceline or 0
    heading = _title_heading(root, block)
    ancestors = list(block.iterancestors())
    limit = ancestors[min(1, len(ancestors) - 1)] if ancestors else block
    if heading is not None:
        raw.title = _one_line(" ".join(element_lines(heading)))
        raw.lines["title"] = heading.sourceline or 0
        limit = next(a for a in heading.iterancestors() if block in a.iterdescendants())
    blocks = _following_blocks(block, limit, base_url)
    raw.body = [line for element in blocks.body for line in element_lines(element)]
    raw.lines["body"] = (blocks.body[0].sourceline or 0) if blocks.body else raw.lines["metadata"]
    raw.images = _images(blocks.gallery, base_url)
    raw.attachments = _attachments(blocks.body + blocks.gallery, base_url)
    return raw


@dataclass(frozen=True)
class ListingCard:
    """One article linked from a category listing, with the date the card shows."""

    url: str
    card_date: date | None


def listing_cards(page: HtmlElement, base_url: str) -> list[ListingCard]:
    """Article links of a listing page in order, each with its card's date if shown."""
    root = strip_boilerplate(page)
    cards: dict[str, ListingCard] = {}
    for link in _same_site_page_links(root, base_url):
        url = urljoin(base_url, link.get("href") or "")
        if "/content-category/" in urlsplit(url).path or url in cards:
            continue
        cards[url] = ListingCard(url=url, card_date=_card_date(link, base_url))
    return list(cards.values())


def _card_date(link: HtmlElement, base_url: str) -> date | None:
    """The first date shown in the largest container that holds this card alone."""
    own = urljoin(base_url, link.get("href") or "")
    for container in (link, *link.iterancestors()):
        others = {urljoin(base_url, a.get("href") or "") for a in container.iter("a")}
        if others - {own}:
            return None
        for line in element_lines(container):
            try:
                return parse_platform_date(line)
            except DateParseError:
                continue
    return None
