"""One crawl's shared resources and facts, owned in one place.

The spider, the pipelines, the middlewares and the summary all work on the same
archive, the same state file and the same spool, and need to know what this run
covers.  :class:`CrawlContext` is a Scrapy extension, built before every other
component of the crawl (spiders excepted): it opens each resource once, closes them
when the engine stops, and holds the run's facts, which the spider sets when it
starts and the others read -- never the spider's attributes.  Components reach it
with ``CrawlContext.of(crawler)`` (``crawler.get_extension``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThread

from crawler.marks import LocalMarks, Marks
from crawler.state.opening import open_state
from crawler.state.paths import StatePaths
from crawler.state.rebuild import rebuild_state
from crawler.storage import StorageError
from crawler.storage.archive import open_archive
from crawler.storage.spool.disk import Spool

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrawlScope:
    """What this run covers, as the spider decided it from its arguments."""

    sites: list[str]
    """The canonical hosts of the sites crawled."""
    listings: Mapping[str, str]
    """The start points that are walked (not articles), without credentials -> site."""
    start_hosts: frozenset[str]
    """Hosts the operator named: in ``start_urls``, or as a registry site that answers at a
    private address (``private_address = true``); they may be private (the replica)."""
    allowed_domains: frozenset[str]
    """Every name of the sites crawled: redirects elsewhere are refused."""
    mode: str
    """``full`` or ``incremental``."""
    limited: bool
    """Whether ``max_pages`` or ``since`` cut the walk short on purpose."""
    start_points: tuple[str, ...] = ()
    """Where the walk starts (the registry's listings, or the ``start_urls`` given)."""
    lang: str | None = None
    """The one language crawled, if the run was limited to one."""
    job: str | None = None
    """The scheduler's id of this run (scrapyd's ``_job``), if a scheduler started it."""


@dataclass
class RunLog:
    """What the run met that the summary lists by URL."""

    failed: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason) of every request that failed for good."""
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason) of requests refused on purpose (off-site, private, oversized)."""


class CrawlContext:
    """The archive, state and spool of one crawl, and what the run covers."""

    def __init__(self, settings: BaseSettings) -> None:
        self.paths = StatePaths.from_settings(settings)
        self.archive = open_archive(settings)
        self.state = open_state(settings)
        self.spool = Spool(self.paths.spool)
        self.log = RunLog()
        self._scope: CrawlScope | None = None
        self._synced: Deferred[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlContext:
        context = cls(crawler.settings)

        def opened() -> None:
            assert crawler.stats is not None
            crawler.stats.set_value("archive/location", context.archive.storage.location)

        crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)
        crawler.signals.connect(context.close, signal=signals.engine_stopped)
        return context

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlContext:
        """The crawl's context (an error naming the setting if it is switched off)."""
        context = crawler.get_extension(cls)
        if context is None:
            raise RuntimeError(
                "the crawl context is not enabled: EXTENSIONS must hold"
                " crawler.context.CrawlContext"
            )
        return context

    def walk_marks(self, crawler: Crawler) -> Marks:
        """The walk's marks: this process's, or the shared crawl's (``REDIS_URL``)."""
        from crawler.scaleout.workers import Workers

        workers = Workers.of(crawler)
        if workers is None:
            return LocalMarks()
        from crawler.scaleout.marks import SharedMarks

        return SharedMarks(workers.client, workers.keys)

    @property
    def scope(self) -> CrawlScope:
        if self._scope is None:
            raise RuntimeError("the crawl's scope is set when the spider starts")
        return self._scope

    def begin(self, scope: CrawlScope) -> None:
        """The spider says what this run covers (once, as it starts)."""
        self._scope = scope

    @property
    def started(self) -> bool:
        return self._scope is not None

    async def sync_state(self) -> None:
        """Make the state agree with the store, once per crawl, before the first item
        (every pipeline that needs it awaits this; the first one runs it)."""
        if self._synced is None:
            self._synced = deferToThread(self._sync)
        try:
            await maybe_deferred_to_future(self._synced)
        except StorageError as exc:
            logger.warning(
                "cannot check the dedup state against the archive (%s); versions the store "
                "already holds are recognised when they are written again",
                exc,
            )

    def _sync(self) -> None:
        """Rebuilt when empty, reset when the archive it describes is gone: a state must
        never claim what the store lacks."""
        has_versions = self.archive.has_versions()
        known = self.state.versions.count()
        if known and not has_versions:
            logger.warning(
                "the dedup state knows %d versions but the archive holds none: starting afresh",
                known,
            )
            self.state.reset()
        if has_versions and (known == 0 or self.state.schedule.count() == 0):
            rebuilt = rebuild_state(self.archive, self.state)
            logger.info("dedup state rebuilt from the archive: %d versions", rebuilt)

    def close(self) -> None:
        """Close the state and the archive's backend (the engine has stopped)."""
        self.state.close()
        self.archive.storage.close()
