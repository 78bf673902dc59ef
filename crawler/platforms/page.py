"""One parsed page as the platform selectors see it: its text, links and images.

The selectors ask the same questions of the same elements many times (the lines of a
block, where a link goes), so the answers are kept for the page's lifetime: reading
an article costs one walk per element, not one per question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.evidence import CardClaims
from crawler.platforms.htmltext import element_lines, is_hidden, keeps_spaces
from crawler.urls import is_article_path, is_listing_page_link

DOCUMENT_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".zip",
    ".rar",
    ".odt",
    ".ods",
    ".csv",
    ".txt",
    ".rtf",
)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff")
_SPACES = re.compile(r"\s+")
_UNCOUNTED = str.maketrans("", "", " \t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# whatever the case of the property's name, as htmltext reads it ("White-Space: pre")
_PRESERVING = etree.XPath(
    "//pre | //textarea"
    " | //@style[contains(translate(., 'WHITESPAC', 'whitespac'), 'white-space')]/.."
)


def elements(xpath: etree.XPath, node: HtmlElement, **variables: str) -> list[HtmlElement]:
    """An XPath's elements, typed (the selectors' XPaths all select elements)."""
    return cast("list[HtmlElement]", xpath(node, **variables))


def texts(
    xpath: etree.XPath, node: HtmlElement, **variables: str
) -> list[etree._ElementUnicodeResult]:
    """An XPath's text nodes, typed (they know their element: ``getparent()``)."""
    return cast("list[etree._ElementUnicodeResult]", xpath(node, **variables))


@dataclass(frozen=True)
class PageContext:
    """The page's URL and every host name of its site (aliases count as the site), and
    what the listing card that linked it showed (evidence the reading is checked with)."""

    url: str
    hosts: frozenset[str]
    card: CardClaims | None = None
    discover: bool = False
    """Whether the reading lists the pages the page's menus lead to (a home page, where
    discovery looks for the site's listings: :mod:`crawler.platforms.mfa.menus`)."""
    image_hosts: frozenset[str] = frozenset({"image.mfa.go.th"})
    """The hosts of the platform's image service, whose renditions (``/mfa/<op>/``) are
    read as their original (``MEDIA_HOSTS`` adds mirrors of it)."""

    @classmethod
    def of(
        cls,
        url: str,
        aliases: frozenset[str] = frozenset(),
        card: CardClaims | None = None,
        discover: bool = False,
        image_hosts: frozenset[str] = frozenset(),
    ) -> PageContext:
        names = frozenset({urlsplit(url).netloc.lower(), *aliases})
        hosts = frozenset({"image.mfa.go.th", *image_hosts})
        return cls(url, names, card, discover, hosts)


def one_line(text: str | None) -> str | None:
    """Text for a one-line field (title, caption, link text): whitespace collapsed."""
    value = _SPACES.sub(" ", text or "").strip()
    return value or None


def is_image_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(IMAGE_SUFFIXES)


def is_document_url(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and urlsplit(url).path.lower().endswith(
        DOCUMENT_SUFFIXES
    )


class ParsedPage:
    """A document with its context, and memoised answers about its elements."""

    def __init__(self, root: HtmlElement, context: PageContext) -> None:
        self.root, self.context = root, context
        self._lines: dict[HtmlElement, list[str]] = {}
        self._keeps: dict[HtmlElement, bool] = {}
        self._urls: dict[str, str] = {}
        self._links: dict[HtmlElement, list[tuple[HtmlElement, str]]] = {}
        self._lengths: dict[HtmlElement, int] = {}
        self._queries: dict[etree.XPath, list[etree._ElementUnicodeResult]] = {}
        self.memo: dict[tuple[object, ...], object] = {}
        """Answers the platform's readers memoise per element (the pictures under an
        element, asked again for each of its descendants' items): keys name the question."""
        self._preserving = bool(elements(_PRESERVING, root))
        parts = urlsplit(context.url)
        self._origin = f"{parts.scheme}://{parts.netloc}"

    def lines(self, element: HtmlElement) -> list[str]:
        cached = self._lines.get(element)
        if cached is None:
            cached = self._lines[element] = element_lines(element, self.inherits(element))
        return cached

    def inherits(self, element: HtmlElement) -> bool:
        """Whether text in ``element`` keeps its spaces by an ancestor's doing (``<pre>``,
        ``white-space: pre``), asked once per element: an answer is the parent's."""
        if not self._preserving:
            return False  # no pre-formatted text on the page: nothing inherits it
        known = self._keeps.get(element)
        if known is None:
            parent = element.getparent()
            known = parent is not None and keeps_spaces(parent, self.inherits(parent))
            self._keeps[element] = known
        return known

    def document_texts(
        self, xpath: etree.XPath, **variables: str
    ) -> list[etree._ElementUnicodeResult]:
        """The text nodes a document-wide XPath selects, asked once per page."""
        found = self._queries.get(xpath)
        if found is None:
            found = self._queries[xpath] = texts(xpath, self.root, **variables)
        return found

    def text_length(self, element: HtmlElement) -> int:
        """Characters of visible text, white space not counted (to compare link text
        with).  Counted from the children's counts, so that asking it of every ancestor
        of a link costs one walk of the page, not one per ancestor."""
        cached = self._lengths.get(element)
        if cached is None:
            cached = 0
            if not is_hidden(element):
                cached = len((element.text or "").translate(_UNCOUNTED))
                for child in element:
                    cached += self.text_length(child) if isinstance(child.tag, str) else 0
                    cached += len((child.tail or "").translate(_UNCOUNTED))
            self._lengths[element] = cached
        return cached

    def resolve(self, href: str | None) -> str:
        href = (href or "").strip()
        url = self._urls.get(href)
        if url is None:
            if href.startswith(("http://", "https://")):
                url = href
            elif href.startswith("/") and not href.startswith("//") and "/." not in href:
                url = self._origin + href
            else:
                url = urljoin(self.context.url, href)
            self._urls[href] = url
        return url

    def on_site(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() in self.context.hosts

    def links(self, element: HtmlElement) -> list[tuple[HtmlElement, str]]:
        """Visible links under ``element`` with their absolute targets."""
        cached = self._links.get(element)
        if cached is None:
            cached = [
                (a, self.resolve(href))
                for a in element.iterdescendants("a")
                if (href := a.get("href")) is not None and not is_hidden(a)
            ]
            self._links[element] = cached
        return cached

    def article_links(self, element: HtmlElement) -> list[tuple[HtmlElement, str]]:
        """Links to article pages of this site (cards, related news); a pager's links
        (``?p=N``) are pages of a listing, whatever their path."""
        return [
            (a, url)
            for a, url in self.links(element)
            if self.on_site(url)
            and is_article_path(urlsplit(url).path)
            and not is_listing_page_link(url)
        ]
