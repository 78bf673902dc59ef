"""The replica's articles: the shared sample and corpus, split into their parts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from schemas.dates import DateParseError, parse_platform_date
from schemas.textform import IMPORTED_LABEL, read_raw

SAMPLE_URL = "https://www.mfa.go.th/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
THAI_MONTHS_ABBR = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
THAI_MONTHS_FULL = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Page:
    """One article page of the replica, in its current (possibly altered) state."""

    href: str  # path and query as the real site links it
    language: str
    title: str | None
    imported_raw: str | None
    updated_raw: str | None
    view_count: int | None
    body: list[str]
    captions: list[str]
    template: str = "labels"  # "labels" or "bare" (bare date line and "N view")
    broken: str | None = None
    """None; "error" (the error page, status 200); "notitle"; "linesep" (a LINE SEPARATOR
    pasted into the first paragraph); "emptygallery" (a gallery heading, no picture)."""
    image_seed: str = field(default="")
    translation: str | None = None
    """The href its language switch leads to: the same article in the other language;
    ``None``: the other language's home page, as most of the platform's pages do."""
    shows: str | None = None
    """A heading the template shows where the title should be (a template change the
    reader cannot know: the title shows nowhere on the page, its ``og:title`` and the
    listing cards still name it)."""

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.href).path)

    def sort_date(self) -> date:
        for raw in (self.imported_raw, self.updated_raw):
            if raw:
                try:
                    return parse_platform_date(raw)
                except DateParseError:
                    continue
        return date(1900, 1, 1)


def format_date(value: date, language: str, full: bool = False) -> str:
    """A date as the platform writes it for ``language`` (Buddhist era on Thai pages)."""
    if language == "th":
        months = THAI_MONTHS_FULL if full else THAI_MONTHS_ABBR
        return f"{value.day} {months[value.month - 1]} {value.year + 543}"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def _page(url: str, text: str) -> Page:
    raw = read_raw(text)
    lines = text.split("\n")
    bare = (
        "imported_date" in raw.lines and IMPORTED_LABEL not in lines[raw.lines["imported_date"] - 1]
    )
    split = urlsplit(url)
    href = split.path + (f"?{split.query}" if split.query else "")
    return Page(
        href=href,
        language=href.split("/")[1],
        title=raw.title,
        imported_raw=raw.imported_date_raw,
        updated_raw=raw.updated_date_raw,
        view_count=raw.view_count,
        body=raw.body,
        captions=[image.caption or "" for image in raw.images],
        template="bare" if bare else "labels",
        image_seed=hashlib.sha256(href.encode()).hexdigest(),
    )


def load_pages(shared: Path) -> list[Page]:
    """Sample and corpus pages, newest first by import date (as listings show them)."""
    pages = [
        _page(SAMPLE_URL, (shared / "sample" / "mfa-asean-canada-2020.txt").read_text("utf-8"))
    ]
    for path in sorted((shared / "corpus").glob("*.txt")):
        url_line, _sep, text = path.read_text(encoding="utf-8").split("\n", 2)
        pages.append(_page(url_line.removeprefix("URL: ").strip(), text))
    pages.sort(key=Page.sort_date, reverse=True)
    return pages


def bumped(page: Page, new_date: str | None = None) -> Page:
    """The page with a later update date (one day after its latest date by default)."""
    if new_date is None:
        latest = max(
            (parse_platform_date(r) for r in (page.imported_raw, page.updated_raw) if r),
            default=date(2024, 1, 1),
        )
        new_date = format_date(latest + timedelta(days=1), page.language)
    return replace(page, updated_raw=new_date)


def silently_edited(page: Page) -> Page:
    """The page with its body changed but its dates as they were."""
    marker = "แก้ไขเพิ่มเติม" if page.language == "th" else "(amended)"
    return replace(page, body=[*page.body, marker])
