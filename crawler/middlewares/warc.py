"""Every fetched page into WARC files (``WARC_ENABLED``): a downloader middleware placed
after the decompression middleware, so it sees the payload as the server sent it.

Files rotate at ``WARC_MAX_BYTES`` and go into the archive under ``warc/`` (see
:mod:`crawler.warc.files`), published off the reactor thread; the crawl's end waits for
them.  A page whose payload is the one its URL had at its last whole capture (an earlier
crawl's, kept in the state: :mod:`crawler.state.captures`) is written as a revisit.
Files an earlier crawl could not publish are published when this one opens, in a thread
too.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredList
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.items import WARC_RECORD_META
from crawler.redact import redact_url
from crawler.state.backend import StateUnavailable
from crawler.state.captures import Capture
from crawler.state.paths import StatePaths
from crawler.version import crawler_identity
from crawler.warc.files import WarcFiles, leftovers, publish
from crawler.warc.records import Fetch, headers_of

logger = logging.getLogger(__name__)
INFO_SETTINGS = ("USER_AGENT", "ROBOTSTXT_OBEY", "DOWNLOAD_MAXSIZE", "CONCURRENT_REQUESTS")


class WarcRecorder:
    """Writes each response (and its request) as it comes from the downloader."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        spool = StatePaths.from_settings(settings).spool
        folder = Path(settings.get("WARC_DIR") or spool.parent / ".warc")
        me = crawler_identity()
        info = {
            "software": f"mfa-archive {me['version']} ({me['commit']})",
            "format": "WARC File Format 1.0",
            **{name.lower(): str(settings.get(name)) for name in INFO_SETTINGS},
        }
        self.files = WarcFiles(folder, settings.getint("WARC_MAX_BYTES"), info)
        self.context = CrawlContext.of(crawler)
        self.storage = self.context.archive.storage
        self.pending: list[Any] = []
        self.stats = crawler.stats
        crawler.signals.connect(self.opened, signals.spider_opened)
        crawler.signals.connect(self.closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorder:
        if not crawler.settings.getbool("WARC_ENABLED"):
            raise NotConfigured("WARC_ENABLED is off")
        return cls(crawler)

    def _publish(self, path: Path) -> None:
        self.pending.append(deferToThread(self._publish_own, path))

    def _publish_own(self, path: Path) -> int:
        """Publish a file of this crawl (blocking); once it is in the archive, its whole
        responses are the captures later crawls' revisits name."""
        captures = self.files.captures.pop(path, [])
        if not publish(self.storage, path):
            return 1
        if captures:
            try:
                self.context.state.captures.add(captures)
            except StateUnavailable as exc:  # a saving lost, nothing else: said, not failed
                logger.warning("WARC captures not recorded (%s): %s", path.name, exc)
        return 0

    def _kept(self, paths: list[Path]) -> int:
        """Publish ``paths`` (blocking); how many the archive refused (kept here)."""
        return sum(not publish(self.storage, path) for path in paths)

    def opened(self) -> None:
        self.pending.append(deferToThread(self._publish_leftovers))

    def _publish_leftovers(self) -> int:
        """Earlier crawls' files, published off the reactor thread (a crash's open file
        is read whole to be cut); this crawl's own files are never taken."""
        return self._kept(leftovers(self.files.folder, mine=self.files.stem))

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        fetch = Fetch(
            url=redact_url(response.url),
            method=request.method,
            request_headers=headers_of(request.headers),
            status=response.status,
            response_headers=headers_of(response.headers),
            body=response.body,
            fetched_at=datetime.now(UTC),
            protocol=str(response.protocol or "HTTP/1.1").upper(),
        )
        where, done = self.files.write(fetch, self._earlier(fetch.url))
        request.meta[WARC_RECORD_META] = where  # the page's version points to it
        if self.stats is not None:
            self.stats.inc_value("warc/records")
        if done is not None:
            self._publish(done)
        return response

    def _earlier(self, url: str) -> Capture | None:
        """The URL's last whole capture in an earlier crawl (None if the state cannot
        say: the response is then written whole, as always)."""
        try:
            return self.context.state.captures.of(url)
        except StateUnavailable:
            return None

    async def closed(self) -> None:
        done = self.files.close()
        if done is not None:
            self._publish(done)
        results = await maybe_deferred_to_future(DeferredList(self.pending, consumeErrors=True))
        for ok, outcome in results:
            if not ok:  # a bug, not a refusal (those are counted): said, with its cause
                logger.error("publishing a WARC file failed: %s", outcome.getErrorMessage())
        kept = sum(refused if ok else 1 for ok, refused in results)
        if kept and self.stats is not None:
            self.stats.set_value("warc/files_kept_locally", kept)
