"""What an article carries that shows it is a translation: slugs, dates, media, names."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.export.evidence import (
    media_identity,
    names,
    numbers,
    slug_dates,
    slug_stem,
    text_dates,
)


@pytest.mark.parametrize(
    ("slug", "published", "named"),
    [  # slugs of the corpus (../shared/corpus/INDEX.tsv) and the dates they name
        ("weekly-press-briefing-191125-th", date(2025, 11, 19), date(2025, 11, 19)),
        ("presscon191065", date(2022, 10, 19), date(2022, 10, 19)),  # Buddhist era, 2 digits
        ("jcthailao04112564", date(2021, 11, 8), date(2021, 11, 4)),  # Buddhist era, 4 digits
        ("pr-kolkata-10232023", date(2023, 10, 21), date(2023, 10, 23)),  # month first
        ("16-10-66", date(2023, 10, 16), date(2023, 10, 16)),
        ("weeklypb41225-eng", date(2025, 12, 4), date(2025, 12, 4)),
        ("october3presser-en", date(2024, 10, 3), date(2024, 10, 3)),  # the year is the page's
        ("presscon12jan24-2", date(2024, 1, 12), date(2024, 1, 12)),
        ("press-con-31-oct-en", date(2024, 10, 31), date(2024, 10, 31)),
        ("weekly-press-brief-3-jul-2025-en", date(2025, 7, 3), date(2025, 7, 3)),
        ("summary-press-briefing-1oct25", date(2025, 10, 1), date(2025, 10, 1)),
        ("weeklypressbriefing190424-2", date(2024, 4, 19), date(2024, 4, 19)),
    ],
)
def test_a_slug_names_its_date_in_every_form_the_ministry_writes(
    slug: str, published: date, named: date
) -> None:
    assert named in slug_dates(slug, published)


def test_digits_that_are_no_date_near_the_publication_name_none() -> None:
    assert slug_dates("5d5bcef515e39c3060017b7c", date(2015, 5, 20)) == set()
    assert slug_dates("119196-26-มิ-ย-2563", date(2020, 6, 27)) == set()
    assert slug_dates("thailand-4hrc-2025-2027", date(2023, 10, 30)) == set()


@pytest.mark.parametrize(
    ("slug", "stem"),
    [
        ("weekly-press-briefing-191125-th", "weekly-press-briefing-191125"),
        ("weekly-press-briefing-191125-en", "weekly-press-briefing-191125"),
        ("press-con-31-oct-en-2", "press-con-31-oct"),
        ("vfm-palestineamb-en", "vfm-palestineamb"),
        ("teamthailandaustralia-th", "teamthailandaustralia"),
        ("pr7febth", "pr7feb"),
        ("pr7feben", "pr7feb"),
        ("weeklypb41225-eng", "weeklypb41225"),
        ("month", "month"),  # too short a stem to be a marker's
        ("55pmc-2", "55pmc"),
    ],
)
def test_a_slug_stem_drops_language_markers_and_a_duplicate_counter(slug: str, stem: str) -> None:
    assert slug_stem(slug) == stem


def test_dates_written_out_in_thai_and_english_titles() -> None:
    thai = "สรุปการแถลงข่าวประจำสัปดาห์ วันพฤหัสบดีที่ ๒๕ มีนาคม ๒๕๖๔ เวลา ๑๑.๐๐ น."
    assert text_dates(thai) == {date(2021, 3, 25)}
    assert text_dates("Briefing on Thursday, 18 August 2022") == {date(2022, 8, 18)}
    assert text_dates("Statement of November 19, 2025 at 11.00") == {date(2025, 11, 19)}
    assert text_dates("ผลการประชุม 19 พ.ย. 2568") == {date(2025, 11, 19)}
    assert text_dates("ครบรอบ 75 ปี") == set()


def test_numbers_a_translation_keeps_leave_out_years_and_days() -> None:
    found = numbers("ครบรอบ ๗๕ ปี 2,313 คน เมื่อ 19 พ.ย. 2568 (2025) เวลา 11.00 น. 120")
    assert found == {"75", "2313", "120"}


def test_latin_names_in_thai_text_are_kept_and_common_words_are_not() -> None:
    assert names("ผู้ช่วยรัฐมนตรี ASEAN-Canada และ BIMSTEC ที่ Thailand") == {
        "asean-canada",
        "bimstec",
    }


def test_an_image_is_the_same_in_every_rendition_the_platform_serves() -> None:
    original = "https://image.mfa.go.th/mfa/0/zE6021nSnu/migrate_directory/news-2.jpg"
    for shown in ("r_0x740", "c_c_400x300", "r_50x50"):
        assert media_identity(original.replace("/0/", f"/{shown}/")) == media_identity(original)
    assert media_identity("https://www.youtube.com/watch?v=abc") == "www.youtube.com/watch?v=abc"
