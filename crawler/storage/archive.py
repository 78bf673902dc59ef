"""The protocol that keeps the archive honest, on any storage backend.

``article.json`` is a version's commit marker: a version exists when its record does.
The other two files are written first and may be rewritten until then, so a crash
mid-version leaves an invisible partial version that the next run completes.  Version
names come from the update date and the content hash, so a retry writes the same keys
and never a second copy.  The keys themselves are :mod:`crawler.storage.layout`'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from scrapy.settings import BaseSettings

from crawler.redact import redact_url
from crawler.storage import Storage, StorageError, open_storage
from crawler.storage.layout import (
    ARTICLES,
    JSON_TYPE,
    PAGE,
    QUARANTINE,
    REASONS,
    RECORD,
    RUNS,
    TEXT,
    TEXT_TYPE,
    LatestPointer,
    article_of,
    dump_json,
    latest_key,
    quarantine_folder,
    quarantine_key,
    version_key,
)
from schemas.models import ArchivedArticle, Finding, WarcRecordRef
from schemas.textform import render


@dataclass(frozen=True)
class Stored:
    """A version or quarantined page that is in the store: its key, and whether this
    call wrote it."""

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

    def prepare_version(self, article: ArchivedArticle, html: bytes, encoding: str) -> Version:
        """Everything a version's files hold, as bytes (no I/O: cheap to do anywhere)."""
        return Version(
            key=version_key(article),
            article=article,
            parts=(
                (PAGE, html, f"text/html; charset={encoding}"),
                (TEXT, render(article).encode("utf-8"), TEXT_TYPE),
            ),
            record=dump_json(article.model_dump(mode="json")),
        )

    def write_version(self, version: Version, *, newest: bool = False) -> Stored:
        """Write one version (idempotent) and move ``latest`` to it.

        The common case costs the parts (page, text) written create-only together and
        durable, then the record create-only, then the pointer; only when one of them
        finds other bytes already there (a retry, a version left half-written by a
        crash) is the record read to tell which.  ``newest`` says the caller knows of no
        later fetch of this article, so the pointer is written without reading it first.
        """
        key, parts, record = version.key, version.parts, version.record
        # the parts are durable before the record (the version's commit marker) exists
        written = self.storage.put_all(
            [(f"{key}/{name}", data, kind) for name, data, kind in parts]
        )
        if written:
            created = self.storage.put(f"{key}/{RECORD}", record, JSON_TYPE, create_only=True)
        else:
            created = False
        if not created:
            existing = self.storage.get(f"{key}/{RECORD}")
            if existing is None:  # a version a crash left uncommitted: its parts are ours
                for name, data, content_type in parts:
                    self.storage.put(f"{key}/{name}", data, content_type)  # durable
                created = self.storage.put(f"{key}/{RECORD}", record, JSON_TYPE, create_only=True)
                existing = None if created else self.storage.get(f"{key}/{RECORD}")
            if existing is not None:
                earlier = ArchivedArticle.model_validate_json(existing)
                if earlier.content_sha256 != version.article.content_sha256:
                    raise ArchiveConflict(f"{key} holds another version of {earlier.canonical_url}")
        self.move_latest(version.article, key, newest=newest)
        return Stored(key=key, created=created)

    def latest(self, prefix: str) -> LatestPointer | None:
        """The pointer of the article folder ``prefix``, if there is a readable one."""
        return LatestPointer.read(self.storage.get(latest_key(prefix)))

    def move_latest(self, article: ArchivedArticle, key: str, *, newest: bool = False) -> None:
        """Point ``latest.json`` at ``key`` unless it points at a later fetch already
        (a version flushed late from the spool must not move latest backwards)."""
        pointer = LatestPointer.to(article, key)
        current = None if newest else self.latest(article_of(key))
        if current is not None and (
            current.version == key or current.fetched_at > pointer.fetched_at
        ):
            return
        # The pointer derives from the versions (verify --repair rebuilds it): it need
        # not cost a journal commit of its own, the next one makes it durable.
        self.storage.put(latest_key(article_of(key)), pointer.dump(), JSON_TYPE, durable=False)

    def quarantine(
        self,
        url: str,
        canonical_url: str,
        html: bytes,
        encoding: str,
        findings: list[Finding],
        fetched_at: str,
        warc_record: WarcRecordRef | None = None,
    ) -> Stored:
        """Keep a page that is not an article, with the reasons.  A page quarantined
        before for the same reasons is not written again (a known non-article on a
        listing is fetched by every run; its first copy is the evidence)."""
        found = [finding.model_dump(mode="json") for finding in findings]
        earlier = self._quarantined(canonical_url, found)
        if earlier is not None:
            return Stored(key=earlier, created=False)
        key = quarantine_key(canonical_url, html)
        self.storage.put(f"{key}/{PAGE}", html, f"text/html; charset={encoding}")
        reasons: dict[str, object] = {
            "url": redact_url(url),
            "canonical_url": canonical_url,
            "fetched_at": fetched_at,
            "findings": found,
        }
        if warc_record is not None:  # what the server sent, in the WARC files
            reasons["warc_record"] = warc_record.model_dump()
        self.storage.put(f"{key}/{REASONS}", dump_json(reasons), JSON_TYPE)
        return Stored(key=key, created=True)

    def _quarantined(self, canonical_url: str, findings: list[dict[str, object]]) -> str | None:
        """The quarantine of this page that holds the same findings, if any."""
        for key in self.storage.list(quarantine_folder(canonical_url) + "/"):
            if key.endswith(f"/{REASONS}"):
                data = self.storage.get(key)
                if data is not None and json.loads(data).get("findings") == findings:
                    return article_of(key)
        return None

    def holds_anything(self) -> bool:
        """Whether the store holds an article, a quarantined page or a run report (a
        mistyped ``ARCHIVE_URI`` holds none: the commands that read an archive say so)."""
        return any(
            next(iter(self.storage.list(prefix)), None) is not None
            for prefix in (ARTICLES, QUARANTINE, RUNS)
        )

    def has_versions(self) -> bool:
        """Whether the store holds any version at all (one listing request)."""
        return any(key.endswith(f"/{RECORD}") for key in self.storage.list(ARTICLES))

    def versions(self) -> Iterator[tuple[str, ArchivedArticle]]:
        """Every complete version in the store: (version key, record)."""
        for key in self.storage.list(ARTICLES):
            if key.endswith(f"/{RECORD}"):
                data = self.storage.get(key)
                if data is not None:
                    yield article_of(key), ArchivedArticle.model_validate_json(data)

    def record(self, key: str) -> ArchivedArticle | None:
        """The record of the version ``key``, if it is committed."""
        data = self.storage.get(f"{key}/{RECORD}")
        return ArchivedArticle.model_validate_json(data) if data is not None else None


def open_archive(settings: BaseSettings) -> Archive:
    """The archive ``ARCHIVE_URI`` names, with the backend's options (never credentials)."""
    options = {
        "endpoint_url": settings.get("S3_ENDPOINT_URL"),
        "region_name": settings.get("S3_REGION_NAME"),
        "addressing_style": settings.get("S3_ADDRESSING_STYLE"),
        "max_concurrency": settings.getint("STORE_MAX_CONCURRENCY"),
        "max_attempts": settings.getint("S3_MAX_ATTEMPTS"),
    }
    storage = open_storage(settings.get("ARCHIVE_URI"), options)
    return Archive(storage)
