"""The content hash that tells a silent edit from an unchanged page.

``content_sha256`` covers what the page says as published: title, the raw date
strings, body, images (URL and caption), attachments and videos.  It leaves out the
view counter (it changes on every visit), the findings (they are our judgement, not
the page), the normalised dates (they derive from the raw strings) and the served
image URLs (a thumbnail size is presentation, not content).  Videos count only when
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
_IMAGE_FIELDS = {"url", "caption"}


def content_sha256(content: ArticleContent) -> str:
    """SHA-256 (hex) of the canonical JSON of the hashed fields of ``content``."""
    fields: set[str] = set(HASHED_FIELDS) - ({"videos"} if not content.videos else set())
    data = content.model_dump(mode="json", include=fields)
    data["images"] = [{k: v for k, v in i.items() if k in _IMAGE_FIELDS} for i in data["images"]]
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
