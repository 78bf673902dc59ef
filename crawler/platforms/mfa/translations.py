"""The page's links to itself in other languages: the evidence that two articles are
translations of one another which only the page can give.

Read from the whole document, before the page's banner is dropped as boilerplate: the
language switch lives in the banner.  Three forms count:

* ``<link rel="alternate" hreflang="en" href="...">`` in the head;
* an ``<a hreflang="...">`` anywhere;
* an ``<a>`` whose only text (or its picture's alt text, its title or ARIA label) names
  languages: "EN", "EN/TH", "English", "ภาษาอังกฤษ", "English version", ...

and only when the link leads to an article page (``/<lang>/content/<slug>``, ...) of
this site in another language.  Most of the platform's language switches lead to the
other language's home page (``/en``): those say nothing about the article and are not
kept.  A link in the body whose text merely mentions a language is not a switch unless
its whole text is a language name.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.platforms.page import PageContext, elements, one_line
from crawler.urls import decoded_path, is_article_path, language_of
from schemas.models import Translation

_ALTERNATES = etree.XPath(
    "//link[@href and @hreflang and contains(concat(' ', normalize-space("
    "translate(@rel, 'ALTERNATE', 'alternate')), ' '), ' alternate ')]"
)
_LINKS = etree.XPath(f"{_ALTERNATES.path} | //a[@href]")
_NAMES = (  # codes of the languages the platform's sites are written in, and names
    r"th|en|zh|ja|ko|fr|de|es|ru|ar|lo|km|my|vi|id|ms|eng|english|thai|ไทย|ภาษาไทย"
    r"|อังกฤษ|ภาษาอังกฤษ"
    r"|(?:english|thai) version|ฉบับภาษา(?:ไทย|อังกฤษ)"
)
_LABEL = re.compile(rf"^(?:{_NAMES})(?:(?:\s*[/|,·-]\s*|\s+)(?:{_NAMES}))*$", re.IGNORECASE)
"""Language names, one or several with separators ("EN", "TH | EN"): "then" is no
"th" and "en"."""
_WORDS = re.compile(r"[A-Za-z]+")


def _label(anchor: HtmlElement) -> str:
    """What the link shows or says it is: its text, else its picture's alt, its title
    or its ARIA label."""
    if text := one_line(anchor.text_content()):
        return text
    for image in anchor.iterdescendants("img"):
        if alt := (image.get("alt") or "").strip():
            return alt
    return (anchor.get("title") or anchor.get("aria-label") or "").strip()


def _is_switch(anchor: HtmlElement) -> bool:
    if anchor.get("hreflang") is not None:
        return True
    label = _label(anchor)
    codes = [word for word in _WORDS.findall(label) if len(word) == 2]
    # a code is written "EN" or "en": "My" and "Id" are words
    return bool(_LABEL.match(label)) and not any(c.istitle() for c in codes)


def translation_links(root: HtmlElement, context: PageContext) -> list[Translation]:
    """The page's links to an article of this site in another language, in document
    order, each target once."""
    own = language_of(context.url)
    found: dict[str, Translation] = {}
    for link in elements(_LINKS, root):  # in document order
        if link.tag == "a" and not _is_switch(link):
            continue
        url = urljoin(context.url, (link.get("href") or "").strip())
        target = urlsplit(url)
        language = language_of(url)
        if (
            target.scheme not in ("http", "https")
            or target.netloc.lower() not in context.hosts
            or not is_article_path(target.path)
            or language is None
            or language == own  # the page itself, or another page in its language
        ):
            continue
        same = f"{target.netloc.lower()}{decoded_path(url).rstrip('/')}"  # any query
        found.setdefault(same, Translation(language=language, url=url))
    return list(found.values())
