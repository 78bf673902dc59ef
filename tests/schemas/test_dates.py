"""Each date form the platform writes, and the strings that must not be guessed."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.dates import DateParseError, is_platform_date, parse_platform_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11 ก.ย. 2563", date(2020, 9, 11)),  # Thai abbreviated month, Buddhist era
        ("28 พ.ย. 2565", date(2022, 11, 28)),
        ("1 ม.ค. 2513", date(1970, 1, 1)),  # the zero timestamp seen on real pages
        ("8 พ.ค. 2170", date(1627, 5, 8)),  # a bogus Buddhist-era year, read literally
        ("11 กันยายน 2563", date(2020, 9, 11)),  # full Thai month (listing cards)
        ("๒๕ มีนาคม ๒๕๖๔", date(2021, 3, 25)),  # Thai digits
        ("11 ก.ย 2563", date(2020, 9, 11)),  # missing final dot
        ("11 กย 2563", date(2020, 9, 11)),  # no dots
        ("11 ก. ย. 2563", date(2020, 9, 11)),  # space inside the abbreviation
        ("  11  ก.ย.\xa0 2563 ", date(2020, 9, 11)),  # stray spaces and NBSP
        ("11ก.ย.2563", date(2020, 9, 11)),  # no spaces at all
        ("11 ก.ย. พ.ศ. 2563", date(2020, 9, 11)),  # explicit Buddhist era
        ("11 กันยายน ค.ศ. 2020", date(2020, 9, 11)),  # explicit Gregorian era wins
        ("15 Dec 2023", date(2023, 12, 15)),  # English abbreviated month
        ("15 December 2023", date(2023, 12, 15)),
        ("15 dec. 2023", date(2023, 12, 15)),
        ("3 Sept 2024", date(2024, 9, 3)),
        ("December 15, 2023", date(2023, 12, 15)),  # month first
        ("15th December 2023", date(2023, 12, 15)),
        ("1 May 2566", date(2566, 5, 1)),  # English month: Gregorian, read literally
        ("1 May B.E. 2566", date(2023, 5, 1)),
        ("29 ก.พ. 2567", date(2024, 2, 29)),  # leap day, BE 2567 = 2024
    ],
)
def test_platform_dates(raw: str, expected: date) -> None:
    assert parse_platform_date(raw) == expected
    assert is_platform_date(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("11 ก.ย.", "not a 'day month year'"),
        ("2563", "not a 'day month year'"),
        ("11 Foo 2563", "unknown month"),
        ("11 ก.ย. 63", "not four digits"),  # two-digit year: never expanded by guess
        ("31 ก.พ. 2563", "day is out of range"),
        ("0 Dec 2023", "day is out of range"),
        ("11/09/2563", "not a 'day month year'"),
        ("วันพฤหัสบดีที่ ๒๕ มีนาคม ๒๕๖๔ เวลา ๑๑.๓๐ น.", "not a 'day month year'"),
    ],
)
def test_unreadable_dates_are_refused_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_platform_date(raw)
    assert not is_platform_date(raw)
