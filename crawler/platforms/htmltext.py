"""Text of HTML as a browser shows it, one line per block, for the platform extractors.

Text is data here, so the rules are the browser's, not a scraper's convenience:
runs of spaces, tabs and newlines collapse to one space and are trimmed at line ends,
while NBSP (``&nbsp;``) is kept as ``\\xa0``; ``<pre>`` and an inline ``white-space: pre*``
style keep spaces as written; block elements and ``<br>`` end a line; table cells are
separated by a space.  The characters Unicode makes mandatory line breaks (LINE
SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029, NEXT LINE U+0085, VT and FF, common in
text pasted from word processors) end a line wherever they stand, as browsers lay them
out; so do the information separators U+001C..U+001E, which browsers show as nothing
and which no line of the text form may hold.  Elements that show nothing (script,
style, template, ...) are skipped.  The result is the list of non-empty lines, which
is what the article's text form holds as paragraphs.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "head", "title", "meta", "link"}
)
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    }
)
CELLS = frozenset({"td", "th"})
_COLLAPSIBLE = re.compile(r"[ \t\n\r]+")
_FORCED_BREAK = re.compile(r"[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_PRESERVING = re.compile(r"white-space\s*:\s*(pre|pre-wrap|break-spaces)\b", re.IGNORECASE)
_ASCII_SPACE = " \t\n\r"
_HIDING_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def is_hidden(element: HtmlElement) -> bool:
    """Elements a browser does not show (nor read aloud): never text of the page."""
    if not isinstance(element.tag, str) or element.tag in INVISIBLE:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDING_STYLE.search(style))


def keeps_spaces(element: HtmlElement, inherited: bool) -> bool:
    """Whether text inside ``element`` keeps its spaces (``inherited``: whether its
    parent's text does)."""
    if element.tag in {"pre", "textarea"}:
        return True
    style = element.get("style")
    if style and "white-space" in style.lower():
        return bool(_PRESERVING.search(style))
    return inherited


class _LineWriter:
    """Accumulates inline text and cuts it into lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._preserved = False

    def text(self, value: str | None, preserve: bool) -> None:
        if not value:
            return
        if _FORCED_BREAK.search(value):
            for index, chunk in enumerate(_FORCED_BREAK.split(value)):
                if index:
                    self.flush()
                self._inline(chunk, preserve)
            return
        self._inline(value, preserve)

    def _inline(self, value: str, preserve: bool) -> None:
        if not value:
            return
        if preserve:
            chunks = value.replace("\r\n", "\n").split("\n")
            for index, chunk in enumerate(chunks):
                if index:
                    self.flush()
                if chunk:
                    self._parts.append(chunk)
                    self._preserved = True
            return
        collapsed = _COLLAPSIBLE.sub(" ", value)
        previous = self._parts[-1] if self._parts else ""
        if collapsed.startswith(" ") and (not previous or previous.endswith(" ")):
            collapsed = collapsed[1:]
        if collapsed:
            self._parts.append(collapsed)

    def separator(self) -> None:
        if self._parts and not self._parts[-1].endswith(" "):
            self._parts.append(" ")

    def flush(self) -> None:
        if not self._parts:
            return
        line = "".join(self._parts)
        if not self._preserved:
            line = line.strip(_ASCII_SPACE)
        if line:
            self.lines.append(line)
        self._parts = []
        self._preserved = False


def _walk(element: HtmlElement, writer: _LineWriter, preserve: bool) -> None:
    # The hot loop of extraction: is_hidden() and keeps_spaces() inlined.
    tag = element.tag
    if tag.__class__ is not str or tag in INVISIBLE:
        return
    if element.keys():
        get = element.get
        if get("hidden") is not None or get("aria-hidden") == "true":
            return
        style = get("style")
        if style:
            if _HIDING_STYLE.search(style):
                return
            if "white-space" in style.lower():
                preserve = bool(_PRESERVING.search(style))
    if tag == "pre" or tag == "textarea":
        preserve = True
    block = tag in BLOCKS
    if block or tag == "br":
        writer.flush()
    elif tag in CELLS:
        writer.separator()
    text = writer.text
    if element.text:
        text(element.text, preserve)
    for child in element:
        _walk(child, writer, preserve)
        if child.tail:
            text(child.tail, preserve)
    if block:
        writer.flush()
    elif tag in CELLS:
        writer.separator()


def element_lines(element: HtmlElement, inherited: bool | None = None) -> list[str]:
    """The non-empty lines a browser shows for ``element`` (its tail excluded).

    ``inherited``: whether an ancestor preserves spaces, if the caller knows (else the
    ancestors are looked at).
    """
    writer = _LineWriter()
    preserve = _inherited_preserve(element) if inherited is None else inherited
    _walk(element, writer, preserve)
    writer.flush()
    return writer.lines


def run_lines(
    parent: HtmlElement, run: list[HtmlElement | str], inherited: bool | None = None
) -> list[str]:
    """The lines a browser shows for a run of inline content of ``parent``: text
    strings and elements (each without its tail, which the run lists as a string);
    ``inherited`` as for :func:`element_lines`."""
    writer = _LineWriter()
    inherited = _inherited_preserve(parent) if inherited is None else inherited
    preserve = keeps_spaces(parent, inherited)
    for node in run:
        if isinstance(node, str):
            writer.text(node, preserve)
        else:
            _walk(node, writer, preserve)
    writer.flush()
    return writer.lines


def _inherited_preserve(element: HtmlElement) -> bool:
    preserve = False
    for ancestor in reversed(list(element.iterancestors())):
        preserve = keeps_spaces(ancestor, preserve)
    return preserve
