"""The archive's contract with downstream users: models, text form, JSON Schema.

This package imports nothing from ``crawler``: datasets can depend on it alone.
"""

from schemas.assess import NotAnArticle, RawArticle, build_content
from schemas.dates import DateParseError, parse_platform_date
from schemas.digest import content_sha256
from schemas.events import ArticleEvent
from schemas.models import (
    SCHEMA_VERSION,
    ArchivedArticle,
    ArticleContent,
    Attachment,
    Finding,
    ImageRef,
    StoredFile,
    Translation,
    VideoRef,
    WarcRecordRef,
)
from schemas.textform import parse, parse_view_count, render

__all__ = [
    "SCHEMA_VERSION",
    "ArchivedArticle",
    "ArticleContent",
    "ArticleEvent",
    "Attachment",
    "DateParseError",
    "Finding",
    "ImageRef",
    "NotAnArticle",
    "RawArticle",
    "StoredFile",
    "Translation",
    "VideoRef",
    "WarcRecordRef",
    "build_content",
    "content_sha256",
    "parse",
    "parse_platform_date",
    "parse_view_count",
    "render",
]
