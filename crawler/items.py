"""The item that travels spider -> validate -> dedup -> store.

The spider fills what it saw (the page's raw parts and its HTML); each pipeline adds
its verdict.  Pipelines never read the HTML: they only carry it to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from schemas.assess import RawArticle
from schemas.models import ArchivedArticle, Finding, WarcRecordRef

ARTICLE_PRIORITY = 1
"""Article requests come before the next listing page (priority 1 over 0): the scheduler
then holds one page of articles, not the whole site's, and memory stays flat (the shared
scheduler of several workers keeps the same order)."""
WARC_RECORD_META = "warc_record"
"""The request meta key where the WARC recorder leaves the response's
:class:`~schemas.models.WarcRecordRef` for the spider."""


@dataclass
class FetchedPage:
    """One fetched article page and, as it moves on, what became of it."""

    url: str
    canonical_url: str
    site: str
    language: str | None
    category: str | None
    fetched_at: datetime
    html: bytes = field(repr=False)
    encoding: str
    raw: RawArticle = field(repr=False)
    extraction_error: str | None = None
    """Set by the spider when the page could not be read at all (it is quarantined)."""
    article: ArchivedArticle | None = field(default=None, repr=False)
    """Set by the validate pipeline when the page is an article."""
    errors: list[Finding] = field(default_factory=list)
    """Set by the validate pipeline when the page is not an article (it is quarantined)."""
    version_reason: str | None = None
    """Set by the dedup pipeline: why a new version is stored (or ``reverted``)."""
    existing_key: str | None = None
    """Set with ``reverted``: the stored version the page is again, which becomes latest."""
    quarantined_before: bool = False
    """Set by the store: a page that is not an article, quarantined before for the same
    reasons (nothing new was written)."""
    etag: str | None = None
    """The response's ``ETag``, for the next visit's ``If-None-Match``."""
    last_modified: str | None = None
    """The response's ``Last-Modified``, for the next visit's ``If-Modified-Since``."""
    warc_record: WarcRecordRef | None = None
    """Where the response is in the crawl's WARC files (when it writes them)."""


@dataclass
class NotModified:
    """A revisit answered 304: the article is as the archive has it, no body fetched."""

    url: str
    canonical_url: str
    site: str
    category: str | None
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
