"""The only served HTML of the real platform (``../shared/real-markup/``) reads right.

The fragments are test input as they were saved; ``fixtures/real-markup/`` holds the
page start they are read after and what a right reading finds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from crawler.platforms.mfa import PageContext, read_platform_page
from schemas import build_content
from schemas.models import COPY_FIELDS
from tests.conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures" / "real-markup"
REAL = SHARED / "real-markup"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))


def _article(name: str, ending: str = "") -> Any:
    shell = (FIXTURES / "shell.html").read_text("utf-8")
    text = shell + (REAL / name).read_text("utf-8") + ending
    page = read_platform_page(lxml_html.document_fromstring(text), PageContext.of(EXPECTED["url"]))
    assert page.kind == "article"
    return page.raw


def test_the_video_section_is_not_body_and_its_titles_are_videos() -> None:
    name = "article-body-and-video-section.html"
    raw = _article(name, ending='"></div>')  # the fragment is cut inside its last tag
    expected = EXPECTED[name]
    assert raw.body == expected["body"]
    assert [v.model_dump(exclude=set(COPY_FIELDS)) for v in raw.videos] == expected["videos"]
    assert raw.images == [] and raw.notes == []
    content = build_content(raw)
    assert content.title is not None and content.title.startswith("กระทรวงการต่างประเทศร่วม")
    assert (content.view_count, content.imported_date_raw) == (1024, "13 ก.ย. 2564")


def test_a_video_section_cut_before_its_titles_keeps_the_thumbnail() -> None:
    raw = _article("article-body-and-video-section.html")
    assert [v.thumbnail_url for v in raw.videos] == [
        EXPECTED["article-body-and-video-section.html"]["videos"][0]["thumbnail_url"]
    ]
    assert "วิดีโอประกอบ" not in raw.body


def test_paragraphs_pasted_from_facebook_are_paragraphs() -> None:
    name = "article-body-pasted-from-facebook.html"
    raw, expected = _article(name), EXPECTED[name]
    assert len(raw.body) == expected["body_count"]
    assert raw.body[0] == expected["body_first"] and raw.body[1] == expected["body_second"]
    assert raw.body[2].startswith("คุณคริสโตเฟอร์ ไรท์")


def test_the_listing_cards_are_found_with_their_dates() -> None:
    expected = EXPECTED["listing-cards.html"]
    text = "<html><body>" + (REAL / "listing-cards.html").read_text("utf-8")
    page = read_platform_page(
        lxml_html.document_fromstring(text), PageContext.of(expected["listing_url"])
    )
    assert page.kind == "listing"
    found = [
        {
            "path": unquote(urlsplit(c.url).path),
            "card_date": c.card_date and c.card_date.isoformat(),
        }
        for c in page.cards
    ]
    assert found == expected["cards"]
