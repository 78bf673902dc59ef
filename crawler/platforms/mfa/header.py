"""The article's header: its metadata block and its title.

The metadata block is found by what it says, never by class or position: the
platform's date labels ("วันที่นำเข้าข้อมูล", "วันที่ปรับปรุงข้อมูล"), or in the
label-less template a bare date and a view counter ("1,575 view").  Around the text
that says it, the block is the largest element that says nothing else, together with
the neighbouring blocks that are header too (a counter in a block of its own).  A
card's date and counter (related news, listings) look the same and are never the
page's: candidates inside a card are passed over.

The title is the heading closest before the metadata block (past at most a few
blocks of other text: a category, a subtitle), preferring one that the document's
``<title>`` or ``og:title`` names; a block that is not a heading is the title only
when those name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.htmltext import is_hidden
from crawler.platforms.mfa.cards import Cards, target_key
from crawler.platforms.mfa.vocabulary import is_decoration, section_kind
from crawler.platforms.page import ParsedPage, one_line, texts
from schemas.assess import RawArticle
from schemas.textform import IMPORTED_LABEL, UPDATED_LABEL, header_tokens, read_header_line

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MAX_HEADER_CHARS = 400  # two labelled dates and a view counter take about a hundred
TITLE_LOOKBACK = 6  # blocks of other text allowed between the title and the metadata
_CANDIDATES = etree.XPath(
    "//text()[contains(., $imported) or contains(., $updated)"
    " or contains(translate(., 'VIEW', 'view'), 'view')]"
)
# the nearest texts before the metadata (a reverse axis counts back from it); far more
# than the title's look-back of TITLE_LOOKBACK blocks needs
_TEXT_BEFORE = etree.XPath("preceding::text()[normalize-space()][position() <= 400]")
_DOCUMENT_TITLES = etree.XPath(
    "/html/head/title/text() | /html/head/meta[@property='og:title' or @name='og:title'"
    " or @name='twitter:title']/@content"
)


def owner(text: etree._ElementUnicodeResult) -> HtmlElement | None:
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
        if merged and merged[-1].strip().rstrip(":").strip() in (IMPORTED_LABEL, UPDATED_LABEL):
            merged[-1] = f"{merged[-1].strip()} {line}"
        else:
            merged.append(line)
    return merged


def header_fields(lines: list[str]) -> set[str] | None:
    """The fields a block's lines hold if they are all header (``imported_date``,
    ``updated_date``, ``view_count``, ``bare_date``), else None."""
    fields: set[str] = set()
    for line in header_lines(lines):
        tokens = header_tokens(line)
        if tokens is None:
            return None
        fields.update(name for name, _value in tokens)
    return fields or None


@dataclass
class Header:
    """The metadata block: one element, or a run of sibling elements."""

    blocks: list[HtmlElement]
    fields: set[str]

    @property
    def labelled(self) -> bool:
        return bool(self.fields & {"imported_date", "updated_date"})

    def read(self, raw: RawArticle, page: ParsedPage) -> None:
        """Record the header's dates and view count in ``raw``."""
        for block in self.blocks:
            for line in header_lines(page.lines(block)):
                read_header_line(raw, line, block.sourceline or 0, view_last=False)
        raw.lines["metadata"] = self.blocks[0].sourceline or 0


def _fields_of(element: HtmlElement, page: ParsedPage) -> set[str] | None:
    if page.text_length(element) > MAX_HEADER_CHARS:
        return None
    return header_fields(page.lines(element))


def _grow(start: HtmlElement, page: ParsedPage) -> Header | None:
    """The header block around a text that names a header field."""
    block, fields = start, _fields_of(start, page)
    for _ in range(2):  # "1,575" and "view" may sit in elements of their own
        parent = block.getparent()
        if fields is not None or parent is None or parent is page.root:
            break
        block, fields = parent, _fields_of(parent, page)
    if fields is None:
        return None
    while (parent := block.getparent()) is not None and parent is not page.root:
        wider = _fields_of(parent, page)
        if wider is None:
            break
        block, fields = parent, wider
    blocks = [block]
    for preceding in (False, True):
        for sibling in block.itersiblings(preceding=preceding):
            if not isinstance(sibling.tag, str) or is_hidden(sibling) or not page.lines(sibling):
                continue
            more = _fields_of(sibling, page)
            if more is None or more & fields or not _fits(more, fields):
                break
            fields |= more
            if preceding:
                blocks.insert(0, sibling)
            else:
                blocks.append(sibling)
    return Header(blocks, fields)


