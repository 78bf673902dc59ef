"""The report's copies of the pictures and files its versions show: taken from the
archive (never from the web: the site may have changed or removed them), each once, under
``media/<sha256[:2]>/<sha256>.<ext>``.

The extension comes from the content type the server sent, and only for types a browser
shows without running anything (pictures, PDF): anything else -- an SVG, an HTML page
served as an attachment -- is ``.bin``, downloaded, never shown, so that no file from
the web runs in the report's pages.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from crawler.storage import Storage
from crawler.storage.layout import media_key
from schemas.models import ArchivedArticle, StoredFile

PICTURES = (".jpg", ".png", ".gif", ".webp")
SHOWN = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}


def media_name(stored: StoredFile) -> str:
    """The file's path in the report (relative to its root)."""
    kind = (stored.content_type or "").split(";")[0].strip().lower()
    return f"media/{stored.sha256[:2]}/{stored.sha256}{SHOWN.get(kind, '.bin')}"


def files_of(article: ArchivedArticle) -> list[StoredFile]:
    return [file for _url, file, _missing in article.file_entries() if file is not None]


def media_html(article: ArchivedArticle, depth: int) -> str:
    """The version's pictures (from the report's copies) and its attachments, linked;
    each one the archive holds no copy of, with why."""
    up = "../" * depth
    parts = []
    for image in article.images:
        caption = escape(image.caption or "")
        if image.file is None:
            parts.append(_not_held("picture", image.missing, caption))
        elif media_name(image.file).endswith(PICTURES):
            parts.append(
                f'<figure><img src="{up}{media_name(image.file)}" loading="lazy"'
                f' alt="{caption}"><figcaption>{caption}</figcaption></figure>'
            )
        else:
            name = media_name(image.file)
            parts.append(f'<p><a href="{up}{name}">{caption or "picture"}</a></p>')
    for attachment in article.attachments:
        title = escape(attachment.title or attachment.url)
        if attachment.file is None:
            parts.append(_not_held("attachment", attachment.missing, title))
        else:
            name = media_name(attachment.file)
            parts.append(f'<p>attachment: <a href="{up}{name}">{title}</a></p>')
    return f'<div class="media">{"".join(parts)}</div>' if parts else ""


def _not_held(what: str, missing: str | None, label: str) -> str:
    return f'<p class="empty">{what} not held ({escape(missing or "capture off")}): {label}</p>'


def copy_media(storage: Storage, root: Path, files: dict[str, StoredFile]) -> int:
    """Each file copied from the archive into the report once; how many were."""
    copied = 0
    for stored in files.values():
        data = storage.get(media_key(stored.sha256))
        if data is None:
            continue  # scrapy verify names it; the page says nothing is shown
        path = root / media_name(stored)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        copied += 1
    return copied
