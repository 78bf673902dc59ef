"""The archive's layout: every key the archive uses, and the ``latest.json`` pointer.

Per article, under ``articles/<site>/<lang>/<kind>/<slug>/``::

    <updated-date>_<sha16>/page.html     the raw HTML as fetched
    <updated-date>_<sha16>/article.txt   the text form (schemas.render)
    <updated-date>_<sha16>/article.json  the record; written last, create-only
    latest.json                          which version is the latest
    :events/<time>_<kind>.json           found absent, gone, moved, back (schemas.events)

Pictures and attached files go to ``media/<sha256[:2]>/<sha256>`` by their content, one
copy however many articles show them, and each URL's last capture to
``media/urls/<sha256 of the URL>[:2]/<sha256 of the URL>.json``
(:class:`crawler.state.media.KnownFile`).

Pages that are not articles go to ``quarantine/<site>/.../<sha16 of the HTML>/`` with
``page.html`` and ``reasons.json``.  Keys come from untrusted URLs, so every segment
goes through :func:`crawler.storage.keys.safe_segment` and never leaves the root.
This module is the only one that knows these names.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from crawler.storage.keys import MAX_PREFIX_BYTES, check_key, digest, safe_segment
from crawler.urls import path_segments
from schemas.models import ArchivedArticle

ARTICLES = "articles/"
QUARANTINE = "quarantine/"
WARC_FOLDER = "warc/"
RUNS = "runs/"
MEDIA = "media/"
MEDIA_URLS = "media/urls/"
"""WARC files and their CDXJ indexes (``<name>.warc.gz``, ``<name>.cdxj``)."""
PAGE, TEXT, RECORD, LATEST = "page.html", "article.txt", "article.json", "latest.json"
PARTS = (PAGE, TEXT, RECORD)
"""A version's files, in the order they are written (the record last)."""
REASONS = "reasons.json"
PROBE = ".probe"
"""A small object written to tell whether the store takes a write (before a crawl; and
by the store pipeline, to tell a refused item from a store that is down), then removed."""
JSON_TYPE = "application/json"
TEXT_TYPE = "text/plain; charset=utf-8"


def dump_json(data: object) -> bytes:
    """UTF-8 JSON as the archive writes it: Thai unescaped, stable key order."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def site_folder(site: str) -> str:
    """``articles/<site>/``: where a site's articles are (``host:port`` as ``host_port``)."""
    return f"{ARTICLES}{safe_segment(site.lower().replace(':', '_'))}/"


def article_prefix(canonical_url: str) -> str:
    """``articles/<site>/<path segments>`` for an article's canonical URL."""
    parts = urlsplit(canonical_url)
    segments = [safe_segment(s) for s in path_segments(parts.path)]
    if parts.query:
        segments[-1:] = [safe_segment(f"{segments[-1] if segments else ''}?{parts.query}")]
    head = site_folder(parts.netloc).rstrip("/")
    if len("/".join([head, *segments]).encode("utf-8")) > MAX_PREFIX_BYTES:
        # Too deep a path: keep the leading segments that fit, then one hash of the rest.
        tail = f"~{digest(parts.path + '?' + parts.query)}"
        room = MAX_PREFIX_BYTES - len(head.encode("utf-8")) - len(tail) - 1
        kept: list[str] = []
        for segment in segments:
            room -= len(segment.encode("utf-8")) + 1
            if room < 0:
                break
            kept.append(segment)
        segments = [*kept, tail]
    return check_key("/".join([head, *segments]))


def version_name(updated_date: str | None, content_sha256: str) -> str:
    """A version's directory: its update date and content hash, so retries are idempotent."""
    return f"{updated_date or 'undated'}_{content_sha256[:16]}"


def version_key(article: ArchivedArticle) -> str:
    """Where a version of ``article`` lives (its folder)."""
    updated = article.updated_date.isoformat() if article.updated_date else None
    name = version_name(updated, article.content_sha256)
    return f"{article_prefix(article.canonical_url)}/{name}"


def article_of(key: str) -> str:
    """The article folder of a version key or of a file in it."""
    return key.rsplit("/", 1)[0]


EVENTS = "/:events/"
"""The folder of an article's events: a name no path segment of an article's URL can
become (:func:`crawler.storage.keys.safe_segment` turns every ``:`` into ``-``), so an
article at ``.../events`` is never taken for one's events."""


def event_key(canonical_url: str, kind: str, at: datetime) -> str:
    """Where an event of the article is: its time (UTC, fixed width, so names sort in
    time order) and kind."""
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return check_key(f"{article_prefix(canonical_url)}{EVENTS}{stamp}_{safe_segment(kind)}.json")


def media_key(sha256: str) -> str:
    """Where a file with this content is (``media/ab/ab12...``)."""
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256 in hex: {sha256!r}")
    return f"{MEDIA}{sha256[:2]}/{sha256}"


def media_url_key(url: str) -> str:
    """Where the last capture of the file at ``url`` is told (its URL hashed: any URL
    makes a safe key)."""
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return f"{MEDIA_URLS}{name[:2]}/{name}.json"


def latest_key(prefix: str) -> str:
    """The pointer of the article folder ``prefix``."""
    return f"{prefix}/{LATEST}"


def quarantine_folder(canonical_url: str) -> str:
    """Where a page's quarantines are (``quarantine/<site>/<path>``)."""
    return f"{QUARANTINE}{article_prefix(canonical_url).removeprefix(ARTICLES)}"


def quarantine_key(canonical_url: str, html: bytes) -> str:
    """The folder of a quarantined page: per article, per distinct HTML."""
    return f"{quarantine_folder(canonical_url)}/{hashlib.sha256(html).hexdigest()[:16]}"


class LatestPointer(BaseModel):
    """``latest.json``: which version of an article is the latest, and since which fetch.

    The pointer derives from the versions (``verify --repair`` rebuilds it), except that
    a page which went back to an earlier version (``reverted``) is recorded only here:
    the pointer then names the earlier version with the later fetch time.
    """

    canonical_url: str
    version: str
    """The version's key (its folder)."""
    updated_date: str | None
    content_sha256: str
    fetched_at: str
    """When the page was last fetched as this version (ISO 8601, UTC)."""

    @classmethod
    def to(cls, article: ArchivedArticle, key: str) -> LatestPointer:
        updated = article.updated_date.isoformat() if article.updated_date else None
        return cls(
            canonical_url=article.canonical_url,
            version=key,
            updated_date=updated,
            content_sha256=article.content_sha256,
            fetched_at=article.fetched_at.isoformat(),
        )

    @classmethod
    def read(cls, data: bytes | None) -> LatestPointer | None:
        """The pointer in ``data``; None when there is none or it cannot be read."""
        if not data:
            return None
        try:
            return cls.model_validate_json(data)
        except ValidationError:
            return None

    def dump(self) -> bytes:
        return dump_json(self.model_dump())
