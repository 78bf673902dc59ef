"""The text form both ways: the sample byte for byte, and every variant real pages show."""

from __future__ import annotations

from datetime import date

import pytest

from schemas import ArticleContent, Finding, ImageRef, NotAnArticle, parse, render

TODAY = date(2026, 11, 26)
TITLE = "ผู้ช่วยรัฐมนตรี เข้าร่วมการประชุม"
NO_BODY = Finding(
    field="body",
    value=None,
    reason="no body text: the page shows a title and dates but nothing else",
)


def test_sample_round_trip_is_byte_for_byte(sample_text: str) -> None:
    article = parse(sample_text, today=TODAY)
    assert render(article) == sample_text
    assert render(article).encode("utf-8") == sample_text.encode("utf-8")


def test_sample_fields(sample_text: str) -> None:
    article = parse(sample_text, today=TODAY)
    assert article.title is not None and article.title.startswith("ผู้ช่วยรัฐมนตรีประจำ")
    assert (article.imported_date, article.imported_date_raw) == (date(2020, 9, 11), "11 ก.ย. 2563")
    assert (article.updated_date, article.updated_date_raw) == (date(2022, 11, 28), "28 พ.ย. 2565")
    assert article.view_count == 2313
    assert len(article.body) == 9
    assert article.body[1] == "\xa0"  # NBSP separator paragraphs are text, kept
    assert article.body[4].endswith("นวัตกรรม \xa0")  # trailing " \xa0" kept
    assert [image.caption for image in article.images] == ["รูปภาพประกอบ", "รูปภาพประกอบ"]
    assert article.warnings == []


def _content(**fields: object) -> ArticleContent:
    base: dict[str, object] = {
        "title": TITLE,
        "imported_date": date(2020, 9, 11),
        "imported_date_raw": "11 ก.ย. 2563",
        "updated_date": date(2022, 11, 28),
        "updated_date_raw": "28 พ.ย. 2565",
        "view_count": 9693,
        "body": ["ย่อหน้าแรก", "\xa0", "ย่อหน้าที่สอง ๒๕๖๔ "],
        "images": [ImageRef(caption="รูปภาพประกอบ")],
    }
    base.update(fields)
    return ArticleContent.model_validate(base)


def test_render_layout() -> None:
    assert render(_content()) == (
        f"{TITLE}\n\n{TITLE}\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n\n"
        "วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n\n| 9,693 view\n"
        "ย่อหน้าแรก\n\xa0\nย่อหน้าที่สอง ๒๕๖๔ \n\nรูปภาพประกอบ"
    )


@pytest.mark.parametrize(
    "content",
    [
        _content(),
        _content(images=[]),
        _content(body=[], warnings=[NO_BODY]),
        _content(images=[ImageRef(caption="Images"), ImageRef(caption="Images")]),
        _content(view_count=0, body=["one line only"]),
    ],
)
def test_parse_reads_back_what_render_writes(content: ArticleContent) -> None:
    assert parse(render(content), today=TODAY) == content


HEADER_VARIANTS = {
    "double newlines (sample form)": (
        f"{TITLE}\n\n{TITLE}\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n\n"
        "วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n\n| 9,693 view\nย่อหน้าแรก"
    ),
    "single newlines": (
        f"{TITLE}\n{TITLE}\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n"
        "วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n| 9,693 view\nย่อหน้าแรก"
    ),
    "no space after the bar": (
        f"{TITLE}\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n\n"
        "วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n\n|9,693 view\n\nย่อหน้าแรก"
    ),
    "no bar": (
        f"{TITLE}\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\nวันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n"
        "9,693 view\n\n\nย่อหน้าแรก"
    ),
    "fields on one line": (
        f"{TITLE}\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563 วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565 | 9,693 view\nย่อหน้าแรก"
    ),
    "fields on one line, no spaces": (
        f"{TITLE}\nวันที่นำเข้าข้อมูล11 ก.ย. 2563วันที่ปรับปรุงข้อมูล28 พ.ย. 2565|9,693 view\nย่อหน้าแรก"
    ),
    "title twice and the fields on one line": (
        f"{TITLE} {TITLE} วันที่นำเข้าข้อมูล 11 ก.ย. 2563 วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565"
        " | 9,693 view\nย่อหน้าแรก"
    ),
    "title once, the import date on its line": (
        f"{TITLE} วันที่นำเข้าข้อมูล 11 ก.ย. 2563\nวันที่ปรับปรุงข้อมูล 28 พ.ย. 2565\n| 9,693 view\n\nย่อหน้าแรก"
    ),
    "title above, title again beside the import date": (
        f"{TITLE}\n\n{TITLE} วันที่นำเข้าข้อมูล 11 ก.ย. 2563\n\nวันที่ปรับปรุงข้อมูล 28 พ.ย. 2565"
        "\n\n| 9,693 view\nย่อหน้าแรก"
    ),
    "everything on one line": (
        f"{TITLE} {TITLE} วันที่นำเข้าข้อมูล 11 ก.ย. 2563 วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565"
        " | 9,693 view ย่อหน้าแรก"
    ),
    "fields joined by middle dots": (
        f"{TITLE}\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563 · วันที่ปรับปรุงข้อมูล 28 พ.ย. 2565 · 9,693 view\nย่อหน้าแรก"
    ),
    "CRLF line ends": (
        f"{TITLE}\r\n\r\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\r\nวันที่ปรับปรุงข้อมูล 28 พ.ย. 2565"
        "\r\n| 9,693 view\r\nย่อหน้าแรก"
    ),
}


