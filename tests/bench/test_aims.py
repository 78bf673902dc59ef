"""The benchmark's behavioural aims: each missed one is said, and nothing when all are met."""

from __future__ import annotations

from typing import Any

from bench.aims import FULL, UNCHANGED, UPDATED, missed
from bench.measure import Measure


def _row(name: str, requests: int, **extra: Any) -> tuple[int, Measure]:
    return 10_000, Measure(name, 100, 1.0, 1.0, 100.0, requests, extra)


def test_met_aims_say_nothing() -> None:
    rows = [
        _row(FULL, 11_000, walks=["complete"], unhealthy=""),
        _row(UNCHANGED, 200, walks=["complete"], unhealthy=""),
        _row(UPDATED, 300, walks=["complete"], unhealthy="", caught=100, updated_on_site=100),
    ]
    assert missed(rows) == []


def test_each_missed_aim_is_a_line() -> None:
    rows = [
        _row(FULL, 11_000, walks=["partial"], unhealthy=""),
        _row(UNCHANGED, 11_000, walks=["partial"], unhealthy="1 of 9 requests failed"),
        _row(UPDATED, 11_000, caught=99, updated_on_site=100),
    ]
    assert missed(rows) == [
        "10000: full pipeline -> local disk: listings not walked to the end (partial)",
        "10000: incremental, nothing changed: unhealthy: 1 of 9 requests failed",
        "10000: incremental, nothing changed: 100.0% of the full crawl's requests"
        " (aim: at most 5%)",
        "10000: incremental, 1% updated: caught 99 of 100 updates (aim: all)",
    ]
