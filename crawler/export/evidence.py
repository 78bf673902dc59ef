"""What an article carries that can show it is a translation of another: the platform's
evidence, read from its archived record (never from HTML), kept small enough that a
site's articles can all be held while they are paired.

* links: its language switch or ``hreflang`` alternates leading to the other article
  (``translations`` in the record): the page itself says so;
* media: its pictures and videos (an image's identity on the platform's image host is
  its site key and path, whichever rendition is shown), which a translation reuses;
* its slug, without language markers and duplicate counters (``-th``, ``-en``, ``-2``);
* dates named in the slug and the title (``191125``, ``presscon191065`` in the Buddhist
  era, ``12jan24``, "๑๙ พฤศจิกายน ๒๕๖๘", "19 November 2025"), and in the body (a
  notice's holidays, an event announced ahead);
* numbers (not years, not days of a month) and Latin-script names in the text, which a
  translation keeps ("ASEAN", "2,313").
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from crawler.urls import decoded_path, path_segments
from schemas.dates import BUDDHIST_ERA_OFFSET, THAI_DIGITS, DateParseError, parse_platform_date
from schemas.models import ArchivedArticle

_MARKERS = frozenset({"th", "en", "eng", "tha", "thai", "english"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_SLUG_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})[-_]?{_MONTH}[-_]?(\d{{4}}|\d{{2}})?(?!\d)")
_SLUG_MONTH_DAY = re.compile(rf"(?<!\d){_MONTH}[-_]?(\d{{1,2}})(?!\d)(?:[-_,]+(\d{{4}}))?")
_SLUG_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4}|\d{2})(?!\d)")
_DIGIT_RUN = re.compile(r"(?<!\d)(\d{5,6}|\d{8})(?!\d)")
_TEXT_DATE = re.compile(
    r"(?<!\d)\d{1,2}\s*(?:[A-Za-z]+\.?|[\u0E01-\u0E4E.]+)\s*,?\s*"
    r"(?:(?:พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?\d{4}(?!\d)"
    r"|(?:[A-Za-z]+\.?)\s+\d{1,2},?\s+\d{4}(?!\d)"
)
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])")
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9-]{2,}\b")
_COMMON_NAMES = frozenset(
    {
        "the",
        "and",
        "for",
        "thai",
        "thailand",
        "ministry",
        "foreign",
        "affairs",
        "minister",
        "kingdom",
        "royal",
        "embassy",
        "mfa",
        "his",
        "her",
        "mr",
        "mrs",
        "ms",
    }
)
WINDOW = timedelta(days=14)
"""How far from its publication a date in a slug may be (an event, its press release)."""
_IMAGE_HOST = re.compile(r"^/mfa/[^/]+/(.+)$")


@dataclass(frozen=True)
class Signature:
    """One article's latest version, as much of it as pairing needs."""

    site: str
    language: str
    url: str
    """The article's canonical URL."""
    key: str
    """Its path, decoded: its identity within its site, whichever host name or query a
    link to it carries (``mfa.go.th`` and ``www.mfa.go.th`` are one site)."""
    version: str
    """The latest version's key in the archive (where its record is)."""
    published: date | None
    slug: str
    links: frozenset[str]
    """The keys of the articles its language switch leads to."""
    media: frozenset[str]
    dates: frozenset[date]
    """Dates its slug or title names (an event's)."""
    mentioned: frozenset[str]
    """Dates its body names, but those within a day of its publication (a notice's
    holidays, an event announced ahead), ISO strings."""
    numbers: frozenset[str]
    names: frozenset[str]
    selected: bool = True
    """Whether the export's date and kind filters take it (all its site's articles are
    weighed; a pair is written when one of its articles is selected)."""


def _years(token: str) -> list[int]:
    """Gregorian years a written year may mean (two or four digits, either era)."""
    value = int(token)
    found = [2000 + value, 2500 + value - BUDDHIST_ERA_OFFSET] if len(token) == 2 else []
    found = [value, value - BUDDHIST_ERA_OFFSET] if len(token) == 4 else found
    return [year for year in found if 1990 <= year <= 2100]


def _dates(day: str, month: str | int, years: list[int]) -> set[date]:
    found = set()
    for year in years:
        try:
            found.add(date(year, int(month), int(day)))
        except ValueError:
            continue
    return found


def _runs(run: str) -> set[date]:
    """The readings of a run of digits: day, month, year in the orders people write."""
    if len(run) == 5:  # 41225: day 4, December 2025
        return _dates(run[0], run[1:3], _years(run[3:]))
    if len(run) == 6:
        return (
            _dates(run[:2], run[2:4], _years(run[4:]))
            | _dates(run[2:4], run[:2], _years(run[4:]))
            | _dates(run[4:], run[2:4], _years(run[:2]))
        )
    return (
        _dates(run[:2], run[2:4], _years(run[4:]))
        | _dates(run[2:4], run[:2], _years(run[4:]))
        | _dates(run[6:], run[4:6], _years(run[:4]))
    )


