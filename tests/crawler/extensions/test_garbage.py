"""The collector is set for the crawl while a spider is open, given back when the last
one closes, and garbage made meanwhile is still collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extensions.garbage import THRESHOLDS, GarbageCollection, _Collector
from tests.support.project import project_crawler


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture
def collector() -> Iterator[_Collector]:
    """A collector of this test's own, and the process's given back whatever happens."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield _Collector()
    gc.set_threshold(*threshold)
    gc.unfreeze()
    if enabled:
        gc.enable()


KEPT: list[GarbageCollection] = []
"""The extensions built here, kept as a crawl's extension manager keeps them (signals
hold their receivers weakly)."""


def _crawler(collector: _Collector) -> Crawler:
    crawler = project_crawler()
    extension = GarbageCollection.from_crawler(crawler)
    extension.collector = collector
    KEPT.append(extension)
    return crawler


def _send(crawler: Crawler, signal: object) -> None:
    crawler.signals.send_catch_log(signal)


def test_what_the_crawl_starts_with_is_frozen_and_given_back_at_the_close(
    collector: _Collector,
) -> None:
    before = gc.get_threshold()
    crawler = _crawler(collector)
    alive = _Node()
    _send(crawler, signals.spider_opened)
    assert gc.get_freeze_count() > 0 and gc.get_threshold() == THRESHOLDS
    assert not any(o is alive for o in gc.get_objects())  # frozen: left out
    _send(crawler, signals.spider_closed)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert any(o is alive for o in gc.get_objects())
    _send(crawler, signals.spider_closed)  # a second close changes nothing
    assert gc.get_threshold() == before


def test_crawls_open_at_once_share_one_setting_undone_by_the_last(
    collector: _Collector,
) -> None:
    before = gc.get_threshold()
    first, second = _crawler(collector), _crawler(collector)
    _send(first, signals.spider_opened)
    _send(second, signals.spider_opened)
    _send(first, signals.spider_closed)
    assert gc.get_threshold() == THRESHOLDS and gc.get_freeze_count() > 0  # one still runs
    _send(second, signals.spider_closed)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_freeze_made_before_the_crawl_is_left_as_it_was(collector: _Collector) -> None:
    gc.freeze()
    crawler = _crawler(collector)
    _send(crawler, signals.spider_opened)
    _send(crawler, signals.spider_closed)
    assert gc.get_freeze_count() > 0  # still frozen (less what was freed meanwhile)


def test_garbage_made_during_the_crawl_is_still_collected(collector: _Collector) -> None:
    crawler = _crawler(collector)
    _send(crawler, signals.spider_opened)
    first, second = _Node(), _Node()
    first.other, second.other = second, first  # a cycle: only the collector frees it
    gone = weakref.ref(first)
    del first, second
    kept = [[n] for n in range(300_000)]  # allocations enough for the older generation too
    assert gc.isenabled() and gone() is None
    del kept
    _send(crawler, signals.spider_closed)


def test_off_leaves_the_collector_as_it_is() -> None:
    with pytest.raises(NotConfigured):
        GarbageCollection.from_crawler(project_crawler(GC_TUNING=False))
