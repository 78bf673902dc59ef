"""Errors (not an article) and warnings (archived, listed) apart; each names field and value."""

from __future__ import annotations

from datetime import date

import pytest

from schemas import NotAnArticle, RawArticle, build_content

TODAY = date(2026, 11, 26)


def _raw(**fields: object) -> RawArticle:
    raw = RawArticle(
        title="หัวข้อข่าว",
        imported_date_raw="11 ก.ย. 2563",
        updated_date_raw="28 พ.ย. 2565",
        view_count=10,
        body=["ย่อหน้า"],
    )
    for name, value in fields.items():
        setattr(raw, name, value)
    return raw


def _warnings(raw: RawArticle) -> list[tuple[str, str | None, str]]:
    return [(w.field, w.value, w.reason) for w in build_content(raw, TODAY).warnings]


def test_a_plausible_article_has_no_findings() -> None:
    assert _warnings(_raw()) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"imported_date_raw": None, "updated_date_raw": None},
        {"imported_date_raw": "", "updated_date_raw": "  "},  # labels without dates
    ],
)
def test_no_date_at_all_is_an_error(fields: dict[str, object]) -> None:
    with pytest.raises(NotAnArticle) as caught:
        build_content(_raw(**fields), TODAY)
    assert [f.field for f in caught.value.findings] == ["imported_date"]
    assert "no date" in str(caught.value)


@pytest.mark.parametrize("title", [None, "", "  "])
def test_neither_title_nor_body_text_is_an_error(title: str | None) -> None:
    with pytest.raises(NotAnArticle) as caught:
        build_content(_raw(title=title, body=["\xa0", " "]), TODAY)
    assert caught.value.findings[0].field == "body"
    assert caught.value.findings[0].reason == "neither a title nor any body text"


def test_both_errors_are_reported_together() -> None:
    with pytest.raises(NotAnArticle) as caught:
        build_content(_raw(title=None, body=[], imported_date_raw=None, updated_date_raw=None))
    assert [f.field for f in caught.value.findings] == ["imported_date", "body"]


def test_short_notice_with_title_and_date_but_no_body_is_an_article() -> None:
    assert build_content(_raw(body=[]), TODAY).body == []


def test_body_without_title_is_an_article_with_a_warning() -> None:
    assert _warnings(_raw(title=None)) == [("title", None, "no title line")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"view_count": None}, [("view_count", None, "no view count shown")]),
        ({"updated_date_raw": None}, [("updated_date", None, "not shown on the page")]),
        ({"imported_date_raw": None}, [("imported_date", None, "not shown on the page")]),
        ({"updated_date_raw": ""}, [("updated_date", "", "label shown without a date")]),
        (
            {"imported_date_raw": "8 พ.ค. 2170"},
            [("imported_date", "8 พ.ค. 2170", "implausible date 1627-05-08: before 1990")],
        ),
        (
            {"updated_date_raw": "1 ม.ค. 2513"},
            [
                ("updated_date", "1 ม.ค. 2513", "implausible date 1970-01-01: before 1990"),
                ("updated_date", "1 ม.ค. 2513", "update (1970-01-01) before import (2020-09-11)"),
            ],
        ),
        (
            {"updated_date_raw": "1 ม.ค. 2575"},
            [
                (
                    "updated_date",
                    "1 ม.ค. 2575",
                    "implausible date 2032-01-01: after today (2026-11-26)",
                )
            ],
        ),
        (
            {"updated_date_raw": "10 ก.ย. 2563"},
            [("updated_date", "10 ก.ย. 2563", "update (2020-09-10) before import (2020-09-11)")],
        ),
    ],
)
def test_warnings_name_field_and_value(
    fields: dict[str, object], expected: list[tuple[str, str | None, str]]
) -> None:
    assert _warnings(_raw(**fields)) == expected


def test_unparseable_date_keeps_its_raw_string_and_gets_null() -> None:
    article = build_content(_raw(updated_date_raw="ปรับปรุงล่าสุด"), TODAY)
    assert article.updated_date is None
    assert article.updated_date_raw == "ปรับปรุงล่าสุด"
    [warning] = article.warnings
    assert (warning.field, warning.value) == ("updated_date", "ปรับปรุงล่าสุด")
    assert warning.reason.startswith("unparseable date")


def test_dates_are_normalised_and_raw_strings_kept() -> None:
    article = build_content(_raw(), TODAY)
    assert (article.imported_date, article.imported_date_raw) == (date(2020, 9, 11), "11 ก.ย. 2563")
    assert (article.updated_date, article.updated_date_raw) == (date(2022, 11, 28), "28 พ.ย. 2565")
