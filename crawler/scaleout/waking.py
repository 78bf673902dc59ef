"""Waking an idle engine when another worker queued work: the one place a worker reads
Scrapy's private engine state."""

from __future__ import annotations

from scrapy.crawler import Crawler


def wake_engine(crawler: Crawler) -> None:
    """Have the engine look at the scheduler now (work another worker queued), not at its
    5-second idle heartbeat.  Scrapy has no public call for it: this is the one place that
    reads the engine's private ``_slot.nextcall``, and tests/crawler/test_private_api.py
    pins the behaviour (a crawl whose only request arrives while it is idle, with the
    heartbeat out of the way, gets it through this call alone).  Without the attribute the
    worker still wakes, at the heartbeat."""
    slot = getattr(crawler.engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()
