"""The article's text form, both ways: the form of the sample document.

``render`` writes exactly the sample's layout::

    title / blank / title / blank / วันที่นำเข้าข้อมูล <date> / blank /
    วันที่ปรับปรุงข้อมูล <date> / blank / | N view / body paragraphs, one per line /
    blank / captions separated by blank lines (no final newline)

``parse`` reads that form and the variants text extractors produce from real pages:
the title once or not at all, either date label missing, the label-less template (a
bare date line and ``N view``), ``|9,693 view`` and ``5,128 view``, fields on one
line, the title (once or twice) and the fields on one line, the first paragraph on
the view counter's line, single or double newlines anywhere, blank lines between body
paragraphs.

Image captions are recognised as the trailing lines equal to the CMS's default
captions ("รูปภาพประกอบ", "Images"): in text, a custom caption cannot be told from
a body paragraph, so the JSON record, not the text, is the archive's full truth.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from schemas.assess import RawArticle, build_content
from schemas.dates import THAI_DIGITS, is_platform_date
from schemas.models import ArticleContent, Finding, ImageRef

IMPORTED_LABEL = "วันที่นำเข้าข้อมูล"
UPDATED_LABEL = "วันที่ปรับปรุงข้อมูล"
DEFAULT_CAPTIONS = frozenset({"รูปภาพประกอบ", "Images"})

_DIGITS = "0-9๐-๙"
_END_OF_WORD = r"(?![A-Za-z])"  # not \b: Thai letters count as word characters
_VIEW = re.compile(
    rf"\|?\s*(?P<count>[{_DIGITS}][{_DIGITS},]*)\s*views?{_END_OF_WORD}", re.IGNORECASE
)
_BOUNDARY = re.compile(
    rf"{IMPORTED_LABEL}|{UPDATED_LABEL}|\||(?<![^\s|])[{_DIGITS}][{_DIGITS},]*\s*views?{_END_OF_WORD}",
    re.IGNORECASE,
)
_SEPARATORS = " \t\xa0·•∙|,;/–—-"  # between the fields of a header on one line
_LABELS = {IMPORTED_LABEL: "imported_date", UPDATED_LABEL: "updated_date"}


def parse_view_count(text: str) -> int:
    """``2,313`` or ``๒,๓๑๓`` -> 2313; raise ValueError for anything else."""
    digits = text.strip().translate(THAI_DIGITS).replace(",", "")
    if not digits.isascii() or not digits.isdigit():
        raise ValueError(f"not a view count: {text!r}")
    return int(digits)


def render(article: ArticleContent) -> str:
    """Write ``article`` in the sample document's text form."""
    lines: list[str] = []
    if article.title is not None:
        lines += [article.title, "", article.title, ""]
    if article.imported_date_raw is not None:
        lines += [f"{IMPORTED_LABEL} {article.imported_date_raw}", ""]
    if article.updated_date_raw is not None:
        lines += [f"{UPDATED_LABEL} {article.updated_date_raw}", ""]
    if article.view_count is not None:
        lines.append(f"| {article.view_count:,} view")
    lines += article.body
    captions = [image.caption for image in article.images if image.caption is not None]
    if captions:
        lines.append("")
        lines.append("\n\n".join(captions))
    return "\n".join(lines)


Tokens = tuple[tuple[str, str], ...]


@lru_cache(maxsize=8192)
def header_tokens(line: str) -> Tokens | None:
    """Split a header line into (field, value) tokens, or None if it is not all header.

    Remembered for the last few thousand lines: an extractor asks it of the same lines
    again and again (every ancestor of a card shows its date line)."""
    tokens: list[tuple[str, str]] = []
    rest = line.strip(_SEPARATORS)
    while rest:
        label = next((lbl for lbl in _LABELS if rest.startswith(lbl)), None)
        view = _VIEW.match(rest)
        if label is not None:
            rest = rest[len(label) :]
            boundary = _BOUNDARY.search(rest)
            end = boundary.start() if boundary else len(rest)
            tokens.append((_LABELS[label], rest[:end].strip().lstrip(":").strip(_SEPARATORS)))
        elif view is not None:
            tokens.append(("view_count", view["count"]))
            end = view.end()
        else:
            boundary = _BOUNDARY.search(rest)
            end = boundary.start() if boundary else len(rest)
            candidate = rest[:end].strip(_SEPARATORS)
            if not is_platform_date(candidate):
                return None
            tokens.append(("bare_date", candidate))
        rest = rest[end:].strip(_SEPARATORS)
    return tuple(tokens) or None


