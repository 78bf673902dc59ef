"""What follows the metadata block, cut into boxes: the paragraphs a browser draws.

A *box* is a block element with no block inside it (a ``<p>``, a ``<div dir="auto">``,
a table row), or a run of inline content between blocks (bare text with ``<br>``
straight in a wrapper).  Boxes come in document order, from the metadata block's
following siblings outwards, one ancestor level at a time, so that each box knows
how far from the metadata it sits (its *level*) and whether it lies beyond the
element that holds the title and the metadata (*outer*): a sidebar beside the
article column is further out than the body.

Hidden elements (``hidden``, ``display:none``, scripts) make no box; an
``aria-hidden`` slide of a carousel still does (its pictures are the article's, its
text is not shown to readers of the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from crawler.platforms.htmltext import BLOCKS, run_lines
from crawler.platforms.page import ParsedPage

_SKIPPED = frozenset({"script", "style", "template", "head", "title", "meta", "link", "svg"})
_GONE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_BLOCKISH = BLOCKS | {"noscript", "picture", "iframe", "video"}


@dataclass
class Box:
    """One paragraph-sized piece of the page after the metadata."""

    owner: HtmlElement
    """The block element of the box, or the parent of an inline run."""
    nodes: list[HtmlElement]
    """The elements in the box (the owner alone for a block)."""
    lines: list[str]
    level: int
    outer: bool


def gone(element: HtmlElement) -> bool:
    """An element nobody sees, nor its pictures: hidden, ``display:none``, a script."""
    if not isinstance(element.tag, str) or element.tag in _SKIPPED:
        return True
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _GONE.search(style))


def _has_block_child(element: HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKISH for c in element)


def _run_box(
    parent: HtmlElement, run: list[HtmlElement | str], page: ParsedPage, level: int, outer: bool
) -> Box | None:
    nodes = [node for node in run if not isinstance(node, str)]
    lines = run_lines(parent, run, page.inherits(parent))
    if not lines and not nodes:
        return None
    return Box(parent, nodes, lines, level, outer)


def _boxes_of_items(
    parent: HtmlElement,
    items: list[HtmlElement | str],
    page: ParsedPage,
    level: int,
    outer: bool,
) -> Iterator[Box]:
    run: list[HtmlElement | str] = []
    for item in items:
        if isinstance(item, str):
            run.append(item)
            continue
        if gone(item):
            continue
        if item.tag not in _BLOCKISH:
            run.append(item)
            continue
        if run and (box := _run_box(parent, run, page, level, outer)) is not None:
            yield box
        run = []
        yield from boxes_of(item, page, level, outer)
    if run and (box := _run_box(parent, run, page, level, outer)) is not None:
        yield box


def _content(element: HtmlElement) -> list[HtmlElement | str]:
    items: list[HtmlElement | str] = [element.text] if element.text else []
    for child in element:
        items.append(child)
        if child.tail:
            items.append(child.tail)
    return items


def boxes_of(element: HtmlElement, page: ParsedPage, level: int, outer: bool) -> Iterator[Box]:
    """The boxes of one element (itself, if no block lies inside it)."""
    if gone(element):
        return
    if _has_block_child(element):
        yield from _boxes_of_items(element, _content(element), page, level, outer)
    else:
        yield Box(element, [element], page.lines(element), level, outer)


def region_boxes(start: HtmlElement, container: HtmlElement, page: ParsedPage) -> Iterator[Box]:
    """The boxes after ``start`` (the metadata block), level by level outwards; boxes
    further out than ``container`` (the title's and metadata's common element) and
    its siblings are outer."""
    current, level, outer = start, 0, False
    while (parent := current.getparent()) is not None:
        items: list[HtmlElement | str] = [current.tail] if current.tail else []
        for sibling in current.itersiblings():
            items.append(sibling)
            if sibling.tail:
                items.append(sibling.tail)
        yield from _boxes_of_items(parent, items, page, level, outer)
        if parent is page.root or parent.tag in ("body", "html"):
            return
        outer = outer or current is container
        current, level = parent, level + 1


def common_container(first: HtmlElement, second: HtmlElement) -> HtmlElement:
    """The nearest element holding both (one may hold the other)."""
    ancestors = {id(a): a for a in (first, *first.iterancestors())}
    for node in (second, *second.iterancestors()):
        if id(node) in ancestors:
            return node
    return second
