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
import re
from collections.abc import Iterator
from pathlib import Path

from surt import surt
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_timestamp

WARC, INDEX = ".warc.gz", ".cdxj"
INDEXED = ("response", "revisit")
_MIME_END = re.compile(r"[;\s]")


def index_path(warc: Path) -> Path:
    """Where the index of the WARC file ``warc`` is kept beside it."""
    return warc.with_name(warc.name.removesuffix(WARC) + INDEX)


def warc_path(index: Path) -> Path:
    """The WARC file an index beside it belongs to."""
    return index.with_name(index.name.removesuffix(INDEX) + WARC)


def write_index(warc: Path) -> Path:
    """Index the completed file ``warc`` into ``<name>.cdxj`` beside it (written whole:
    a temporary name, then renamed).  Blocking: reads the whole file."""
    target = index_path(warc)
    partial = target.with_name(target.name + ".partial")
    lines = sorted(index_lines(warc))
    partial.write_text("".join(lines), encoding="utf-8")
    partial.replace(target)
    return target


def index_lines(warc: Path) -> Iterator[str]:
    """The index lines of the file's response and revisit records, in file order."""
    with warc.open("rb") as file:
        records = ArchiveIterator(file)
        for record in records:
            if record.rec_type not in INDEXED:
                continue
            records.read_to_end()
            url = record.rec_headers.get_header("WARC-Target-URI")
            entry = {
                "url": url, "mime": _mime(record),
                "status": record.http_headers.get_statuscode() if record.http_headers else None,
                "digest": record.rec_headers.get_header("WARC-Payload-Digest"),
                "length": str(records.get_record_length()),
                "offset": str(records.get_record_offset()), "filename": warc.name,
            }  # fmt: skip
            when = iso_date_to_timestamp(record.rec_headers.get_header("WARC-Date"))
            fields = {name: value for name, value in entry.items() if value is not None}
            yield f"{surt(url)} {when} {json.dumps(fields)}\n"


def _mime(record: ArcWarcRecord) -> str | None:
    if record.rec_type == "revisit":
        return "warc/revisit"
    value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return _MIME_END.split(value, 1)[0].strip() if value else None
