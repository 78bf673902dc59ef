"""The spider's requests, what their failures mean, and the item a page becomes.

Article requests come before the next listing page (priority 1 over 0): the scheduler
then holds one page of articles, not the whole site's, and memory stays flat.  The
spider requests each article once by its canonical URL (a set of 8-byte keys), which
is stricter than Scrapy's request fingerprints, so article requests skip Scrapy's
duplicate filter and their fingerprints are not kept a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import response_status_message
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure

from crawler.items import ARTICLE_PRIORITY, WARC_RECORD_META, FetchedPage, NotModified
from crawler.middlewares.retry import RetryScheduled
from crawler.platforms.evidence import CardClaims
from crawler.platforms.reading import PageReading
from crawler.state.schedule import Revisit
from crawler.urls import language_of
from schemas.assess import RawArticle
from schemas.models import WarcRecordRef

WALK_START, WALK_PAGE, WALK_FIRST = "walk_start", "walk_page", "walk_first"
"""Request meta: the start point whose walk the request belongs to, whether it is a page
of that listing (else an article the listing showed), and whether its first."""
CARD = "card"
MARKED = "walk_marked"
"""The canonical URL an article request was marked requested under when it was made."""
"""Request meta: what the listing card that linked an article showed (its title, date and
thumbnail: :class:`crawler.platforms.evidence.CardClaims`), evidence its reading is
checked with."""


def article_request(
    url: str,
    category: str | None,
    revisit: Revisit | None,
    callback: Callable[..., Any],
    errback: Callable[[Failure], Any],
    walk: str | None = None,
    listing_page: bool = False,
    card: CardClaims | None = None,
    marked: str | None = None,
) -> scrapy.Request:
    """An article request (``walk``: the start point whose listing showed it, or which it
    is; ``card``: what that listing's card showed; ``marked``: the canonical URL it was
    marked requested under); a revisit asks only for what changed since the last fetch."""
    headers: dict[str, str] = {}
    meta: dict[str, object] = {"download_slot": slot(url)}
    if walk is not None:  # a start point itself (listing_page), or an article it showed
        meta[WALK_START], meta[WALK_PAGE], meta[WALK_FIRST] = walk, listing_page, listing_page
    if card is not None:
        meta[CARD] = card
    if marked is not None:
        meta[MARKED] = marked
    if revisit is not None:
        if revisit.etag:
            headers["If-None-Match"] = revisit.etag
        if revisit.last_modified:
            headers["If-Modified-Since"] = revisit.last_modified
        meta["handle_httpstatus_list"] = [304]
    return scrapy.Request(
        url,
        callback=callback,
        errback=errback,
        headers=headers,
        meta=meta,
        cb_kwargs={"category": category},
        priority=ARTICLE_PRIORITY,
        dont_filter=True,
    )


def slot(url: str) -> str:
    """The download slot of a URL's site: its host and port, so that each site -- two
    sites on one host name too -- has its own concurrency, delay and AutoThrottle."""
    return urlsplit(url).netloc.lower()


@dataclass(frozen=True)
class FailedRequest:
    """What a request's failure means for the run summary."""

    url: str
    reason: str
    kind: str
    """``retrying`` (not a failure yet), ``refused`` (on purpose) or ``failed``."""
    status: int | None = None
    """The HTTP status it answered with, if it answered."""

    @property
    def gone(self) -> bool:
        """The page is not there (404, 410): no later attempt would find it."""
        return self.status in (404, 410)


def classify_failure(failure: Failure) -> FailedRequest:
    request = getattr(failure, "request", None)  # Scrapy sets it on errback failures
    url = request.url if request is not None else "?"
    reason = failure.getErrorMessage() or repr(failure.value)
    if failure.value is not None and _cancelled(failure.value) and not str(failure.value):
        # Scrapy cancels a body with no Content-Length once it passes the size cap, and
        # says so only in a log line
        reason = (
            "download cancelled: the body went past DOWNLOAD_MAXSIZE without a"
            " Content-Length (cut, not used), or the crawl was stopping"
        )
    if isinstance(failure.value, HttpError):
        status = failure.value.response.status
        return FailedRequest(url, f"HTTP {response_status_message(status)}", "failed", status)
    if isinstance(failure.value, RetryScheduled):
        return FailedRequest(url, reason, "retrying")
    if isinstance(failure.value, IgnoreRequest):
        return FailedRequest(url, reason, "refused")
    return FailedRequest(url, reason, "failed")


def _cancelled(error: BaseException) -> bool:
    """A download cancelled (Twisted's error, or Scrapy's wrapping of it since 2.15)."""
    return isinstance(error, CancelledError) or type(error).__name__ == "DownloadCancelledError"


def header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def fetched_page(
    response: TextResponse, read: PageReading, identity: str, category: str | None
) -> FetchedPage:
    """The page as the pipelines get it: its HTML, raw parts and validators.  A page the
    extractor cannot read at all still travels on, with the error (it is quarantined)."""
    raw = read.page.raw if read.page is not None else RawArticle()
    raw.notes.extend(read.text.notes)
    return FetchedPage(
        url=response.url,
        canonical_url=identity,
        site=urlsplit(identity).netloc,
        category=category,
        language=language_of(response.url),
        fetched_at=datetime.now(UTC),
        html=response.body,
        encoding=read.text.encoding,
        raw=raw,
        extraction_error=read.problem,
        etag=header(response, b"ETag"),
        last_modified=header(response, b"Last-Modified"),
        warc_record=warc_record_of(response),
    )


def not_modified(response: Response, identity: str, category: str | None) -> NotModified:
    """A 304: the stored version is still the page (its validators as the server sent)."""
    return NotModified(
        url=response.url,
        canonical_url=identity,
        site=urlsplit(identity).netloc,
        category=category,
        fetched_at=datetime.now(UTC),
        etag=header(response, b"ETag"),
        last_modified=header(response, b"Last-Modified"),
    )


def warc_record_of(response: Response) -> WarcRecordRef | None:
    """Where the WARC recorder wrote the response (``None`` when it writes no WARC)."""
    where = response.meta.get(WARC_RECORD_META)
    return where if isinstance(where, WarcRecordRef) else None
