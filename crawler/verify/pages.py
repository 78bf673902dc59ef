"""``scrapy verify``'s check of a version's ``page.html`` against the response its WARC
record holds: a page cut short or altered after it was stored no longer equals what was
received."""

from __future__ import annotations

from crawler.storage.archive import Archive
from crawler.storage.layout import PAGE
from crawler.warc.payload import UnreadableWarcRecord, recorded_page
from schemas.models import ArchivedArticle


def page_problems(archive: Archive, key: str, article: ArchivedArticle) -> list[str]:
    """The errors of the version at ``key`` (none without a WARC record, or for a revisit
    record: the same bytes as an earlier fetch)."""
    where = article.warc_record
    if where is None:
        return []
    try:
        received = recorded_page(archive.storage, where)
    except UnreadableWarcRecord as exc:
        return [f"{key}: its WARC record cannot be read: {exc}"]
    stored = archive.storage.get(f"{key}/{PAGE}")
    if received is None or stored is None or stored == received:
        return []
    return [
        f"{key}/{PAGE} is not the page its WARC record holds ({len(stored)} bytes, the"
        f" record's {len(received)}): cut short or altered after it was stored"
    ]
