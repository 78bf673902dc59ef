"""The content hash that tells a silent edit from an unchanged page.

``content_sha256`` covers what the page says as published: title, the raw date
strings, body, images and attachments.  It leaves out the view counter (it changes
on every visit), the findings (they are our judgement, not the page) and the
normalised dates (they derive from the raw strings).  Downstream users can recompute
it from a record with :func:`content_sha256`.
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
)


def content_sha256(content: ArticleContent) -> str:
    """SHA-256 (hex) of the canonical JSON of the hashed fields of ``content``."""
    data = content.model_dump(mode="json", include=set(HASHED_FIELDS))
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