def header_texts(page: ParsedPage) -> list[etree._ElementUnicodeResult]:
    """The texts that name a header field (a label, or "view"), in document order."""
    return page.document_texts(_CANDIDATES, imported=IMPORTED_LABEL, updated=UPDATED_LABEL)


def has_header_text(page: ParsedPage) -> bool:
    """Whether the page shows any text a metadata block is made of (cheap to ask)."""
    found = header_texts(page)
    return bool(found)


def _fits(more: set[str], fields: set[str]) -> bool:
    """Whether a neighbouring block completes the header: a bare date only when the
    header has no date yet (else it is the body's first line, a dateline)."""
    return "bare_date" not in more or not fields & {"imported_date", "updated_date", "bare_date"}


def find_header(page: ParsedPage, cards: Cards) -> Header | None:
    """The page's metadata block: the first labelled one outside cards, else the first
    label-less one (a view counter, with or without a bare date) outside cards."""
    label_less: Header | None = None
    seen: set[HtmlElement] = set()
    for text in header_texts(page):
        element = owner(text)
        if element is None or element in seen or cards.card_of(element) is not None:
            continue
        seen.add(element)
        header = _grow(element, page)
        if header is None or any(cards.card_of(b) is not None for b in header.blocks):
            continue
        if header.labelled:
            return header
        complete = "bare_date" in header.fields
        if "view_count" in header.fields and (
            label_less is None or (complete and "bare_date" not in label_less.fields)
        ):
            label_less = header
    return label_less


def _document_titles(page: ParsedPage) -> set[str]:
    titles: set[str] = set()
    for value in _DOCUMENT_TITLES(page.root):  # type: ignore[union-attr]
        text = one_line(str(value))
        if text:
            titles.add(text)
            for separator in (" | ", " - ", " – ", " :: "):
                titles.add(text.split(separator)[0].strip())
    return titles


def find_title(page: ParsedPage, header: Header, cards: Cards) -> HtmlElement | None:
    """The title element: the nearest heading before the metadata, the one the document
    title names first; a block the document title names if no heading is near."""
    named = _document_titles(page)
    nearest: HtmlElement | None = None
    seen: list[HtmlElement] = []
    for text in reversed(texts(_TEXT_BEFORE, header.blocks[0])):
        element = owner(text)
        if element is None or cards.card_of(element) is not None:
            continue
        heading = next((e for e in (element, *element.iterancestors()) if _is_heading(e)), None)
        block = heading if heading is not None else element
        if block in seen or any(block in s.iterancestors() for s in seen):
            continue
        shown = one_line(" ".join(page.lines(block)))
        if not shown or header_fields(page.lines(block)) or section_kind(shown):
            continue
        if is_decoration(shown):
            continue  # "อ่านต่อ" above a strip of cards, "« ย้อนกลับ": no title
        if _links_away(block, page):
            continue  # a logo or a menu item: the site's name, another page's title
        seen.append(block)
        if shown in named:
            return block
        if heading is not None and nearest is None:
            nearest = heading
        if len(seen) >= TITLE_LOOKBACK:
            break
    return nearest


_TEXT_AFTER = etree.XPath("following::text()[normalize-space()][position() <= 20]")


def find_title_after(page: ParsedPage, header: Header, title: str | None) -> HtmlElement | None:
    """A headline right after the metadata (a dates-above-headline layout): the first
    thing that follows, when it is a heading that the document title names or that
    repeats the ``title`` found before the metadata."""
    named = _document_titles(page) if title is None else {title}
    last = header.blocks[-1]
    for text in texts(_TEXT_AFTER, last):  # the following axis leaves out last's own
        element = owner(text)
        if element is None:
            continue
        heading = next((e for e in (element, *element.iterancestors()) if _is_heading(e)), None)
        if heading is None or _links_away(heading, page):
            return None
        return heading if one_line(" ".join(page.lines(heading))) in named else None
    return None


def _links_away(block: HtmlElement, page: ParsedPage) -> bool:
    """Whether ``block`` is a link (or all link text) to another page than this one."""
    own = target_key(page.context.url)
    anchor = next((e for e in (block, *block.iterancestors()) if e.tag == "a"), None)
    if anchor is not None and anchor.get("href"):
        return target_key(page.resolve(anchor.get("href"))) != own
    links = page.links(block)
    linked = sum(page.text_length(a) for a, _url in links)
    away = any(target_key(url) != own for _a, url in links)
    return away and linked >= page.text_length(block)


def _is_heading(element: HtmlElement) -> bool:
    return element.tag in HEADINGS or element.get("role") == "heading"
