"""The spool: finished items kept on local disk while the store does not answer.

Nothing finished is lost when the store goes down: the store pipeline writes the item
here instead, and flushes it when the store answers again (or the next run does).
One directory per item, ``<time>-<sha>/``, holding ``page.html`` and ``item.json``;
``item.json`` is written last, whole or not at all (:mod:`crawler.storage.atomic`), so
an entry without it is a crash leftover, never mistaken for a complete one -- and its
page, which the state never recorded, is simply fetched again by the next run.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from crawler.items import FetchedPage
from crawler.storage.atomic import fsync_path, write_atomically
from schemas.assess import RawArticle
from schemas.models import ArchivedArticle, Finding, WarcRecordRef

MARKER = "item.json"
FLUSHING = ".flushing"
"""Locked (``flock``) by the process flushing the spool: workers of a shared crawl on one
machine may share a spool, and one entry must not be stored by two of them at once."""


class Spool:
    """Items waiting for the store, oldest first."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def put(self, item: FetchedPage) -> str:
        digest = hashlib.sha256(item.url.encode() + item.html).hexdigest()[:12]
        entry = f"{time.time_ns():020d}-{digest}"
        folder = self.directory / entry
        folder.mkdir(parents=True, exist_ok=True)
        fsync_path(self.directory)  # the entry's folder itself survives a power loss
        write_atomically(folder / "page.html", item.html)
        record = {
            "url": item.url,
            "canonical_url": item.canonical_url,
            "site": item.site,
            "language": item.language,
            "category": item.category,
            "fetched_at": item.fetched_at.isoformat(),
            "encoding": item.encoding,
            "version_reason": item.version_reason,
            "existing_key": item.existing_key,
            "etag": item.etag,
            "last_modified": item.last_modified,
            "article": item.article.model_dump(mode="json") if item.article else None,
            "errors": [finding.model_dump(mode="json") for finding in item.errors],
            "warc_record": item.warc_record.model_dump() if item.warc_record else None,
        }
        write_atomically(folder / MARKER, json.dumps(record, ensure_ascii=False).encode())
        return entry

    def entries(self) -> list[str]:
        """Complete entries, oldest first (crash leftovers and set-aside ones are skipped)."""
        if not self.directory.is_dir():
            return []
        return sorted(
            p.name
            for p in self.directory.iterdir()
            if not p.name.startswith(".") and p.is_dir() and (p / MARKER).is_file()
        )

    def load(self, entry: str) -> FetchedPage:
        folder = self.directory / entry
        record = json.loads((folder / MARKER).read_bytes())
        article = record["article"]
        return FetchedPage(
            url=record["url"],
            canonical_url=record["canonical_url"],
            site=record["site"],
            language=record["language"],
            category=record["category"],
            fetched_at=datetime.fromisoformat(record["fetched_at"]),
            html=(folder / "page.html").read_bytes(),
            encoding=record["encoding"],
            raw=RawArticle(),
            article=ArchivedArticle.model_validate(article) if article else None,
            errors=[Finding.model_validate(f) for f in record["errors"]],
            version_reason=record["version_reason"],
            existing_key=record.get("existing_key"),
            etag=record.get("etag"),
            last_modified=record.get("last_modified"),
            warc_record=WarcRecordRef.model_validate(warc)
            if (warc := record.get("warc_record"))
            else None,
        )

    def set_aside(self, entry: str, reason: str, kind: str = "unreadable") -> Path:
        """Hide an entry the store cannot take (kept, with ``reason.txt``, for a person
        to look at; never retried); returns where it is now."""
        aside = self.directory / f".{kind}-{entry}"
        (self.directory / entry).rename(aside)
        (aside / "reason.txt").write_text(reason + "\n", "utf-8")
        return aside

    @contextmanager
    def flushing(self) -> Iterator[bool]:
        """Whether this process may flush the spool now (no other process does); held
        until the block ends, dropped by the kernel if the process dies.  A spool
        whose lock file cannot be made (a read-only one) is flushed unlocked: nothing
        could be spooled there meanwhile."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.directory / FLUSHING, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC)
        except OSError:
            yield True
            return
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(descriptor)

    def remove(self, entry: str) -> None:
        shutil.rmtree(self.directory / entry, ignore_errors=True)

    def __len__(self) -> int:
        return len(self.entries())
