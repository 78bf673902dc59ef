"""The Redis keys of one crawl (its queue, dupefilter, walk, workers), under the
archive's prefix (:class:`crawler.state.redis.keys.Keys`), and a worker's name."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.settings import BaseSettings

from crawler.state.paths import StatePaths
from crawler.state.redis.keys import Keys, worker_name

__all__ = ["CrawlKeys", "worker_name"]


@dataclass(frozen=True)
class CrawlKeys:
    """Key names of one crawl on Redis."""

    archive: Keys
    crawl: str

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> CrawlKeys:
        location = StatePaths.from_settings(settings).location
        crawl = settings.get("REDIS_CRAWL_ID")
        if not crawl:
            raise ValueError("REDIS_CRAWL_ID is set by `scrapy crawl` for a shared crawl")
        return cls(Keys.for_archive(location), crawl)

    @property
    def prefix(self) -> str:
        return f"{self.archive.prefix}crawl:{self.crawl}:"

    @property
    def requests(self) -> str:
        """Sorted set: the shared request queue (scrapy-redis's priority queue)."""
        return f"{self.prefix}requests"

    @property
    def dupefilter(self) -> str:
        """Set: fingerprints of the requests scheduled (scrapy-redis's dupefilter)."""
        return f"{self.prefix}dupefilter"

    def processing(self, worker: str) -> str:
        """Hash: the requests a worker has taken and not finished (task id -> request)."""
        return f"{self.prefix}processing:{worker}"

    @property
    def takers(self) -> str:
        """Set: the workers that may hold taken requests (a ``processing`` hash)."""
        return f"{self.prefix}takers"

    @property
    def idle(self) -> str:
        """Set: the workers whose engine has nothing in flight (it left the set as soon as it
        takes requests again, in the same script)."""
        return f"{self.prefix}idle"

    @property
    def replayed(self) -> str:
        """Set: task ids of requests a dead worker had taken, back on the queue."""
        return f"{self.prefix}replayed"

    @property
    def started(self) -> str:
        """String: ``pushing`` while a worker pushes the start requests, then ``done``."""
        return f"{self.prefix}started"

    def marks(self, name: str) -> str:
        """Set: one of the walk's marks (:class:`crawler.spiders.walk.Walk`)."""
        return f"{self.prefix}walk:{name}"

    @property
    def parts(self) -> str:
        """Hash: each finished worker's stats (JSON), merged into the run's report."""
        return f"{self.prefix}parts"

    @property
    def workers(self) -> str:
        """Sorted set: the workers of the crawl, by their last heartbeat (ms): the lease's."""
        return self.archive.lease_workers
