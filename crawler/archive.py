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

from crawler.faults import checkpoint
from crawler.redact import redact_url
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


@dataclass(frozen=True)
class Version:
    """One version ready to write: its key and the bytes of its files."""

    key: str
    article: ArchivedArticle
    parts: tuple[tuple[str, bytes, str], ...]
    record: bytes


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

    def prepare_version(self, article: ArchivedArticle, html: bytes, encoding: str) -> Version:
        """Everything a version's files hold, as bytes (no I/O: cheap to do anywhere)."""
        return Version(
            key=self.version_key(article),
            article=article,
            parts=(
                ("page.html", html, f"text/html; charset={encoding}"),
                ("article.txt", render(article).encode("utf-8"), TEXT),
            ),
            record=dump_json(article.model_dump(mode="json")),
        )

    def store_version(
        self, article: ArchivedArticle, html: bytes, encoding: str, *, newest: bool = False
    ) -> StoredVersion:
        """Prepare and write one version (see :meth:`write_version`)."""
        return self.write_version(self.prepare_version(article, html, encoding), newest=newest)

    def write_version(self, version: Version, *, newest: bool = False) -> StoredVersion:
        """Write one version (idempotent) and move ``latest`` to it.

        The common case costs three create-only writes (page, text, record) and the
        pointer; only when one of them finds other bytes already there (a retry, a
        version left half-written by a crash) is the record read to tell which.
        ``newest`` says the caller knows of no later fetch of this article, so the
        pointer is written without reading it first.
        """
        key, parts, record = version.key, version.parts, version.record
        part_keys = [f"{key}/{name}" for name, _data, _type in parts]
        written = all(
            self.storage.put(k, data, content_type, create_only=True, durable=False)
            for k, (_name, data, content_type) in zip(part_keys, parts, strict=True)
        )
        if written:
            self.storage.sync(part_keys)  # the parts are durable before the record exists
            checkpoint("upload")
            created = self.storage.put(f"{key}/{RECORD}", record, JSON, create_only=True)
        else:
            created = False
        if not created:
            existing = self.storage.get(f"{key}/{RECORD}")
            if existing is None:  # a version a crash left uncommitted: its parts are ours
                for name, data, content_type in parts:
                    self.storage.put(f"{key}/{name}", data, content_type)  # durable
                created = self.storage.put(f"{key}/{RECORD}", record, JSON, create_only=True)
                existing = None if created else self.storage.get(f"{key}/{RECORD}")
            if existing is not None:
                earlier = ArchivedArticle.model_validate_json(existing)
                if earlier.content_sha256 != version.article.content_sha256:
                    raise ArchiveConflict(f"{key} holds another version of {earlier.canonical_url}")
        self.move_latest(version.article, key, newest=newest)
        return StoredVersion(key=key, created=created)

    def move_latest(self, article: ArchivedArticle, key: str, *, newest: bool = False) -> None:
        """Point ``latest.json`` at ``key`` unless it points at a later fetch already
        (a version flushed late from the spool must not move latest backwards)."""
        latest = f"{article_prefix(article.canonical_url)}/latest.json"
        fetched_at = article.fetched_at.isoformat()
        current = None if newest else self.storage.get(latest)
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
        # The pointer derives from the versions (verify --repair rebuilds it): it need
        # not cost a journal commit of its own, the next one makes it durable.
        self.storage.put(latest, dump_json(pointer), JSON, durable=False)

    def quarantine(
        self, url: str, canonical_url: str, html: bytes, encoding: str, findings: list[Finding],
        fetched_at: str,
    ) -> str:  # fmt: skip
        """Keep a page that is not an article, with the reasons; returns its key."""
        digest = hashlib.sha256(html).hexdigest()[:16]
        key = f"quarantine/{article_prefix(canonical_url).removeprefix('articles/')}/{digest}"
        self.storage.put(f"{key}/page.html", html, f"text/html; charset={encoding}")
        reasons = {
            "url": redact_url(url),
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
