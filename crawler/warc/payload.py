"""The page a WARC record holds, read back: what ``scrapy verify`` compares an archived
``page.html`` with (a version's record points at it: ``warc_record``)."""

from __future__ import annotations

from io import BytesIO

from warcio.archiveiterator import ArchiveIterator

from crawler.storage import Storage
from crawler.warc.index import NOT_A_RECORD
from schemas.models import WarcRecordRef


class UnreadableWarcRecord(ValueError):
    """The bytes a version points at are not the WARC record it names."""


def recorded_page(storage: Storage, where: WarcRecordRef) -> bytes | None:
    """The body of the response the record at ``where`` holds, decoded as the crawler
    read it (``Content-Encoding`` undone); None when the record holds no body (a
    ``revisit``: the page was the same bytes as an earlier one) or the WARC file is not
    in the archive yet."""
    data = storage.get_range(where.file, where.offset, where.length)
    if data is None:
        return None
    try:
        for record in ArchiveIterator(BytesIO(data)):
            if record.rec_headers.get_header("WARC-Record-ID") != where.record_id:
                raise UnreadableWarcRecord(f"{where.file}@{where.offset} is another record")
            if record.rec_type != "response":
                return None
            body: bytes = record.content_stream().read()
            return body
    except NOT_A_RECORD as exc:
        raise UnreadableWarcRecord(
            f"{where.file}@{where.offset}: not a WARC record ({exc})"
        ) from None
    raise UnreadableWarcRecord(f"{where.file}@{where.offset}: no record there")
