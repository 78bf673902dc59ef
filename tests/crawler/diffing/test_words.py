"""Words of Thai paragraphs: joined again they are the paragraph, exactly."""

from __future__ import annotations

import pytest

from crawler.diffing import words as module
from crawler.diffing.words import character_runs, words

TEXTS = [
    "การประชุมรัฐมนตรีต่างประเทศอาเซียน-แคนาดา ครั้งที่ ๘",
    "\u00a0ย่อหน้า ๒๕๖๓ มี\u00a0ช่องว่าง  ",
    "ASEAN-Canada Ministerial Meeting, 11 September 2020",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_joined_are_the_text(text: str) -> None:
    assert "".join(words(text)) == text
    assert "".join(character_runs(text)) == text


def test_the_installed_segmenter_finds_thai_words() -> None:
    name, _ = module.segmenter()
    assert name == "pythainlp newmm"  # installed by the dev extra
    assert words("การประชุมรัฐมนตรี") == ["การประชุม", "รัฐมนตรี"]


def test_character_runs_keep_a_thai_mark_with_its_letter() -> None:
    assert character_runs("ครั้งที่ 8 ASEAN") == ["ค", "รั้", "ง", "ที่", " ", "8", " ", "ASEAN"]
