"""The archive's layout on any storage backend, and the protocol that keeps it honest.

Per article, under ``articles/<site>/<lang>/<kind>/<slug>/``::

    <updated-date>_<sha16>/page.html     the raw HTML as fetched
    <updated-date>_<sha16>/article.txt   the text form (schemas.render)
    <updated-date>_<sha16>/article.json  the record; written last, create-only
    latest.json                          which version is the latest

``article.json`` is the version's commit marker: a version exists when its record
does.  The other two files are written first and may be rewritten until then, so a
crash mid-version leaves an invisible partial version that the next run completes.
Version names come from the update date and the content hash, so a retry writes the
same keys and never a second copy.  Pages that are not articles go to
``quarantine/<site>/.../<sha16 of the HTML>/`` with their reasons.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from crawler.storage import Storage, StorageError
from crawler.storage.keys import article_prefix, version_name
from schemas.models import ArchivedArticle, Finding
from schemas.textform import render

RECORD = "article.json"
JSON = "application/json"
TEXT = "text/plain; charset=utf-8"


def dump_json(data: object) -> bytes:
    """UTF-8 JSON as the archive writes it: Thai unescaped, stable key order."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class StoredVersion:
    """A version that is in the store: its key, and whether this call wrote it."""

    key: str
    created: bool


class ArchiveConflict(StorageError):
    """A version key already holds a different record (should never happen)."""


class Archive:
    """Writes and reads versions and quarantined pages through a :class:`Storage`."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def version_key(self, article: ArchivedArticle) -> str:
        updated = article.updated_date.isoformat() if article.updated_date else None
        name = version_name(updated, article.content_sha256)
        return f"{article_prefix(article.canonical_url)}/{name}"

    def store_version(self, article: ArchivedArticle, html: bytes, encoding: str) -> StoredVersion:
        """Write one version (idempotent) and move ``latest`` to it."""
        key = self.version_key(article)
        existing = self.storage.get(f"{key}/{RECORD}")
        if existing is None:
            self.storage.put(f"{key}/page.html", html, f"text/html; charset={encoding}")
            self.storage.put(f"{key}/article.txt", render(article).encode("utf-8"), TEXT)
            record = dump_json(article.model_dump(mode="json"))
            created = self.storage.put(f"{key}/{RECORD}", record, JSON, create_only=True)
            if not created:
                existing = self.storage.get(f"{key}/{RECORD}")
        else:
            created = False
        if existing is not None:
            earlier = ArchivedArticle.model_validate_json(existing)
            if earlier.content_sha256 != article.content_sha256:
                raise ArchiveConflict(f"{key} holds another version of {article.canonical_url}")
        self.move_latest(article, key)
        return StoredVersion(key=key, created=created)

    def move_latest(self, article: ArchivedArticle, key: str) -> None:
        """Point ``latest.json`` at ``key`` unless it points at a later fetch already
        (a version flushed late from the spool must not move latest backwards)."""
        latest = f"{article_prefix(article.canonical_url)}/latest.json"
        fetched_at = article.fetched_at.isoformat()
        current = self.storage.get(latest)
        if current is not None:
            pointer = json.loads(current)
            if pointer.get("version") == key or pointer.get("fetched_at", "") > fetched_at:
                return
        pointer = {
            "canonical_url": article.canonical_url,
            "version": key,
            "updated_date": article.updated_date.isoformat() if article.updated_date else None,
            "content_sha256": article.content_sha256,
            "fetched_at": fetched_at,
        }
        self.storage.put(latest, dump_json(pointer), JSON)

    def quarantine(
        self, url: str, canonical_url: str, html: bytes, encoding: str, findings: list[Finding],
        fetched_at: str,
    ) -> str:  # fmt: skip
        """Keep a page that is not an article, with the reasons; returns its key."""
        digest = hashlib.sha256(html).hexdigest()[:16]
        key = f"quarantine/{article_prefix(canonical_url).removeprefix('articles/')}/{digest}"
        self.storage.put(f"{key}/page.html", html, f"text/html; charset={encoding}")
        reasons = {
            "url": url,
            "canonical_url": canonical_url,
            "fetched_at": fetched_at,
            "findings": [finding.model_dump(mode="json") for finding in findings],
        }
        self.storage.put(f"{key}/reasons.json", dump_json(reasons), JSON)
        return key

    def has_versions(self) -> bool:
        """Whether the store holds any version at all (one listing request)."""
        return any(key.endswith(f"/{RECORD}") for key in self.storage.list("articles/"))

    def versions(self) -> Iterator[tuple[str, ArchivedArticle]]:
        """Every complete version in the store: (version key, record)."""
        for key in self.storage.list("articles/"):
            if key.endswith(f"/{RECORD}"):
                data = self.storage.get(key)
                if data is not None:
                    yield key.removesuffix(f"/{RECORD}"), ArchivedArticle.model_validate_json(data)
