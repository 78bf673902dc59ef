"""The difference between two versions: fields, paragraphs, words, and a summary that
does not depend on the segmenter."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.commands.diff import render
from crawler.diffing import words
from crawler.diffing.versions import Piece, diff
from tests.crawler.export.conftest import article

URL = "https://www.mfa.go.th/th/content/alpha"


def _pair() -> tuple[object, object]:
    old = article(URL, "การประชุมรัฐมนตรีต่างประเทศ")
    old = old.model_copy(update={"body": ["หนึ่ง", "การประชุมรัฐมนตรีต่างประเทศ", "สาม", "สี่"]})
    new = article(URL, "x", updated=date(2023, 1, 5))
    new = new.model_copy(update={"body": ["หนึ่ง", "การประชุมรัฐมนตรีกลาโหม", "ห้า"], "title": "หัวข้อใหม่"})
    return old, new


def test_fields_paragraphs_and_words() -> None:
    old, new = _pair()
    found = diff(old, new)  # type: ignore[arg-type]
    assert [name for name, _, _ in found.fields] == ["title", "updated_date", "updated_date_raw"]
    assert [p.op for p in found.paragraphs] == ["equal", "changed", "changed", "removed"]
    assert found.paragraphs[1].pieces == [
        Piece("equal", "การประชุมรัฐมนตรี"),
        Piece("removed", "ต่างประเทศ"),
        Piece("added", "กลาโหม"),
    ]
    summary = found.summary
    assert (summary.paragraphs_added, summary.paragraphs_removed, summary.paragraphs_changed) == (
        0,
        1,
        2,
    )
    # ต่|กล and งประเทศ|โหม around a shared า: 2 + 7; สาม|ห้า: ส|ห้ and ม: 2 + 1; สี่: 3
    assert summary.characters_changed == 9 + 3 + 3
    assert summary.fields_changed == ["title", "updated_date", "updated_date_raw"]


def test_the_summary_is_the_same_without_a_thai_segmenter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _pair()
    with_words = diff(old, new).summary  # type: ignore[arg-type]
    monkeypatch.setattr(words, "segmenter", lambda: ("character runs", words.character_runs))
    without = diff(old, new)  # type: ignore[arg-type]
    assert without.summary == with_words
    assert "".join(p.text for p in without.paragraphs[1].pieces if p.op != "added") == (
        "การประชุมรัฐมนตรีต่างประเทศ"
    )


def test_the_diff_as_scrapy_diff_prints_it() -> None:
    old, new = _pair()
    lines = render(diff(old, new).paragraphs)  # type: ignore[arg-type]
    assert lines == [
        "  (1 paragraph unchanged)",
        "~ การประชุมรัฐมนตรี[-ต่างประเทศ-]{+กลาโหม+}",
        "~ [-สาม-]{+ห้า+}",  # words, not characters
        "- สี่",
    ]
