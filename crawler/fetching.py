"""The spider's requests and what its failures mean, kept out of the spider's flow.

Article requests come before the next listing page (priority 1 over 0): the scheduler
then holds one page of articles, not the whole site's, and memory stays flat.  The
spider requests each article once by its canonical URL (a set of 8-byte keys), which
is stricter than Scrapy's request fingerprints, so article requests skip Scrapy's
duplicate filter and their fingerprints are not kept a second time.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from scrapy.utils.response import response_status_message
from twisted.python.failure import Failure

from crawler.items import FetchedPage
from crawler.platforms.charset import ReadPage, read_page
from crawler.platforms.mfa import PageContext, PlatformPage, read_platform_page
from crawler.retry import RetryScheduled
from crawler.revisit import Revisit
from crawler.urls import language_of
from schemas.assess import RawArticle

logger = logging.getLogger(__name__)
ARTICLE_PRIORITY = 1


def article_request(
    url: str, category: str | None, revisit: Revisit | None,
    callback: Callable[..., Any], errback: Callable[[Failure], Any],
) -> scrapy.Request:  # fmt: skip
    """An article request; a revisit asks only for what changed since the last fetch."""
    headers, meta = {}, {}
    if revisit is not None:
        if revisit.etag:
            headers["If-None-Match"] = revisit.etag
        if revisit.last_modified:
            headers["If-Modified-Since"] = revisit.last_modified
        meta["handle_httpstatus_list"] = [304]
    return scrapy.Request(
        url, callback=callback, errback=errback, headers=headers, meta=meta,
        cb_kwargs={"category": category}, priority=ARTICLE_PRIORITY, dont_filter=True,
    )  # fmt: skip


@dataclass(frozen=True)
class FailedRequest:
    """What a request's failure means for the run summary."""

    url: str
    reason: str
    kind: str
    """``retrying`` (not a failure yet), ``refused`` (on purpose) or ``failed``."""


def classify_failure(failure: Failure) -> FailedRequest:
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    reason = failure.getErrorMessage() or repr(failure.value)
    if isinstance(failure.value, HttpError):
        return FailedRequest(
            url, f"HTTP {response_status_message(failure.value.response.status)}", "failed"
        )
    if isinstance(failure.value, RetryScheduled):
        return FailedRequest(url, reason, "retrying")
    if isinstance(failure.value, IgnoreRequest):
        return FailedRequest(url, reason, "refused")
    return FailedRequest(url, reason, "failed")


def url_key(identity: str) -> int:
    """A canonical URL as 8 bytes: the crawl's sets of seen articles stay small."""
    return int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "big")


def header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def listing_category(listing_url: str) -> str | None:
    """The category a listing URL names (``/<lang>/content-category/<name>`` or
    ``/<lang>/page/<name>?menu=<id>``), if any."""
    path = unquote(urlsplit(listing_url).path).rstrip("/")
    parts = path.split("/")
    return parts[-1] if len(parts) == 4 and parts[2] in ("content-category", "page") else None


def read_text(response: TextResponse, stats: StatsCollector) -> ReadPage:
    """The page's text and tree, in the charset that decodes it (counted when the
    declared one was wrong)."""
    page = read_page(response.body, response.encoding, lambda: response.selector.root)
    if page.notes:
        stats.inc_value("archive/charset_fixed" if page.clean else "archive/charset_damaged")
    return page


@dataclass
class ReadResponse:
    """A response read by the platform's selectors: what kind of page it is, its parts,
    or why it could not be read at all."""

    text: ReadPage
    page: PlatformPage | None
    problem: str | None = None

    @property
    def kind(self) -> str:
        return self.page.kind if self.page is not None else "other"


def read_response(
    response: TextResponse, context: PageContext, stats: StatsCollector, limit: int = 10_000
) -> ReadResponse:
    """The page read by content (article, listing or neither); an exception of the
    selectors is kept as the reason, never raised (the page is then quarantined)."""
    text = read_text(response, stats)
    try:
        return ReadResponse(text, read_platform_page(text.root, context, limit))
    except Exception as exc:
        logger.exception("could not read %s", response.url)
        return ReadResponse(text, None, f"{type(exc).__name__}: {exc}")


def fetched_page(
    response: TextResponse, read: ReadResponse, identity: str, category: str | None
) -> FetchedPage:
    """The page as the pipelines get it: its HTML, raw parts and validators.  A page the
    extractor cannot read at all still travels on, with the error (it is quarantined)."""
    raw = read.page.raw if read.page is not None else RawArticle()
    raw.notes.extend(read.text.notes)
    return FetchedPage(
        url=response.url, canonical_url=identity, site=urlsplit(identity).netloc,
        category=category, language=language_of(response.url), fetched_at=datetime.now(UTC),
        html=response.body, encoding=read.text.encoding, raw=raw, extraction_error=read.problem,
        etag=header(response, b"ETag"), last_modified=header(response, b"Last-Modified"),
    )  # fmt: skip
