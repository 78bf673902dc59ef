"""Thai text survives a page whose declared charset lies."""

from __future__ import annotations

from crawler.platforms.charset import decode_page

THAI = "วันที่นำเข้าข้อมูล 11 ก.ย. 2563"


def test_the_declared_charset_is_used_when_it_decodes() -> None:
    assert decode_page(THAI.encode("utf-8"), "utf-8") == (THAI, "utf-8", True)
    assert decode_page(THAI.encode("cp874"), "windows-874") == (THAI, "cp874", True)


def test_tis620_bytes_declared_as_utf8_are_read_as_windows_874() -> None:
    assert decode_page(THAI.encode("tis-620"), "utf-8") == (THAI, "cp874", True)


def test_utf8_bytes_declared_as_latin1_are_read_as_utf8() -> None:
    # latin-1 decodes anything: a declared single-byte charset cannot be caught this way,
    # but one that fails (ascii) is
    assert decode_page(THAI.encode("utf-8"), "ascii") == (THAI, "utf-8", True)


def test_bytes_no_charset_decodes_are_kept_with_replacement_characters() -> None:
    body = THAI.encode("utf-8")[:-1] + b"\x81\x8d"  # invalid in UTF-8 and in cp874
    text, encoding, clean = decode_page(body, "utf-8")
    assert (encoding, clean) == ("utf-8", False)
    assert text.startswith("วันที่นำเข้าข้อมูล") and "\ufffd" in text