@pytest.mark.parametrize("text", HEADER_VARIANTS.values(), ids=HEADER_VARIANTS.keys())
def test_header_variants(text: str) -> None:
    article = parse(text, today=TODAY)
    assert article.title == TITLE
    assert article.imported_date == date(2020, 9, 11)
    assert article.updated_date == date(2022, 11, 28)
    assert article.view_count == 9693
    assert article.body == ["ย่อหน้าแรก"]
    assert article.warnings == []


def test_a_title_beside_the_import_date_keeps_its_line_number() -> None:
    text = f"{TITLE} {TITLE} วันที่นำเข้าข้อมูล 11 ก.ย. 3563\n| 5 view\nย่อหน้า"
    article = parse(text, TODAY, first_line=3)
    assert article.title == TITLE
    assert [(w.field, w.line) for w in article.warnings] == [
        ("imported_date", 3),
        ("updated_date", None),
    ]


def test_a_label_inside_a_body_paragraph_is_not_a_header() -> None:
    text = f"{TITLE}\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n| 5 view\nดู วันที่นำเข้าข้อมูล 1 ม.ค. 2564 ด้วย"
    article = parse(text, TODAY)
    assert article.body == ["ดู วันที่นำเข้าข้อมูล 1 ม.ค. 2564 ด้วย"]


def test_label_less_template_reads_the_bare_date_as_the_import_date() -> None:
    article = parse(f"{TITLE}\n\n{TITLE}\n\n9 ก.ค. 2563\n\n1,575 view\n\n{TITLE}\n\nย่อหน้า", TODAY)
    assert (article.imported_date, article.imported_date_raw) == (date(2020, 7, 9), "9 ก.ค. 2563")
    assert article.updated_date is None and article.updated_date_raw is None
    assert article.view_count == 1575
    assert article.body == [TITLE, "ย่อหน้า"]
    assert [w.field for w in article.warnings] == ["updated_date"]


def test_a_date_as_first_body_paragraph_stays_body() -> None:
    article = parse("9 ก.ค. 2563\n1,575 view\n10 ก.ค. 2563\nย่อหน้า", TODAY)
    assert article.updated_date_raw is None
    assert article.body == ["10 ก.ค. 2563", "ย่อหน้า"]


def test_text_between_title_and_dates_is_kept_as_body_with_a_warning() -> None:
    text = f"{TITLE}\n\nคำโปรย\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n| 5 view\nย่อหน้า"
    article = parse(text, TODAY)
    assert article.title == TITLE
    assert article.body == ["คำโปรย", "ย่อหน้า"]
    assert article.warnings[0] == Finding(
        field="title",
        value="คำโปรย",
        reason="unexpected text between the title and the dates; kept as body",
    )


def test_captions_are_the_trailing_default_captions_only() -> None:
    text = "วันที่นำเข้าข้อมูล 15 Dec 2023\n| 5 view\n\nBody\n\nCredit: UN Photo\n\nImages\n\nImages\n\n"
    article = parse(text, TODAY)
    assert article.body == ["Body", "Credit: UN Photo"]
    assert [image.caption for image in article.images] == ["Images", "Images"]


def test_short_notice_without_body_is_an_article() -> None:
    article = parse(f"{TITLE}\n\nวันที่นำเข้าข้อมูล 11 ก.ย. 2563\n\n| 12 view", TODAY)
    assert article.title == TITLE and article.body == []


def test_error_page_names_the_line_and_reason() -> None:
    with pytest.raises(NotAnArticle) as caught:
        parse("Page not found\n\nThe page you requested does not exist.", TODAY, first_line=3)
    assert caught.value.line == 3
    assert "no date" in caught.value.findings[0].reason
