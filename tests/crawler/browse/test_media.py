"""The report's copies of files: only pictures and PDFs keep a type a browser shows; a file
from the web that could run (SVG, HTML) is downloaded, never shown."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.browse.media import media_html, media_name
from schemas.models import ArchivedArticle, Attachment, ImageRef, StoredFile

SHA = "ab" + "0" * 62


def _file(kind: str | None) -> StoredFile:
    return StoredFile(sha256=SHA, size=10, content_type=kind)


def test_only_types_a_browser_shows_without_running_anything_keep_their_extension() -> None:
    assert media_name(_file("image/jpeg")) == f"media/ab/{SHA}.jpg"
    assert media_name(_file("application/pdf; charset=binary")) == f"media/ab/{SHA}.pdf"
    for kind in ("image/svg+xml", "text/html", None, "application/x-msdownload"):
        assert media_name(_file(kind)).endswith(".bin")


def test_a_version_shows_its_pictures_links_its_files_and_says_what_it_lacks() -> None:
    article = ArchivedArticle(
        url="https://x.thaiembassy.org/th/content/a",
        canonical_url="https://x.thaiembassy.org/th/content/a",
        site="x.thaiembassy.org",
        fetched_at=datetime(2026, 12, 7, tzinfo=UTC),
        content_sha256="c" * 64,
        images=[
            ImageRef(url="https://i.org/a.jpg", caption='<b>"x"</b>', file=_file("image/jpeg")),
            ImageRef(url="https://i.org/b.jpg", caption="gone", missing="404"),
            ImageRef(url="https://i.org/c.svg", caption="svg", file=_file("image/svg+xml")),
        ],
        attachments=[Attachment(url="https://i.org/d.pdf", title="form", file=_file(None))],
    )
    html = media_html(article, depth=1)
    assert f'<img src="../media/ab/{SHA}.jpg" loading="lazy" alt="&lt;b&gt;&quot;x' in html
    assert "picture not held (404): gone" in html
    assert f'<a href="../media/ab/{SHA}.bin">svg</a>' in html  # never an <img> of an SVG
    assert f'attachment: <a href="../media/ab/{SHA}.bin">form</a>' in html
