"""The CDXJ index of a WARC file, as pywb and WACZ read it: one line per response or
revisit record (SURT URL key, 14-digit timestamp, then JSON with the URL, MIME type,
status, payload digest, ``offset``, ``length`` and ``filename``), sorted.

Written from the completed file (not from what the writer meant to write), beside it as
``<name>.cdxj``, and published with it into the archive as ``warc/<name>.cdxj``: a
replayer takes the two as they are.  The lines are those webrecorder's ``cdxj-indexer``
writes (a test holds them equal); it is not used here because its imports need
``pkg_resources``, which setuptools is removing.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zlib
from pathlib import Path

from surt import surt
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_timestamp

from crawler.storage.atomic import write_atomically

logger = logging.getLogger(__name__)
WARC, INDEX = ".warc.gz", ".cdxj"
INDEXED = ("response", "revisit")
_MIME_END = re.compile(r"[;\s]")
NOT_A_RECORD = (ArchiveLoadFailed, EOFError, zlib.error, AttributeError, ValueError)
"""What warcio raises on bytes that are not (or no longer) a record."""


def index_path(warc: Path) -> Path:
    """Where the index of the WARC file ``warc`` is kept beside it."""
    return warc.with_name(warc.name.removesuffix(WARC) + INDEX)


def warc_path(index: Path) -> Path:
    """The WARC file an index beside it belongs to."""
    return index.with_name(index.name.removesuffix(INDEX) + WARC)


def write_index(warc: Path) -> Path:
    """Index the completed file ``warc`` into ``<name>.cdxj`` beside it (written whole
    and durably, under a name of its own until then).  A tail that is not a whole record
    (bytes a power loss or a full disk left) is cut off first.  Blocking: reads the
    whole file once."""
    lines, end = scan(warc)
    if end < warc.stat().st_size:
        logger.warning("WARC file %s ends in a partial record: cut at %d", warc, end)
        with warc.open("r+b") as file:
            file.truncate(end)
            os.fsync(file.fileno())
    target = index_path(warc)
    write_atomically(target, "".join(sorted(lines)).encode("utf-8"))
    return target


def scan(warc: Path) -> tuple[list[str], int]:
    """The index lines of the file's whole response and revisit records, in file order,
    and where its last whole record ends.  A record that cannot be parsed, or that ends
    before its ``Content-Length`` or its gzip member does (warcio reads such a tail
    without a word), ends the scan; a failure to read the file (``OSError``) is raised:
    it says nothing about where the records end."""
    lines: list[str] = []
    end = 0
    with warc.open("rb") as file:
        archive = ArchiveIterator(file)
        records = iter(archive)
        while True:
            try:
                record = next(records)
                archive.read_to_end()
            except StopIteration:
                break
            except NOT_A_RECORD:
                logger.warning("WARC file %s: no whole record after byte %d", warc, end)
                break
            if not _whole(archive, record):
                logger.warning("WARC file %s: the record at byte %d is cut", warc, end)
                break
            offset, length = archive.get_record_offset(), archive.get_record_length()
            end = offset + length
            if record.rec_type in INDEXED:
                key, when, fields = _head(record)
                fields |= {"length": str(length), "offset": str(offset), "filename": warc.name}
                lines.append(f"{key} {when} {json.dumps(fields)}\n")
    return lines, end


def _whole(archive: ArchiveIterator, record: ArcWarcRecord) -> bool:
    """Whether the record just read reached its ``Content-Length`` and the end of its
    gzip member (a file cut inside a record reads to its end without an error)."""
    if getattr(record.raw_stream, "limit", 0):
        return False
    decompressor = getattr(getattr(archive, "reader", None), "decompressor", None)
    return decompressor is None or bool(getattr(decompressor, "eof", True))


def _head(record: ArcWarcRecord) -> tuple[str, str, dict[str, str]]:
    """A record's SURT key, timestamp and first fields (read before its payload is)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    fields = {
        "url": url,
        "mime": _mime(record),
        "status": record.http_headers.get_statuscode() if record.http_headers else None,
        "digest": record.rec_headers.get_header("WARC-Payload-Digest"),
    }
    when = iso_date_to_timestamp(record.rec_headers.get_header("WARC-Date"))
    return surt(url), when, {name: value for name, value in fields.items() if value is not None}


def _mime(record: ArcWarcRecord) -> str | None:
    if record.rec_type == "revisit":
        return "warc/revisit"
    value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return _MIME_END.split(value, 1)[0].strip() if value else None
