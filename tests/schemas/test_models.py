"""The models refuse what the text form or the archive could not hold faithfully."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from schemas import (
    ArchivedArticle,
    ArticleContent,
    Attachment,
    ImageRef,
    StoredFile,
    Translation,
    VideoRef,
    content_sha256,
    parse,
)

RECORD_ID = "<urn:uuid:aa7d1767-6707-40a5-8fd7-d8f5506eba66>"


def _archived(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "title": "หัวข้อ",
        "imported_date": "2020-09-11",
        "imported_date_raw": "11 ก.ย. 2563",
        "body": ["ย่อหน้า"],
        "url": "https://www.mfa.go.th/th/content/x?cate=5d5bcb4e15e39c306000683d",
        "canonical_url": "https://www.mfa.go.th/th/content/x",
        "site": "www.mfa.go.th",
        "language": "th",
        "fetched_at": "2026-11-26T06:00:00Z",
        "content_sha256": "0" * 64,
    }
    record.update(fields)
    return record


def test_archived_article_round_trips_through_json() -> None:
    article = ArchivedArticle.model_validate(_archived())
    assert article.schema_version == "1.5"
    assert article.fetched_at == datetime(2026, 11, 26, 6, tzinfo=UTC)
    assert ArchivedArticle.model_validate_json(article.model_dump_json()) == article


@pytest.mark.parametrize(
    "fields",
    [
        {"body": ["two\nlines"]},  # a paragraph is one line of the text form
        {"body": [""]},
        {"title": "a\u2028b"},
        {"url": "javascript:alert(1)"},
        {"url": "/th/content/x"},
        {"site": "WWW.MFA.GO.TH/../x"},
        {"fetched_at": "2026-11-26T06:00:00"},  # naive
        {"fetched_at": "2026-11-26T13:00:00+07:00"},  # not UTC
        {"content_sha256": "xyz"},
        {"imported_date_raw": None},  # normalised date without its raw string
        {"view_count": -1},
        {"unknown_field": 1},
        {"schema_version": "0.9"},
        {
            "warc_record": {
                "file": "warc/../articles/x.warc.gz",
                "offset": 0,
                "length": 9,
                "record_id": RECORD_ID,
            }
        },  # a key outside warc/
        {
            "warc_record": {
                "file": "warc/a.warc.gz",
                "offset": -1,
                "length": 9,
                "record_id": RECORD_ID,
            }
        },
        {
            "warc_record": {
                "file": "warc/a.warc.gz",
                "offset": 0,
                "length": 9,
                "record_id": "aa7d1767",
            }
        },
    ],
)
def test_invalid_records_are_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        ArchivedArticle.model_validate(_archived(**fields))


def test_fetched_at_must_be_utc_even_when_built_in_python() -> None:
    bangkok = timezone(timedelta(hours=7))
    with pytest.raises(ValidationError):
        ArchivedArticle.model_validate(_archived(fetched_at=datetime(2026, 1, 1, tzinfo=bangkok)))


def test_missing_fields_are_null_not_invented() -> None:
    content = ArticleContent()
    assert content.model_dump(mode="json") == {
        "title": None,
        "imported_date": None,
        "imported_date_raw": None,
        "updated_date": None,
        "updated_date_raw": None,
        "view_count": None,
        "body": [],
        "images": [],
        "videos": [],
        "attachments": [],
        "translations": [],
        "warnings": [],
        "evidence": {},
    }


def test_content_hash_ignores_the_view_counter_but_not_a_silent_edit(sample_text: str) -> None:
    article = parse(sample_text, today=date(2026, 11, 26))
    digest = content_sha256(article)
    assert len(digest) == 64
    assert content_sha256(article.model_copy(update={"view_count": 9999})) == digest
    edited = article.model_copy(update={"body": [*article.body[:-1], article.body[-1] + "."]})
    assert content_sha256(edited) != digest
    recaptioned = article.model_copy(update={"images": [ImageRef(caption="ภาพ")]})
    assert content_sha256(recaptioned) != digest


def test_a_schema_1_0_record_still_reads() -> None:
    article = ArchivedArticle.model_validate(_archived(schema_version="1.0"))
    assert (article.schema_version, article.videos) == ("1.0", [])
    older = ArchivedArticle.model_validate(_archived(schema_version="1.1"))
    assert (older.schema_version, older.translations) == ("1.1", [])
    before_warc = ArchivedArticle.model_validate(_archived(schema_version="1.2"))
    assert before_warc.warc_record is None


def test_the_warc_record_is_which_fetch_not_what_the_page_says() -> None:
    record = ArchivedArticle.model_validate(
        _archived(
            warc_record={
                "file": "warc/mfa-20261203T165522-16181-00001.warc.gz",
                "offset": 265,
                "length": 561,
                "record_id": RECORD_ID,
            }
        )
    )
    assert record.warc_record is not None and record.warc_record.offset == 265
    assert ArchivedArticle.model_validate_json(record.model_dump_json()) == record
    assert content_sha256(record) == content_sha256(record.model_copy(update={"warc_record": None}))


def test_a_translation_link_is_navigation_not_content(sample_text: str) -> None:
    """A language switch that starts leading to the English page is no edit of the article."""
    article = parse(sample_text, today=date(2026, 11, 26))
    link = Translation(language="en", url="https://www.mfa.go.th/en/content/aseancanada2020")
    linked = article.model_copy(update={"translations": [link]})
    assert content_sha256(linked) == content_sha256(article)
    with pytest.raises(ValidationError):
        Translation(language="en", url="/en/content/aseancanada2020")


def test_content_hash_of_a_page_without_videos_is_as_before_schema_1_1() -> None:
    """Archives made before videos existed must not see every article as edited."""
    content = ArticleContent(
        title="t",
        imported_date_raw="11 ก.ย. 2563",
        body=["b"],
        images=[ImageRef(url="https://image.mfa.go.th/mfa/0/k/a.jpg", caption="c")],
    )
    assert content_sha256(content) == (
        "e45af9288b08b4e8ca0d661120b57fc6f494f82346a62e03fc4736d5f7b92168"  # schema 1.0's hash
    )
    served = content.model_copy(
        update={"images": [content.images[0].model_copy(update={"served_url": "https://x/y.jpg"})]}
    )
    assert content_sha256(served) == content_sha256(content)
    with_video = content.model_copy(update={"videos": [VideoRef(title="v")]})
    assert content_sha256(with_video) != content_sha256(content)


def test_the_archives_copies_of_files_are_not_content() -> None:
    """Schema 1.5: a picture's or a document's copy, or why there is none, changes no
    hash (a record hashes as before, and a file fetched later is no edit)."""
    picture = ImageRef(url="https://image.mfa.go.th/mfa/0/k/a.jpg", caption="c")
    document = Attachment(url="https://image.mfa.go.th/mfa/0/k/d.pdf", title="d")
    video = VideoRef(title="v", thumbnail_url="https://image.mfa.go.th/mfa/0/k/v.jpg")
    plain = ArticleContent(
        title="t", body=["b"], images=[picture], attachments=[document], videos=[video]
    )
    copy = StoredFile(sha256="a" * 64, size=48_213, content_type="image/jpeg")
    kept = plain.model_copy(
        update={
            "images": [picture.model_copy(update={"file": copy})],
            "attachments": [document.model_copy(update={"missing": "404"})],
            "videos": [video.model_copy(update={"thumbnail_file": copy})],
        }
    )
    assert content_sha256(kept) == content_sha256(plain)
    moved = plain.model_copy(update={"attachments": [Attachment(url="https://x.org/e.pdf")]})
    assert content_sha256(moved) != content_sha256(plain)


def test_every_field_has_a_docstring() -> None:
    schema = ArchivedArticle.model_json_schema()
    models = [schema, *schema["$defs"].values()]
    for model in models:
        for name, prop in model["properties"].items():
            assert prop.get("description"), f"{model['title']}.{name} has no docstring"


def test_dates_serialise_as_iso_strings() -> None:
    content = ArticleContent(imported_date=date(2020, 9, 11), imported_date_raw="11 ก.ย. 2563")
    assert content.model_dump(mode="json")["imported_date"] == "2020-09-11"
