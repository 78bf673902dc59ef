"""Keys from hostile URLs never escape the archive root; readable slugs stay readable."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

import pytest

from crawler.storage.keys import (
    MAX_PREFIX_BYTES,
    MAX_SEGMENT_BYTES,
    UnsafeKey,
    check_key,
    safe_segment,
)
from crawler.storage.layout import article_prefix, version_name

HOSTILE = [
    "..",
    ".",
    "../../etc/passwd",
    "a/../../b",
    "%2e%2e%2f%2e%2e",
    "..%2F..%2Fescape",
    "nul\x00byte",
    "x" * 5000,
    "ก" * 400,
    "\u202eRTL-override\u202c",
    "zero\u200bwidth\u200d",
    "back\\slash",
    "con:colon|pipe*star?",
    " ",
    "",
]


@pytest.mark.parametrize("slug", HOSTILE)
def test_hostile_slug_gives_one_clean_segment(slug: str) -> None:
    segment = safe_segment(slug)
    assert segment not in ("", ".", "..")
    assert "/" not in segment and "\\" not in segment and "\x00" not in segment
    assert len(segment.encode("utf-8")) <= MAX_SEGMENT_BYTES
    assert all(not unicodedata.category(ch).startswith("C") for ch in segment)


@pytest.mark.parametrize("slug", HOSTILE)
def test_article_keys_from_hostile_urls_stay_under_articles(slug: str) -> None:
    prefix = article_prefix(f"https://www.mfa.go.th/th/content/{slug}")
    path = PurePosixPath(prefix)
    assert path.parts[0] == "articles" and ".." not in path.parts
    assert check_key(prefix) == prefix


def test_readable_slugs_stay_readable() -> None:
    assert safe_segment("aseancanada2020") == "aseancanada2020"
    assert safe_segment("คำถามที่พบบ่อย") == "คำถามที่พบบ่อย"
    prefix = article_prefix("https://www.mfa.go.th/th/content/aseancanada2020")
    assert prefix == "articles/www.mfa.go.th/th/content/aseancanada2020"


def test_different_slugs_never_share_a_segment() -> None:
    assert safe_segment("a/b") != safe_segment("a-b")
    assert safe_segment("x" * 5000) != safe_segment("x" * 5001)


def test_nfc_and_nfd_spellings_share_a_segment() -> None:
    thai = "การประชุม-ผู้นำ"
    assert safe_segment(unicodedata.normalize("NFD", thai)) == safe_segment(thai)


@pytest.mark.parametrize("key", ["", "/abs", "a//b", "a/../b", "a/./b", "a\\b", "a\x00b", ".."])
def test_check_key_refuses_unsafe_keys(key: str) -> None:
    with pytest.raises(UnsafeKey):
        check_key(key)


def test_version_names() -> None:
    assert version_name("2022-11-28", "ab" * 32) == "2022-11-28_abababababababab"
    assert version_name(None, "cd" * 32) == "undated_cdcdcdcdcdcdcdcd"


def test_an_encoded_slash_does_not_add_a_level() -> None:
    assert article_prefix("https://www.mfa.go.th/th/content/a%2Fb").count("/") == 4
    assert article_prefix("https://www.mfa.go.th/th/content/a%2Fb") != article_prefix(
        "https://www.mfa.go.th/th/content/a-b"
    )


def test_a_very_deep_path_gives_a_bounded_distinct_prefix() -> None:
    """Hundreds of segments would exceed S3's key limit and PATH_MAX: the tail is hashed."""
    deep = "/".join(f"ส่วน{i}" for i in range(300))
    first = article_prefix(f"https://www.mfa.go.th/th/{deep}/a")
    second = article_prefix(f"https://www.mfa.go.th/th/{deep}/b")
    assert len(first.encode("utf-8")) <= MAX_PREFIX_BYTES
    assert first != second
    assert first.startswith("articles/www.mfa.go.th/th/ส่วน0/ส่วน1/")
    assert check_key(first) == first
