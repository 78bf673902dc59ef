"""Selectors of the MFA platform (www.mfa.go.th, *.mfa.go.th, *.thaiembassy.org).

The pages are rendered by Next.js with styled-jsx class names (a "jsx" prefix and a hash)
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
        classes = (element.get("class") or "").lower().split()
        crumbs = "breadcrumb" in label or "breadcrumb" in classes
        if element.tag in BOILERPLATE_TAGS or role in BOILERPLATE_ROLES or crumbs:
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
    return bool(lines) and all(read_header_line(raw, t, line, view_last=False) for t in lines)


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


@dataclass(frozen=True)
class PageContext:
    """The page's URL and every host name of its site (aliases count as the site)."""

    url: str
    hosts: frozenset[str]

    @classmethod
    def of(cls, url: str, aliases: frozenset[str] = frozenset()) -> PageContext:
        return cls(url, frozenset({urlsplit(url).netloc.lower(), *aliases}))

    def resolve(self, href: str | None) -> str:
        return urljoin(self.url, (href or "").strip())

    def on_site(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() in self.hosts


def _same_site_page_links(element: HtmlElement, page: PageContext) -> list[HtmlElement]:
    links = []
    for link in element.iter("a"):
        target = page.resolve(link.get("href"))
        if page.on_site(target) and is_article_path(urlsplit(target).path):
            links.append(link)
    return links


def _is_image_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(IMAGE_SUFFIXES)


def _image_source(img: HtmlElement, page: PageContext) -> str | None:
    """The image's own http(s) URL: src, else a lazy-loading attribute or srcset."""
    srcset = (img.get("srcset") or img.get("data-srcset") or "").split(",")[0].split(" ")[0]
    for candidate in (img.get("src"), img.get("data-src"), img.get("data-lazy-src"), srcset):
        url = page.resolve(candidate) if candidate else ""
        if urlsplit(url).scheme in ("http", "https"):
            return url
    return None


def _gallery_images(
    element: HtmlElement, page: PageContext
) -> list[tuple[HtmlElement, str | None]]:
    """Images with the URL to archive: a full-size image link target, else the image.

    An image inside a link to an article page of the site (a related-news thumbnail)
    or to another site's page (a share button) is an icon of that link, not a picture
    of the article.
    """
    found = []
    for img in element.iter("img"):
        source = _image_source(img, page)
        link = next(img.iterancestors("a"), None)
        href = (link.get("href") or "").strip() if link is not None else ""
        in_page = not href or href.startswith(("#", "javascript:"))
        target = "" if in_page else page.resolve(href)
        parts = urlsplit(target)
        if parts.scheme in ("http", "https") and not _is_image_url(target):
            host = parts.netloc.lower()
            own = host in page.hosts or (source is not None and urlsplit(source).netloc == host)
            if not own or is_article_path(parts.path):
                continue
        found.append((img, target if _is_image_url(target) else source))
    return found


def _has_document_links(element: HtmlElement, page: PageContext) -> bool:
    return any(_is_document(page.resolve(a.get("href"))) for a in element.iter("a"))


def _is_document(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(DOCUMENT_SUFFIXES)


def _classify(element: HtmlElement, page: PageContext) -> str:
    """``body``, ``gallery``, ``linklist`` (related news), ``menu``, ``chrome`` or ``empty``."""
    lines = element_lines(element)
    text = " ".join(lines)
    images = _gallery_images(element, page)
    if not lines:
        return "gallery" if images else "empty"
    if _has_document_links(element, page):
        return "body"
    page_links = _same_site_page_links(element, page)
    link_text = sum(len(" ".join(element_lines(link))) for link in page_links)
    if len(page_links) >= 2 and link_text * 2 >= len(text):
        return "linklist"
    links = list(element.iter("a"))
    linked_text = sum(len(" ".join(element_lines(a))) for a in links)
    all_linked = bool(links) and linked_text >= len(text.replace(" ", ""))
    targets = [page.resolve(a.get("href")) for a in links]
    if all_linked and all(page.on_site(t) for t in targets):
        return "menu"
    if all_linked and not any(page.on_site(t) for t in targets) and len(text) <= 40:
        return "chrome"
    if images and set(lines) <= _captions_text(element):
        return "gallery"
    return "body"


def _captions_text(element: HtmlElement) -> set[str]:
    return {line for cap in element.iter("figcaption") for line in element_lines(cap)}


def _following_blocks(block: HtmlElement, limit: HtmlElement, page: PageContext) -> _Blocks:
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
            kind = _classify(sibling, page)
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


def _images(gallery: list[HtmlElement], page: PageContext) -> list[ImageRef]:
    images = []
    for block in gallery:
        for img, url in _gallery_images(block, page):
            figure = next(img.iterancestors("figure"), None)
            caption_el = figure.find(".//figcaption") if figure is not None else None
            shown = " ".join(element_lines(caption_el)) if caption_el is not None else None
            caption = _one_line(shown) or _one_line(img.get("alt"))
            images.append(ImageRef(url=url, caption=caption))
    return images


def _attachments(blocks: list[HtmlElement], page: PageContext) -> list[Attachment]:
    seen: dict[str, Attachment] = {}
    for block in blocks:
        for link in block.iter("a"):
            url = page.resolve(link.get("href"))
            if _is_document(url) and urlsplit(url).scheme in ("http", "https") and url not in seen:
                seen[url] = Attachment(url=url, title=_one_line(" ".join(element_lines(link))))
    return list(seen.values())


def extract_article(document: HtmlElement, page: PageContext) -> RawArticle:
    """The article's raw parts from a parsed platform page."""
    root = strip_boilerplate(document)
    block = _metadata_block(root)
    if block is None:  # no recognisable header: read the page as a text extractor would
        return read_raw("\n".join(element_lines(root)), first_line=1)
    raw = RawArticle()
    for text in header_lines(block):
        read_header_line(raw, text, block.sourceline or 0, view_last=False)
    raw.lines["metadata"] = block.sourceline or 0
    heading = _title_heading(root, block)
    ancestors = list(block.iterancestors())
    limit = ancestors[min(1, len(ancestors) - 1)] if ancestors else block
    if heading is not None:
        raw.title = _one_line(" ".join(element_lines(heading)))
        raw.lines["title"] = heading.sourceline or 0
        limit = next(a for a in heading.iterancestors() if block in a.iterdescendants())
    blocks = _following_blocks(block, limit, page)
    raw.body = [line for element in blocks.body for line in element_lines(element)]
    raw.lines["body"] = (blocks.body[0].sourceline or 0) if blocks.body else raw.lines["metadata"]
    raw.images = _images(blocks.gallery, page)
    raw.attachments = _attachments(blocks.body + blocks.gallery, page)
    return raw


@dataclass(frozen=True)
class ListingCard:
    """One article linked from a category listing, with the date the card shows."""

    url: str
    card_date: date | None


def listing_cards(document: HtmlElement, page: PageContext) -> list[ListingCard]:
    """Article links of a listing page in order, each with its card's date if shown."""
    root = strip_boilerplate(document)
    cards: dict[str, ListingCard] = {}
    for link in _same_site_page_links(root, page):
        url = page.resolve(link.get("href"))
        if url not in cards:
            cards[url] = ListingCard(url=url, card_date=_card_date(link, page))
    return list(cards.values())


def _card_date(link: HtmlElement, page: PageContext) -> date | None:
    """The first date shown in the largest container that holds this card alone."""
    own = page.resolve(link.get("href"))
    for container in (link, *link.iterancestors()):
        others = {page.resolve(a.get("href")) for a in container.iter("a")}
        if others - {own}:
            return None
        for line in element_lines(container):
            try:
                return parse_platform_date(line)
            except DateParseError:
                continue
    return None
