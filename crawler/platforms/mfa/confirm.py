"""Every field read from the visible page, checked against the page's own evidence.

After the reader has read a page (title, dates, pictures), each reading is compared
with what the evidence claims (:mod:`crawler.platforms.evidence`):

* a claim that agrees confirms the field: its source is listed in the record's
  ``evidence`` (``{"title": ["og:title", "card"]}``);
* where every claim disagrees with the title read, the heading the claims name is
  looked for (on the page, or among the headings left out as page chrome: a title block
  in the page's banner) and taken when found -- it is what the page shows;
* otherwise the reading is kept, and a warning says which source disagrees and what it
  names (``disagrees with og:title: "..."``).  Evidence never becomes a field's value by
  itself: the text form stays what the page shows.

Dates agree when a claim's day (in Bangkok) is the import or the update date shown;
pictures when a claimed picture is among those read (any rendition of it).  A claimed
picture is the article's cover, which the page need not show: missing among those read
it is a disagreement only when the page's markup names it all the same.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.platforms.evidence import Claim, Evidence, sources
from crawler.platforms.mfa.claimed_pictures import confirm_pictures
from crawler.platforms.page import ParsedPage, one_line
from schemas.assess import DISAGREES, RawArticle
from schemas.dates import DateParseError, parse_platform_date
from schemas.models import Finding

ORDER = ("json-ld", "og:title", "twitter:title", "next-data", "card", "title")
"""Sources, the most specific first: the one a warning names, the first a heading is
looked for."""
SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ")
ELLIPSES = ("...", "…")
MIN_PREFIX = 12
"""A claim cut short with an ellipsis (a card's title) agrees with a title it starts,
when at least this many characters are left to compare."""
TITLE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "span", "strong", "b")
MAX_TITLE_CHARS = 400


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _variants(claim: Claim) -> set[str]:
    """The texts a title claim may stand for: whole, and a document title's halves
    around a separator (``Title | Site``, ``Site - Title``)."""
    text = _key(str(claim.value))
    found = {text}
    if claim.source == "title":
        for separator in SEPARATORS:
            if separator in text:
                head, _sep, tail = text.partition(separator)
                found |= {head.strip(), text.rpartition(separator)[2].strip(), tail.strip()}
    return {v for v in found if v}


def agrees(title: str, claim: Claim, site: frozenset[str] = frozenset()) -> bool:
    """Whether ``title`` is what the claim names (cut short by an ellipsis, or not); a
    document title's half that is the ``site``'s name names no title."""
    shown = _key(title)
    for variant in _variants(claim) - site:
        if shown == variant:
            return True
        for ellipsis in ELLIPSES:
            cut = variant.removesuffix(ellipsis).strip()
            if variant.endswith(ellipsis) and len(cut) >= MIN_PREFIX and shown.startswith(cut):
                return True
    return False


def _ranked(claims: tuple[Claim, ...]) -> list[Claim]:
    return sorted(claims, key=lambda c: ORDER.index(c.source) if c.source in ORDER else 99)


def _quoted(value: object) -> str:
    text = str(value)
    return f'"{text[:160]}{"..." if len(text) > 160 else ""}"'


def _shown_blocks(page: ParsedPage, keys: set[str]) -> list[tuple[str, int]]:
    """Elements of the page whose whole text is one of ``keys`` (as shown, with its
    line), the innermost first: where a claimed title shows, heading or not."""
    if not any(key in _key(" ".join(page.lines(page.root))) for key in keys):
        return []  # none shows anywhere: no element to look for
    found = []
    body = page.root.find("body")
    for element in (body if body is not None else page.root).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "a"):
            continue  # (the head's <title> is evidence, not what the page shows)
        length = page.text_length(element)
        if length > MAX_TITLE_CHARS:
            continue
        if sum(page.text_length(a) for a, _url in page.links(element)) >= length:
            continue  # a link's text (a logo naming the site, a card): not this page's title
        text = one_line(" ".join(page.lines(element)))
        if text and _key(text) in keys:
            found.append((text, element.sourceline or 0))
    return found


def _candidate(
    page: ParsedPage, evidence: Evidence, claims: list[Claim], site: frozenset[str]
) -> tuple[str, int]:
    """Where the claims' title shows: a heading, or a block of text, on the page or left
    out with its chrome (line 0); ("", 0) when it shows nowhere."""
    for claim in claims:
        keys = _variants(claim) - site
        for text, line in _shown_blocks(page, keys):
            return text, line
        for text in evidence.headings:
            if _key(text) in keys:
                return text, 0
    return "", 0


def _site_names(claims: list[Claim]) -> frozenset[str]:
    """The site's name, as the document title writes it after the page's own
    (``Title | กระทรวงการต่างประเทศ``; both halves when a page has no title of its own)."""
    names = set()
    for claim in claims:
        text = _key(str(claim.value))
        for separator in SEPARATORS if claim.source == "title" else ():
            if separator in text:
                names.add(text.rpartition(separator)[2].strip())
    return frozenset(names)


def _names_the_site(claim: Claim, site: frozenset[str]) -> bool:
    """A claim that names nothing but the site (``Site | Site``, an og:title of ``Site``)."""
    whole = _key(str(claim.value))
    parts = _variants(claim) - {whole} if claim.source == "title" else {whole}
    return bool(parts) and parts <= site


def _title(raw: RawArticle, page: ParsedPage, evidence: Evidence) -> None:
    claims = _ranked(evidence.titles)
    site = _site_names(claims)  # an untitled page's og:title names the site, no title
    claims = [c for c in claims if not _names_the_site(c, site)]
    if not claims:
        return
    if raw.title is not None:
        agreeing = [c for c in claims if agrees(raw.title, c, site)]
        if agreeing:
            raw.evidence["title"] = sources(agreeing)
            return
    found, line = _candidate(page, evidence, claims, site)
    if found:
        raw.title = found
        if line:
            raw.lines["title"] = line
        raw.evidence["title"] = sources([c for c in claims if agrees(found, c, site)])
        return
    first = claims[0]
    reason = (
        f"{DISAGREES} {first.source}: {_quoted(first.value)}"
        if raw.title is not None
        else f"{DISAGREES} {first.source}: the page shows no title line, it names"
        f" {_quoted(first.value)}"
    )
    raw.notes.append(
        Finding(field="title", value=raw.title, reason=reason, line=raw.lines.get("title"))
    )


def _dates(raw: RawArticle, evidence: Evidence) -> None:
    shown = {}
    for name in ("imported_date", "updated_date"):
        text = getattr(raw, f"{name}_raw")
        try:
            shown[name] = parse_platform_date(text) if text and text.strip() else None
        except DateParseError:
            shown[name] = None
    days = {day for day in shown.values() if day is not None}
    claims = list(evidence.dates)
    if not claims or not days:
        return
    agreeing = [c for c in claims if c.value in days]
    if agreeing:
        raw.evidence["imported_date"] = sources(agreeing)
        return
    first = claims[0]
    name = "imported_date" if shown["imported_date"] is not None else "updated_date"
    value = getattr(raw, f"{name}_raw")
    reason = f"{DISAGREES} {first.source}: {first.value}"
    raw.notes.append(Finding(field=name, value=value, reason=reason, line=raw.lines.get(name)))


def confirm(raw: RawArticle, page: ParsedPage, evidence: Evidence) -> None:
    """Check ``raw`` (read from ``page``) against ``evidence``: sources that agree go to
    ``raw.evidence``, a title the claims name is taken, disagreements are warnings."""
    if evidence.empty:
        return
    _title(raw, page, evidence)
    _dates(raw, evidence)
    confirm_pictures(raw, page, evidence)


def dropped_headings(element: HtmlElement) -> list[str]:
    """The texts of the blocks in ``element`` (page chrome about to be left out) that
    could be a title: short, whole (a title block in the page's banner)."""
    found = []
    for block in element.iter(*TITLE_TAGS):
        text = one_line(block.text_content())
        linked = sum(len(one_line(a.text_content()) or "") for a in block.iter("a"))
        if text and len(text) <= MAX_TITLE_CHARS and linked < len(text):  # no logo link
            found.append(text)
    return found