def read_header_line(raw: RawArticle, text: str, line: int, *, view_last: bool = True) -> bool:
    """Record one header line (dates, view count) in ``raw``; False if it is not one.

    Shared by the text form and the HTML extractors so that both read the header
    by the same rules: labels, the label-less template's bare date, the view count,
    each at most once.  In text nothing follows the view count (the next line is
    body); an HTML extractor that has delimited the header block by structure passes
    ``view_last=False``.
    """
    tokens = header_tokens(text)
    return tokens is not None and _apply(raw, tokens, line, view_last)


def _apply(raw: RawArticle, tokens: Tokens, line: int, view_last: bool) -> bool:
    """Record a header line's tokens; False (nothing recorded) if they do not fit."""
    labelled = raw.imported_date_raw is not None or raw.updated_date_raw is not None
    fields = {"imported_date" if f == "bare_date" else f for f, _ in tokens}
    if (view_last and "view_count" in raw.lines) or len(fields) != len(tokens):
        return False
    if any(f in raw.lines for f in fields) or (labelled and ("bare_date", tokens[0][1]) in tokens):
        return False
    for name, value in tokens:
        if name == "view_count":
            raw.view_count = parse_view_count(value)
            raw.lines["view_count"] = line
        else:
            name = "imported_date" if name == "bare_date" else name
            setattr(raw, f"{name}_raw", value)
            raw.lines[name] = line
    return True


def _doubled(text: str) -> list[str]:
    """``"T T"`` (a title written twice, joined by a space) as ``[T, T]``; else ``[text]``."""
    half = (len(text) - 1) // 2
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]:
        return [text[:half], text[:half]]
    return [text]


def split_header_line(line: str) -> list[str] | None:
    """A line holding the header among other text, cut into lines of their own.

    Some extractors join a page's first blocks with spaces: the title (often twice),
    then ``วันที่นำเข้าข้อมูล 17 ก.ย. 2567`` and the other header fields, sometimes the
    first paragraph after the view count.  Returns the title part(s), the header and
    the rest, or None when the line holds no header after other text.
    """
    starts = [i for i in (line.find(IMPORTED_LABEL), line.find(UPDATED_LABEL)) if i > 0]
    at = min(starts, default=0)
    prefix, header, rest = line[:at].strip(), line[at:].strip() if at else line.strip(), ""
    if header_tokens(header) is None:
        view = _VIEW.search(header)
        if view is None or header_tokens(header[: view.end()]) is None:
            return None
        header, rest = header[: view.end()].strip(), header[view.end() :].strip()
    if not prefix and not rest:
        return None
    return [*(_doubled(prefix) if prefix else []), header, *([rest] if rest else [])]


def _numbered(text: str, first_line: int) -> list[tuple[int, str]]:
    """The text's lines with their numbers; a line joining title and header is split."""
    numbered: list[tuple[int, str]] = []
    seen_header = False
    for index, line in enumerate(text.replace("\r\n", "\n").split("\n")):
        parts = None if seen_header or header_tokens(line) else split_header_line(line)
        seen_header = seen_header or parts is not None or header_tokens(line) is not None
        numbered += [(first_line + index, part) for part in parts or [line]]
    return numbered


def read_raw(text: str, first_line: int = 1) -> RawArticle:
    """Read the text form into its raw parts; ``first_line`` numbers the first line."""
    numbered = _numbered(text, first_line)
    lines = [line for _number, line in numbered]
    raw = RawArticle()
    start = next((i for i, line in enumerate(lines) if header_tokens(line)), None)
    raw.lines["metadata"] = numbered[start or 0][0] if numbered else first_line
    if start is None:
        raw.body = [line for line in lines if line]
        raw.lines["body"] = first_line
        return raw

    before = [(n, line) for n, line in numbered[:start] if line.strip()]
    if before:
        raw.title = before[0][1]
        raw.lines["title"] = before[0][0]
    titles = [line for _n, line in before]
    extra = titles[2:] if len(titles) >= 2 and titles[1] == titles[0] else titles[1:]
    if extra:
        reason = "unexpected text between the title and the dates; kept as body"
        raw.notes.append(Finding(field="title", value=extra[0], reason=reason))

    i = start
    while i < len(lines):
        if lines[i].strip() and not read_header_line(raw, lines[i], numbered[i][0]):
            break
        i += 1
    raw.lines["body"] = numbered[i][0] if i < len(numbered) else numbered[-1][0] + 1

    end = len(lines)
    captions: list[str] = []
    while True:
        while end > i and lines[end - 1] == "":
            end -= 1
        if end > i and lines[end - 1] in DEFAULT_CAPTIONS:
            captions.insert(0, lines[end - 1])
            end -= 1
        else:
            break
    raw.body = extra + [line for line in lines[i:end] if line]
    raw.images = [ImageRef(caption=caption) for caption in captions]
    return raw


def parse(text: str, today: date | None = None, first_line: int = 1) -> ArticleContent:
    """Read the text form into article content; raise NotAnArticle for a non-article."""
    return build_content(read_raw(text, first_line), today)
