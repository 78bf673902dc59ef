"""Checking a reading against the page's evidence: a claimed picture the page names."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.platforms.evidence import Claim, Evidence
from crawler.platforms.mfa.confirm import confirm
from crawler.platforms.page import PageContext, ParsedPage
from schemas.assess import RawArticle

URL = "https://www.mfa.go.th/th/content/x"
COVER = "https://image.mfa.go.th/mfa/c_c_400x300/abc/ปก(1).jpg"


def _notes(markup: str, *claims: Claim) -> list[str]:
    page = ParsedPage(lxml_html.document_fromstring(markup), PageContext.of(URL))
    raw = RawArticle()
    confirm(raw, page, Evidence(images=claims))
    return [note.reason for note in raw.notes if note.field == "images"]


def test_a_claimed_picture_the_page_names_but_was_not_read_is_a_warning() -> None:
    """In any rendition, in any attribute (a lazy-loading convention the reader did not
    know), quoted or not: the page shows it, and it was not read."""
    for attribute in (
        "data-hero='https://image.mfa.go.th/mfa/0/abc/ปก(1).jpg'",
        "style='--bg: url(/mfa/r_800x600/abc/%E0%B8%9B%E0%B8%81%281%29.jpg)'",
    ):
        [reason] = _notes(
            f"<html><body><div {attribute}>x</div></body></html>", Claim("card", COVER)
        )
        assert "the page shows " + COVER in reason


def test_a_cover_the_page_does_not_name_is_no_verdict() -> None:
    assert (
        _notes(
            "<html><body><p>abc/ปก</p><a href='/other.jpg'>x</a></body></html>",
            Claim("card", COVER),
        )
        == []
    )


@pytest.mark.parametrize(
    "markup",
    [  # in two elements, or in two attributes of one: the page's order, not the claims'
        "<body><i data-a='abc/first-long.jpg'></i><b data-b='abc/later.jpg'></b></body>",
        "<body><img src='/x/abc/first-long.jpg' data-original='/abc/later.jpg'></body>",
    ],
)
def test_of_two_claimed_pictures_the_first_the_page_names_is_reported(markup: str) -> None:
    later = Claim("og:image", "https://image.mfa.go.th/mfa/0/abc/later.jpg")
    first = Claim("json-ld", "https://image.mfa.go.th/mfa/0/abc/first-long.jpg")
    [reason] = _notes(markup, later, first)
    assert "the page shows https://image.mfa.go.th/mfa/0/abc/first-long.jpg" in reason


def test_a_claim_with_characters_xml_cannot_hold_is_searched_too() -> None:
    """A URL from JSON-LD may hold a control character or a lone surrogate: the page is
    read (no error), and such a claim is looked for like any other (here by its
    percent-encoded spelling)."""
    for odd, encoded in (("\x01", "%01"), ("\ud800", "%ED%A0%80")):
        claim = Claim("json-ld", f"https://image.mfa.go.th/mfa/0/abc/x{odd}y-long.jpg")
        assert _notes("<html><body><i data-a='abc/xy-long.jpg'></i></body></html>", claim) == []
        shown = f"<html><body><i data-a='abc/x{encoded}y-long.jpg'></i></body></html>"
        [reason] = _notes(shown, claim)
        assert "which was not read as a picture" in reason
