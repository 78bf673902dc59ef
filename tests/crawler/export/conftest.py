"""A small archive with what exports must get right: several sites, languages and page
types, an updated article, a silent edit, a page that went back to an earlier version,
an article whose path lies inside another's, and Thai text that must stay exact."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from schemas import ArchivedArticle, ArticleContent, content_sha256
from tests.support.project import store_version

THAI = "\u00a0ย่อหน้า ๒๕๖๓ มี\u00a0ช่องว่าง  "  # NBSP, Thai digits, trailing spaces


def article(
    url: str,
    body: str = "ย่อหน้า",
    updated: date | None = date(2022, 11, 28),
    imported: date | None = date(2020, 9, 11),
    reason: str = "first",
    day: int = 1,
) -> ArchivedArticle:
    """A version of the article at ``url`` (its site and language from the URL)."""
    content = ArticleContent(
        title="หัวข้อ",
        body=[body, THAI],
        imported_date=imported,
        imported_date_raw=imported and f"{imported.day} ก.ย. 2563",
        updated_date=updated,
        updated_date_raw=updated and f"{updated.day} พ.ย. 2565",
    )
    site = url.split("/")[2]
    language = url.split("/")[3]
    return ArchivedArticle(
        **content.model_dump(),
        url=url,
        canonical_url=url,
        site=site,
        language=language,
        fetched_at=datetime(2026, 11, day, tzinfo=UTC),
        content_sha256=content_sha256(content),
        version_reason=reason,
    )


MFA, EMBASSY = "https://www.mfa.go.th", "https://bangkok.thaiembassy.org"


def build(root: Path) -> Archive:
    archive = Archive(LocalStorage(root))
    store = functools.partial(store_version, archive)
    store(article(f"{MFA}/th/content/alpha"), b"<html>a1</html>", "utf-8")
    store(
        article(f"{MFA}/th/content/alpha", "แก้", date(2023, 1, 5), reason="updated", day=2),
        b"<html>a2</html>",
        "utf-8",
    )
    store(
        article(f"{MFA}/th/content/alpha", "แก้เงียบ", date(2023, 1, 5), reason="silent_edit", day=3),
        b"<html>a3</html>",
        "utf-8",
    )
    store(article(f"{MFA}/en/content/beta", imported=date(2019, 1, 2)), b"<html>b</html>", "utf-8")
    store(article(f"{MFA}/th/page/gamma"), b"<html>g</html>", "utf-8")
    store(article(f"{MFA}/th/page/gamma/inner", day=4), b"<html>i</html>", "utf-8")
    store(article(f"{EMBASSY}/th/content/delta", updated=None), b"<html>d</html>", "utf-8")
    store(
        article(f"{EMBASSY}/th/content/delta", "ใหม่", updated=None, reason="changed", day=5),
        b"<html>d2</html>",
        "utf-8",
    )
    first = article(f"{EMBASSY}/th/content/delta", updated=None)  # the page went back
    archive.move_latest(
        first.model_copy(update={"fetched_at": datetime(2026, 11, 6, tzinfo=UTC)}),
        next(k for k, a in archive.versions() if a == first),
    )
    return archive


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return build(tmp_path / "archive")
