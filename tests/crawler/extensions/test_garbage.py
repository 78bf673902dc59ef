"""The collector is set for the crawl while the spider is open, and given back after;
garbage made meanwhile is still collected."""

from __future__ import annotations

import gc
import weakref

import pytest
from scrapy.exceptions import NotConfigured

from crawler.extensions.garbage import THRESHOLDS, GarbageCollection
from tests.support.project import project_crawler


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_what_the_crawl_starts_with_is_frozen_and_given_back_at_the_close() -> None:
    before = gc.get_threshold()
    extension = GarbageCollection.from_crawler(project_crawler())
    alive = _Node()
    extension.opened()
    try:
        assert gc.get_freeze_count() > 0 and gc.get_threshold() == THRESHOLDS
        assert not any(o is alive for o in gc.get_objects())  # frozen: left out
    finally:
        extension.closed()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert any(o is alive for o in gc.get_objects())
    extension.closed()  # a second close changes nothing
    assert gc.get_threshold() == before


def test_garbage_made_during_the_crawl_is_still_collected() -> None:
    extension = GarbageCollection.from_crawler(project_crawler())
    extension.opened()
    try:
        first, second = _Node(), _Node()
        first.other, second.other = second, first  # a cycle: only the collector frees it
        gone = weakref.ref(first)
        del first, second
        gc.collect()
        assert gone() is None
    finally:
        extension.closed()


def test_off_leaves_the_collector_as_it_is() -> None:
    with pytest.raises(NotConfigured):
        GarbageCollection.from_crawler(project_crawler(GC_TUNING=False))
