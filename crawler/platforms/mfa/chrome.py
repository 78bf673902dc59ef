"""Boxes that are page furniture, not content: share bars and script-only buttons.

A share bar is judged by what it links, with or without a label, icons or text:
links to share endpoints (``facebook.com/sharer``, ``twitter.com/intent``, LINE's
``lineit/share``, ``mailto:``), or links to social networks with nothing beside them
but a label ("แชร์", "Share").  A paragraph that names the ministry's Facebook page
among other words is text, not a share bar.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.platforms.mfa.boxes import Box
from crawler.platforms.mfa.vocabulary import (
    RELATED,
    SHARE,
    TAGS,
    is_decoration,
    is_share_url,
    is_social_url,
    section_kind,
)
from crawler.platforms.page import ParsedPage

MAX_BUTTON_CHARS = 30
_LIST_SEPARATORS = re.compile(r"[,;·|/•]+")


def box_links(box: Box, page: ParsedPage) -> list[tuple[HtmlElement, str]]:
    """The box's links (an inline ``<a>`` of a run included) with their targets."""
    found = []
    for node in box.nodes:
        if node.tag == "a" and node.get("href") is not None:
            found.append((node, page.resolve(node.get("href"))))
        found += page.links(node)
    return found


def is_link(box: Box, page: ParsedPage) -> bool:
    """A box that is mostly the text of a web link ("ดาวน์โหลด" on a file)."""
    web = [a for a, u in box_links(box, page) if urlsplit(u).scheme in ("http", "https")]
    linked = sum(page.text_length(a) for a in web)
    return bool(web) and 2 * linked >= sum(len(line) - line.count(" ") for line in box.lines)


def is_chrome(box: Box, page: ParsedPage) -> bool:
    """A share bar, or buttons that only run a script."""
    links = box_links(box, page)
    if not links:
        return False
    web = [(a, u) for a, u in links if urlsplit(u).scheme in ("http", "https", "mailto")]
    linked = sum(page.text_length(a) for a, _u in links)
    unlinked = sum(len(line) - line.count(" ") for line in box.lines) - linked
    dead = [a for a, u in links if (a.get("href") or "").strip().startswith(("#", "javascript:"))]
    if box.lines and len(dead) == len(links) and linked + max(unlinked, 0) <= MAX_BUTTON_CHARS:
        return True
    if box.lines and is_link(box, page) and all(is_decoration(line) for line in box.lines):
        return True  # "« ย้อนกลับ", "อ่านต่อ", "Next": a navigation link
    if not web or any(page.on_site(u) for _a, u in web):
        return False
    if all(is_share_url(u) for _a, u in web) and unlinked <= MAX_BUTTON_CHARS:
        return True
    if not all(is_social_url(u) for _a, u in web):
        return False
    if any(len(line) > MAX_BUTTON_CHARS for a, _u in links for line in page.lines(a)):
        return False  # a link to a post, named by its sentence: content, not a button
    label = unlinked_text(box, links, page)
    return not label or section_kind(label) == SHARE or is_decoration(label)


def unlinked_text(box: Box, links: list[tuple[HtmlElement, str]], page: ParsedPage) -> str:
    """The box's text without the text of its links (the label beside them)."""
    label = " ".join(box.lines)
    for anchor, _u in links:
        for line in page.lines(anchor):
            label = label.replace(line, " ")
    return label.strip()


def labelled_links(box: Box, page: ParsedPage) -> tuple[str, str] | None:
    """(kind, label) of a one-line box that is a tag, share or related-news label
    followed by its links ("แท็ก #a #b", "Related: <a>...</a>"), else None.  An
    attachment line ("เอกสารแนบ: <a>x.pdf</a>") is an editor's sentence: body."""
    if len(box.lines) != 1:
        return None
    links = box_links(box, page)
    if not links:
        return None
    label = _LIST_SEPARATORS.sub(" ", unlinked_text(box, links, page)).strip()  # "a, b, c"
    kind = section_kind(label) if label else None
    return (kind, label) if kind in (TAGS, SHARE, RELATED) else None
