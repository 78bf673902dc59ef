"""The words by which a page of the platform names its parts, in Thai and English.

The body of an article is followed by sections that are not body: the gallery
("รูปภาพประกอบ"), the video section ("วิดีโอประกอบ"), related news, attachments, a share
bar, tags.  Their headings are the one stable thing about them across builds and
layouts (class names change on every deploy), so the extractor recognises a section
by its heading, normalised: case, spaces, a trailing colon and a count like ``(3)``
do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

GALLERY, VIDEO, RELATED, ATTACHMENTS, SHARE, TAGS = (
    "gallery",
    "video",
    "related",
    "attachments",
    "share",
    "tags",
)

SECTION_TITLES: dict[str, frozenset[str]] = {
    GALLERY: frozenset(
        {
            "รูปภาพประกอบ",
            "ภาพประกอบ",
            "รูปภาพ",
            "ภาพกิจกรรม",
            "ประมวลภาพ",
            "ประมวลภาพกิจกรรม",
            "แกลเลอรี่",
            "แกลเลอรี",
            "อัลบั้มภาพ",
            "images",
            "image",
            "photos",
            "photo",
            "gallery",
            "photo gallery",
            "pictures",
            "image gallery",
        }
    ),
    VIDEO: frozenset(
        {
            "วิดีโอประกอบ",
            "วีดิโอประกอบ",
            "วีดีโอประกอบ",
            "วิดีโอ",
            "วีดิโอ",
            "วีดีโอ",
            "คลิปวิดีโอ",
            "videos",
            "video",
            "video clips",
            "video clip",
        }
    ),
    RELATED: frozenset(
        {
            "ข่าวที่เกี่ยวข้อง",
            "ข่าวอื่นๆ",
            "ข่าวอื่น",
            "ข่าวล่าสุด",
            "ข่าวยอดนิยม",
            "ข่าวแนะนำ",
            "เนื้อหาที่เกี่ยวข้อง",
            "บทความที่เกี่ยวข้อง",
            "ข่าวสารที่เกี่ยวข้อง",
            "related news",
            "related",
            "related articles",
            "related content",
            "related stories",
            "other news",
            "latest news",
            "more news",
            "see also",
            "popular news",
            "you may also like",
        }
    ),
    ATTACHMENTS: frozenset(
        {
            "เอกสารแนบ",
            "ไฟล์แนบ",
            "เอกสารประกอบ",
            "ดาวน์โหลด",
            "ดาวน์โหลดเอกสาร",
            "เอกสารดาวน์โหลด",
            "attachments",
            "attachment",
            "attached files",
            "attached documents",
            "documents",
            "downloads",
            "download",
            "files",
        }
    ),
    SHARE: frozenset(
        {
            "แชร์",
            "แบ่งปัน",
            "แชร์ข่าวนี้",
            "แชร์บทความนี้",
            "แชร์หน้านี้",
            "share",
            "share this",
            "share on",
            "share this article",
            "share this page",
            "share this news",
        }
    ),
    TAGS: frozenset({"แท็ก", "คำค้น", "คำสำคัญ", "tags", "tag", "keywords"}),
}
DEFAULT_CAPTIONS = frozenset({"รูปภาพประกอบ", "Images"})
"""The CMS's own caption for a gallery (what the sample's text shows after the body)."""

SHARE_HOSTS = frozenset(
    {
        "facebook.com",
        "twitter.com",
        "x.com",
        "line.me",
        "linkedin.com",
        "pinterest.com",
        "reddit.com",
        "t.me",
        "telegram.me",
        "wa.me",
        "whatsapp.com",
        "tumblr.com",
        "vk.com",
        "weibo.com",
        "plus.google.com",
        "getpocket.com",
    }
)
_SHARE_PATHS = re.compile(r"share|sharer|intent/|lineit|send\b|/msg/", re.IGNORECASE)
_DECORATION = re.compile(r"^[\s\W\d_]*$")  # arrows, bullets, "1 / 5"
_NAV_WORDS = frozenset(
    {
        "previous",
        "next",
        "prev",
        "ก่อนหน้า",
        "ถัดไป",
        "ย้อนกลับ",
        "back",
        "close",
        "ปิด",
        "เพิ่มเติม",
        "ดูทั้งหมด",
        "view all",
        "see all",
        "more",
        "อ่านต่อ",
        "read more",
    }
)
_ARROWS = " «»‹›<>←→⟵⟶·|-–—"
_SPACES = re.compile(r"\s+")
_COUNT = re.compile(r"\s*[(\[]\s*[\d๐-๙,]+\s*[)\]]\s*$")


def normalised(text: str) -> str:
    """A label as compared: NFC, case-folded, spaces collapsed, no colon or count after it."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    text = _COUNT.sub("", _SPACES.sub(" ", text).strip()).rstrip(":：").strip()
    return text.casefold()


_BY_TITLE = {normalised(t): kind for kind, titles in SECTION_TITLES.items() for t in titles}


def section_kind(text: str) -> str | None:
    """The kind of section a heading names (``gallery``, ``video``, ...), or None."""
    return _BY_TITLE.get(normalised(text)) if len(text) <= 60 else None


def is_share_url(url: str) -> bool:
    """A link that shares the page on a social network (or by mail)."""
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return True
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    social = host in SHARE_HOSTS or any(host.endswith("." + h) for h in SHARE_HOSTS)
    return social and bool(_SHARE_PATHS.search(parts.path + "?" + parts.query))


def is_social_url(url: str) -> bool:
    """A link to a social network at all (a share button or a "follow us" icon)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return host in SHARE_HOSTS or any(host.endswith("." + h) for h in SHARE_HOSTS)


def is_decoration(line: str) -> bool:
    """Slider controls and counters: arrows, bullets, "1 / 5", "Next", "« ย้อนกลับ"."""
    return bool(_DECORATION.match(line)) or normalised(line).strip(_ARROWS) in _NAV_WORDS
