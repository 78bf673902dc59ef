"""Rotating gzipped WARC files on this machine, published into the archive whole.

Records are appended to ``<name>.warc.gz.open`` (one gzip member per record, so a file
is readable record by record); at ``max_bytes`` or at the end of the crawl the file is
renamed ``<name>.warc.gz`` and put into the archive under ``warc/<name>.warc.gz`` as one
object, then removed here.  A file the store refused stays here and is published by the
next crawl; a file a crash left open is cut after its last whole record first.  So no
object in ``warc/`` is ever half a file, and nothing fetched is lost to a failed upload.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from crawler.storage import Storage, StorageError
from crawler.warc.records import Fetch, Original, warcinfo, write_fetch

logger = logging.getLogger(__name__)
OPEN, DONE = ".warc.gz.open", ".warc.gz"
PREFIX = "warc/"


@dataclass(frozen=True)
class Location:
    """Where a fetch's response record is: the WARC file's name, offset and length."""

    name: str
    offset: int
    length: int


class WarcFiles:
    """The crawl's WARC files in ``folder``, each at most about ``max_bytes``."""

    def __init__(self, folder: Path, max_bytes: int, info: dict[str, str]) -> None:
        self.folder, self.max_bytes, self.info = folder, max_bytes, info
        folder.mkdir(parents=True, exist_ok=True)
        started = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.stem, self.serial = f"mfa-{started}-{os.getpid()}", 0
        self.path: Path | None = None
        self.file: BinaryIO | None = None
        self.writer: WARCWriter | None = None
        self.seen: dict[str, Original] = {}  # payload digest -> first response

    def _open(self) -> Path:
        self.serial += 1
        name = f"{self.stem}-{self.serial:05d}{DONE}"
        path = self.folder / (name.removesuffix(DONE) + OPEN)
        path.write_bytes(warcinfo(name, self.info))
        self.path, self.file = path, path.open("ab")
        self.writer = WARCWriter(self.file, gzip=True)
        return path

    def write(self, fetch: Fetch) -> tuple[Location, Path | None]:
        """Append the fetch; its response's location, and a file completed by rotation."""
        path = self.path or self._open()
        assert self.file is not None and self.writer is not None
        offset = self.file.tell()
        write_fetch(self.writer, fetch, self.seen)
        self.file.flush()  # on disk record by record: a crash cuts at most the last one
        end = self.file.tell()
        name = path.name.removesuffix(OPEN) + DONE
        done = self.close() if end >= self.max_bytes else None
        return Location(name, offset, end - offset), done

    def close(self) -> Path | None:
        """Complete the open file (if any): its final path."""
        if self.path is None or self.file is None:
            return None
        self.file.close()
        self.file = self.writer = None
        done = self.path.with_name(self.path.name.removesuffix(OPEN) + DONE)
        self.path.replace(done)
        self.path = None
        return done


def cut_after_last_record(path: Path) -> Path:
    """A file a crash left open, cut after its last whole record and completed."""
    end = 0
    with path.open("rb") as file:
        try:
            records = ArchiveIterator(file)
            for _record in records:
                records.read_to_end()
                end = records.get_record_offset() + records.get_record_length()
        except Exception:  # a record cut mid-way: keep what came before it
            logger.warning("WARC file %s ends in a partial record: cut at %d", path, end)
    with path.open("r+b") as file:
        file.truncate(end)
    done = path.with_name(path.name.removesuffix(OPEN) + DONE)
    path.replace(done)
    return done


def publish(storage: Storage, path: Path) -> bool:
    """Put a completed file into the archive; remove it here once stored.  Blocking."""
    try:
        storage.put(PREFIX + path.name, path.read_bytes(), "application/warc")
    except (StorageError, OSError) as exc:
        logger.error("WARC file %s kept here, the archive refused it: %s", path, exc)
        return False
    path.unlink(missing_ok=True)  # a sibling worker on this machine may have published it
    return True


def _writer_alive(path: Path) -> bool:
    """Whether the process that opened ``mfa-<time>-<pid>-<n>`` still runs (a sibling
    worker on this machine, whose file is not a leftover)."""
    try:
        pid = int(path.name.split("-")[2])
        os.kill(pid, 0)
    except (IndexError, ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def leftovers(folder: Path, writing: Path | None = None) -> list[Path]:
    """Files earlier crawls could not publish (open ones cut and completed first)."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(OPEN) and path != writing and not _writer_alive(path):
            found.append(cut_after_last_record(path))
        elif path.name.endswith(DONE):
            found.append(path)
    return found
