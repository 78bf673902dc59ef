"""Dates as the MFA platform writes them, normalised without guessing.

The platform shows dates such as ``11 ก.ย. 2563`` (Thai abbreviated month,
Buddhist-era year) on Thai pages and ``15 Dec 2023`` on English pages; bodies and
some templates use full month names and Thai digits.  General-purpose parsers
(dateparser, htmldate) get Buddhist-era years wrong, so this is a small parser of
our own with one rule for the era:

* an explicit era marker wins (``พ.ศ.``/``B.E.`` is Buddhist era, ``ค.ศ.``/``A.D.``/``CE``
  is Gregorian);
* otherwise a Thai month name means a Buddhist-era year (the platform never pairs a
  Thai month with a Gregorian year), and an English month name a Gregorian one.

Anything else raises :class:`DateParseError` with the reason; the caller keeps the
raw string and records a warning.  Two-digit years are not expanded: that would be
a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

BUDDHIST_ERA_OFFSET = 543

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
"""Thai digits to ASCII ones, for reading numbers and dates (never for stored text)."""

# Month names keyed by their normalised form (no dots, no spaces, lower case).
_THAI_MONTHS: dict[str, int] = {}
for _number, (_abbr, _full) in enumerate(
    [
        ("มค", "มกราคม"),
        ("กพ", "กุมภาพันธ์"),
        ("มีค", "มีนาคม"),
        ("เมย", "เมษายน"),
        ("พค", "พฤษภาคม"),
        ("มิย", "มิถุนายน"),
        ("กค", "กรกฎาคม"),
        ("สค", "สิงหาคม"),
        ("กย", "กันยายน"),
        ("ตค", "ตุลาคม"),
        ("พย", "พฤศจิกายน"),
        ("ธค", "ธันวาคม"),
    ],
    start=1,
):
    _THAI_MONTHS[_abbr] = _number
    _THAI_MONTHS[_full] = _number

_ENGLISH_MONTHS: dict[str, int] = {}
for _number, _full in enumerate(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    start=1,
):
    _ENGLISH_MONTHS[_full] = _number
    _ENGLISH_MONTHS[_full[:3]] = _number
_ENGLISH_MONTHS["sept"] = 9

# Normalised era markers of the Buddhist era; the others the regex admits are Gregorian.
_BUDDHIST_ERA_MARKERS = {"พศ", "be"}

_ERA = r"(?:(?P<era>พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|B\.?\s*E\.?|A\.?\s*D\.?|C\.?\s*E\.?)\s*)?"
_DAY_FIRST = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?P<month>[^\d\s][^\d]*?)\s*,?\s*"
    + _ERA
    + r"(?P<year>\d+)$",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    r"^(?P<month>[A-Za-z][A-Za-z.]*)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*"
    + _ERA
    + r"(?P<year>\d+)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


class DateParseError(ValueError):
    """A date string that cannot be read without guessing; the message says why."""


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).translate(THAI_DIGITS)
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip()


def _month_key(token: str) -> str:
    return token.replace(".", "").replace(" ", "").lower()


def parse_platform_date(raw: str) -> date:
    """Read one date as the platform writes it; raise DateParseError otherwise."""
    text = _normalise(raw)
    if not text:
        raise DateParseError("empty date")
    match = _DAY_FIRST.match(text) or _MONTH_FIRST.match(text)
    if match is None:
        raise DateParseError(f"not a 'day month year' date: {raw!r}")
    month_key = _month_key(match["month"])
    if month_key in _THAI_MONTHS:
        month, buddhist = _THAI_MONTHS[month_key], True
    elif month_key in _ENGLISH_MONTHS:
        month, buddhist = _ENGLISH_MONTHS[month_key], False
    else:
        raise DateParseError(f"unknown month {match['month']!r} in {raw!r}")
    if match["era"]:
        buddhist = _month_key(match["era"]) in _BUDDHIST_ERA_MARKERS
    if len(match["year"]) != 4:
        raise DateParseError(f"year {match['year']!r} is not four digits in {raw!r}")
    year = int(match["year"]) - (BUDDHIST_ERA_OFFSET if buddhist else 0)
    try:
        return date(year, month, int(match["day"]))
    except ValueError as exc:
        raise DateParseError(f"{exc} in {raw!r}") from None


LONGEST_DATE = 80
"""Characters of the longest date string read (``วันที่ 11 กันยายน พ.ศ. 2563`` is 27): a
longer text is no date, and is not normalised to find that out (the reader asks this of
every line of a page)."""


def is_platform_date(text: str) -> bool:
    """True when ``text`` is, as a whole, one readable platform date."""
    if len(text) > LONGEST_DATE:
        return False
    try:
        parse_platform_date(text)
    except DateParseError:
        return False
    return True
