"""Rotating gzipped WARC files on this machine, published into the archive whole.

Records are appended to ``<name>.warc.gz.open`` (one gzip member per record, so a file
is readable record by record); at ``max_bytes`` or at the end of the crawl the file is
renamed ``<name>.warc.gz``, indexed (``<name>.cdxj``, :mod:`crawler.warc.index`) and the
two are put into the archive under ``warc/`` (the WARC file first: an index never names
a file the archive lacks), then removed here.  A file the store refused stays here and
is published by the next crawl; a file a crash left open is cut after its last whole
record first.  So no object in ``warc/`` is ever half a file, and nothing fetched is
lost to a failed upload.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.warcwriter import WARCWriter

from crawler.state.captures import Capture
from crawler.storage import Storage, StorageError
from crawler.storage.atomic import fsync_path
from crawler.storage.layout import WARC_FOLDER
from crawler.warc.index import INDEX, index_path, warc_path, write_index
from crawler.warc.records import Fetch, RecentPayloads, fetch_records, record_id_of, warcinfo
from schemas.models import WarcRecordRef

logger = logging.getLogger(__name__)
OPEN, DONE = ".warc.gz.open", ".warc.gz"
STALE = 24 * 3600
"""Seconds after which a temporary file in the folder is a crash's leftover."""


class WarcFiles:
    """The crawl's WARC files in ``folder``, each at most about ``max_bytes``."""

    def __init__(self, folder: Path, max_bytes: int, info: dict[str, str]) -> None:
        self.folder, self.max_bytes, self.info = folder, max_bytes, info
        folder.mkdir(parents=True, exist_ok=True)
        started = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        # The pid finds a living writer on this machine; the random part keeps the names
        # of workers on several machines apart (one pid, one second, two machines).
        self.stem, self.serial = f"mfa-{started}-{os.getpid()}-{secrets.token_hex(3)}", 0
        self.path: Path | None = None
        self.file: BinaryIO | None = None
        self.writer: WARCWriter | None = None
        self.seen = RecentPayloads()
        self.captured: list[Capture] = []  # the open file's whole response records
        self.captures: dict[Path, list[Capture]] = {}
        """A completed file -> its whole response records, recorded once it is published."""

    def _open(self) -> Path:
        self.serial += 1
        name = f"{self.stem}-{self.serial:05d}{DONE}"
        path = self.folder / (name.removesuffix(DONE) + OPEN)
        path.write_bytes(warcinfo(name, self.info))
        self.path, self.file = path, path.open("ab")
        self.writer = WARCWriter(self.file, gzip=True)
        return path

    def write(
        self, fetch: Fetch, earlier: Capture | None = None
    ) -> tuple[WarcRecordRef, Path | None]:
        """Append the fetch (``earlier``: its URL's last whole capture, in an earlier
        crawl); where its response record is, and a file completed by rotation."""
        path = self.path or self._open()
        assert self.file is not None and self.writer is not None
        response, request, captured = fetch_records(self.writer, fetch, self.seen, earlier)
        if captured is not None:
            self.captured.append(captured)
        offset = self.file.tell()
        self.writer.write_record(response)
        length = self.file.tell() - offset
        self.writer.write_record(request)
        self.file.flush()  # on disk record by record: a crash cuts at most the last one
        where = WarcRecordRef(
            file=WARC_FOLDER + path.name.removesuffix(OPEN) + DONE,
            offset=offset,
            length=length,
            record_id=record_id_of(response),
        )
        done = self.close() if self.file.tell() >= self.max_bytes else None
        return where, done

    def close(self) -> Path | None:
        """Complete the open file (if any): its final path."""
        if self.path is None or self.file is None:
            return None
        os.fsync(self.file.fileno())  # its records on disk before its name says complete
        self.file.close()
        self.file = self.writer = None
        done = self.path.with_name(self.path.name.removesuffix(OPEN) + DONE)
        self.path.replace(done)
        fsync_path(done.parent)
        self.path = None
        self.captures[done], self.captured = self.captured, []
        return done


def cut_after_last_record(path: Path) -> Path:
    """A file a crash left open, completed: named complete, then cut after its last
    whole record and indexed, in the one pass :func:`write_index` makes (a crash
    between the two leaves a complete name over a bad tail, which publishing cuts)."""
    done = path.with_name(path.name.removesuffix(OPEN) + DONE)
    path.replace(done)
    fsync_path(done.parent)
    write_index(done)
    return done


def publish(storage: Storage, path: Path) -> bool:
    """Index a completed file (unless its index is there), put the file then its index
    into the archive, and remove both here once stored.  Blocking."""
    index = index_path(path)
    if not path.exists():
        return True  # a sibling worker on this machine published it meanwhile
    try:
        if not index.exists():
            write_index(path)  # (cutting a tail a power loss or a full disk left)
        storage.put_file(WARC_FOLDER + path.name, path, "application/warc")
        storage.put_file(WARC_FOLDER + index.name, index, "application/cdxj")
    except FileNotFoundError:
        return True  # a sibling worker on this machine published it meanwhile
    except (StorageError, OSError) as exc:
        logger.error("WARC file %s kept here, the archive refused it: %s", path, exc)
        return False
    path.unlink(missing_ok=True)
    index.unlink(missing_ok=True)
    return True


def _writer_alive(path: Path) -> bool:
    """Whether the process that opened ``mfa-<time>-<pid>-<random>-<n>`` still runs (a
    sibling worker on this machine, whose files are its own to publish).  Where
    ``/proc`` tells, a process whose command line does not name Scrapy is another
    program that was given the pid later: the writer is gone."""
    try:
        pid = int(path.name.split("-")[2])
        os.kill(pid, 0)
    except (IndexError, ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    if pid == os.getpid():
        return False
    try:
        return b"scrapy" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc here: the pid alone says


def leftovers(folder: Path, writing: Path | None = None, mine: str | None = None) -> list[Path]:
    """Files earlier crawls could not publish (open ones cut and completed first), but
    the file being written and those named ``mine*`` (this writer's, whose pid is this
    process's too).  Blocking: a leftover open file is read whole."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path == writing or (mine is not None and path.name.startswith(mine)):
            continue
        if path.name.endswith(OPEN) and not _writer_alive(path):
            found.append(cut_after_last_record(path))
        elif path.name.endswith(DONE) and not _writer_alive(path):
            found.append(path)  # (a living sibling's file is its own to publish)
        elif path.name.endswith(INDEX) and not warc_path(path).exists():
            path.unlink()  # its file was stored, the index not removed yet: indexed again
        elif path.name.endswith(".tmp") and time.time() - path.stat().st_mtime > STALE:
            path.unlink()  # an index a crash left half-written (a day old: no one's now)
    return found
