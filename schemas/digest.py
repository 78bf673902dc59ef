"""The content hash that tells a silent edit from an unchanged page.

``content_sha256`` covers what the page says as published: title, the raw date
strings, body, images (URL and caption), attachments and videos.  It leaves out the
view counter (it changes on every visit), the findings (they are our judgement, not
the page), the normalised dates (they derive from the raw strings), the served
image URLs (a thumbnail size is presentation, not content) and the archive's copies of
pictures and files (where the archive keeps them, not what the page says).  Videos count only when
there are some, so a page without videos hashes as it did before schema 1.1 and an
archive made before it sees no false edits.  Downstream users can recompute it from a
record with :func:`content_sha256`.
"""

from __future__ import annotations

import hashlib
import json

from schemas.models import ArticleContent

HASHED_FIELDS = (
    "title",
    "imported_date_raw",
    "updated_date_raw",
    "body",
    "images",
    "attachments",
    "videos",
)
_KEPT = {
    "images": {"url", "caption"},
    "attachments": {"url", "title"},
    "videos": {"title", "url", "thumbnail_url", "thumbnail_served_url"},
}
"""Per list, the fields of an entry that say what the page shows: the served URL of an
image is presentation, and the archive's copies of files (schema 1.5) are ours, not the
page's -- a record hashes as it did before either existed."""


def content_sha256(content: ArticleContent) -> str:
    """SHA-256 (hex) of the canonical JSON of the hashed fields of ``content``."""
    fields: set[str] = set(HASHED_FIELDS) - ({"videos"} if not content.videos else set())
    data = content.model_dump(mode="json", include=fields)
    for name, kept in _KEPT.items():
        if name in data:
            data[name] = [{k: v for k, v in entry.items() if k in kept} for entry in data[name]]
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
