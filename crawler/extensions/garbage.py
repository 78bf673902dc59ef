"""Python's cyclic garbage collector, set for a crawl (``GC_TUNING``, on by default).

Measured in a crawl of the bench's 10,000 articles (docs/benchmarks.md): the collector
took 3.75 s of the reactor thread's CPU, 3% of the crawl's, more than half of it in 34
full collections walking the ~100,000 objects alive when the spider opens (modules,
settings, the spider, its registry), none of which ever becomes garbage, and the rest
in 4,500 collections of the younger generations.  When the spider opens, those objects
are collected once and frozen (``gc.freeze``: left out of every later collection), and
the youngest generation is collected after 7,000 net allocations instead of 700: 0.52 s
in all, peak memory unchanged.  Nothing else changes: garbage is still collected, a
little later.  (Little of a crawl's garbage needs the collector at all: a page's
response and lxml tree are freed as soon as the crawl is done with them, see
:func:`crawler.platforms.charset.parse_html`.)

Garbage among the frozen objects waits for the close: the ones that are (the state a
crawl loads as it opens) live as long as the crawl anyway.  When the spider closes both
are undone, so that a process running one crawl after another (a test session, a
script with ``CrawlerProcess``) gets its collector back as it was.  The collector is
the process's, not a crawl's: crawls open at once in one process share one setting,
made by the first to open and undone by the last to close.  The thresholds are
CPython 3.11-3.13's generational ones.
"""

from __future__ import annotations

import gc

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

THRESHOLDS = (7_000, 20, 20)
"""Collections of the youngest generation after this many net allocations of tracked
objects, of the middle one after 20 of those, of the oldest after 20 of those (and
only when it grew by a quarter: Python's own rule); Python's defaults are 700, 10, 10."""


class _Collector:
    """The process's collector as the crawls open in it set it: one setting, made by the
    first to open, undone by the last to close."""

    def __init__(self) -> None:
        self.crawls = 0
        self.before: tuple[int, int, int] = gc.get_threshold()
        self.froze = False

    def set(self) -> None:
        self.crawls += 1
        if self.crawls > 1:
            return
        self.before = gc.get_threshold()
        self.froze = gc.get_freeze_count() == 0  # someone else's freeze is theirs to undo
        if self.froze:
            gc.collect()  # what is garbage now is collected, not frozen
            gc.freeze()
        gc.set_threshold(*THRESHOLDS)

    def give_back(self) -> None:
        self.crawls -= 1
        if self.crawls > 0:
            return
        gc.set_threshold(*self.before)
        if self.froze:
            gc.unfreeze()


COLLECTOR = _Collector()
"""The collector is one per process (``gc``), so is what the crawls did to it."""


class GarbageCollection:
    """Freezes what the crawl starts with, collects the young less often."""

    def __init__(self, collector: _Collector = COLLECTOR) -> None:
        self.collector = collector
        self.holding = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GarbageCollection:
        if not crawler.settings.getbool("GC_TUNING"):
            raise NotConfigured("GC_TUNING is off: Python's collector as it is")
        extension = cls()
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self) -> None:
        if not self.holding:
            self.holding = True
            self.collector.set()

    def closed(self) -> None:
        if self.holding:
            self.holding = False
            self.collector.give_back()
