"""A page's text when its declared charset lies.

Thai government pages exist in TIS-620 / windows-874 as well as UTF-8, and a server may
declare one while sending the other.  Decoded with the wrong charset, Thai becomes
replacement characters -- text silently lost.  When the declared charset does not decode
the bytes cleanly, the charsets these sites use are tried in turn, strictly; the first
that decodes the whole page wins.  If none does, the declared one is kept, with its
replacement characters, and the caller is told (the page is archived as received, and
its HTML is kept byte for byte).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from parsel import Selector

from schemas.models import Finding

FALLBACKS = ("utf-8", "cp874")  # cp874 (windows-874) is a superset of TIS-620


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def decode_page(body: bytes, declared: str) -> tuple[str, str, bool]:
    """(text, charset used, whether the text is clean) for ``body``."""
    for encoding in dict.fromkeys([_canonical(declared), *FALLBACKS]):
        try:
            return body.decode(encoding), encoding, True
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode(_canonical(declared), errors="replace"), _canonical(declared), False


def parse_html(text: str, base_url: str | None = None, kind: str | None = "html") -> HtmlElement:
    """The document of ``text`` as Scrapy's ``response.selector`` parses it (parsel, the
    response's ``kind``: ``html``, ``xml``, or None to tell from the text; the page's
    base URL), held by nothing but the caller.  Scrapy's selector and its response
    refer to each other: a page parsed through ``response.selector`` -- the response,
    its headers and its whole lxml tree -- is freed only by the garbage collector's
    next pass over that cycle, not when the crawl is done with the page
    (docs/benchmarks.md)."""
    root: HtmlElement = Selector(text=text, type=kind, base_url=base_url).root
    return root


@dataclass
class ReadPage:
    """A page parsed from the charset that decodes it, with notes on what was wrong."""

    root: HtmlElement
    encoding: str
    clean: bool
    notes: list[Finding] = field(default_factory=list)


def read_page(body: bytes, declared: str, parsed: Callable[[], HtmlElement]) -> ReadPage:
    """The page's document; ``parsed()`` gives it as parsed in the declared charset,
    which is used when that charset is right (the common case: no second parse)."""
    text, encoding, clean = decode_page(body, declared)
    if clean and encoding == _canonical(declared):
        return ReadPage(parsed(), declared, True)
    root = parse_html(text)
    if clean:
        reason = f"declared charset {declared} is wrong: read as {encoding}"
    else:
        reason = f"bytes not valid in {encoding}: shown as U+FFFD"
    return ReadPage(root, encoding, clean, [Finding(field="body", value=declared, reason=reason)])