def slug_dates(slug: str, published: date | None) -> set[date]:
    """Dates a slug may name, each reading its writers use (day first, month first,
    year first; Gregorian or Buddhist era; two- or four-digit years; a missing year is
    the publication's), within ``WINDOW`` of the publication when it is known."""
    text = slug.lower()
    known = [published.year] if published else []
    found: set[date] = set()
    for day, month, year in _SLUG_DAY_MONTH.findall(text):
        found |= _dates(day, _MONTHS.index(month) + 1, _years(year) if year else known)
    for month, day, year in _SLUG_MONTH_DAY.findall(text):
        found |= _dates(day, _MONTHS.index(month) + 1, _years(year) if year else known)
    for first, second, year in _SLUG_NUMERIC.findall(text):
        found |= _dates(first, second, _years(year))
    for run in _DIGIT_RUN.findall(text):
        found |= _runs(run)
    if published is None:
        return found
    return {day for day in found if abs((day - published).days) <= WINDOW.days}


def text_dates(text: str) -> set[date]:
    """Dates written out in text ("๑๙ พฤศจิกายน ๒๕๖๘", "November 19, 2025")."""
    found = set()
    for match in _TEXT_DATE.finditer(text.translate(THAI_DIGITS)):
        try:
            found.add(parse_platform_date(match.group(0)))
        except DateParseError:
            continue
    return found


def numbers(text: str) -> set[str]:
    """Numbers a translation keeps: not years (Gregorian or Buddhist), not days."""
    found = set()
    for token in _NUMBER.findall(text.translate(THAI_DIGITS)):
        value = int(token.replace(",", ""))
        if value > 31 and not 1900 <= value <= 2100 and not 2400 <= value <= 2700:
            found.add(str(value))
    return found


def names(text: str) -> set[str]:
    """Latin-script names (capitalised words, acronyms), lower-cased."""
    return {n.lower() for n in _NAME.findall(text)} - _COMMON_NAMES


def slug_stem(slug: str) -> str:
    """The slug without language markers and a duplicate counter: ``press-con-31-oct-en``
    and ``press-con-31-oct-th-2`` are both ``press-con-31-oct``."""
    tokens = [t for t in re.split(r"[-_\s]+", slug.lower()) if t]
    while tokens and (tokens[-1] in _MARKERS or (tokens[-1].isdigit() and len(tokens[-1]) == 1)):
        tokens.pop()
    tokens = [t for t in tokens if t not in _MARKERS]
    if tokens:
        for marker in ("eng", "en", "th"):
            last = tokens[-1]
            if last.endswith(marker) and len(last) - len(marker) >= 4 and last.isalnum():
                tokens[-1] = last[: -len(marker)]
                break
    return "-".join(tokens)


def media_identity(url: str) -> str:
    """An image or video the same whichever rendition a page shows: on the platform's
    image host its site key and path (``/mfa/<op>/<key>/<path>``), else the URL."""
    parts = urlsplit(url)
    found = _IMAGE_HOST.match(parts.path)
    if found:
        return f"{parts.netloc.lower()}/{found.group(1)}"
    return f"{parts.netloc.lower()}{parts.path}{'?' + parts.query if parts.query else ''}"


def _interned(tokens: set[str]) -> frozenset[str]:
    """One copy of each word across a site's signatures ("asean" is in thousands)."""
    return frozenset(sys.intern(token) for token in tokens)


def path_key(url: str) -> str:
    """A page's identity within its site: its decoded path, no host, query or end slash."""
    return decoded_path(url).rstrip("/") or "/"


def signature(article: ArchivedArticle, version: str, selected: bool = True) -> Signature:
    """What pairing needs of an article's latest version."""
    published = article.imported_date or article.updated_date
    segments = path_segments(article.canonical_url)
    slug = segments[-1] if segments else ""
    media = [i.url or i.served_url for i in article.images]
    media += [v.url or v.thumbnail_url for v in article.videos]
    text = " ".join([article.title or "", *article.body])
    told = text_dates(" ".join(article.body))
    if published is not None:
        told = {day for day in told if abs((day - published).days) > 1}
    return Signature(
        site=article.site,
        language=article.language or "",
        url=article.canonical_url,
        key=path_key(article.canonical_url),
        version=version,
        published=published,
        slug=slug_stem(slug),
        links=frozenset(path_key(t.url) for t in article.translations),
        media=_interned({media_identity(m) for m in media if m}),
        dates=frozenset(slug_dates(slug, published) | text_dates(article.title or "")),
        mentioned=frozenset(day.isoformat() for day in told),
        numbers=_interned(numbers(text)),
        names=_interned(names(text)),
        selected=selected,
    )
