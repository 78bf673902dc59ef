"""Every worker's stats merged into one run's."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.scaleout.merge import dump_stats, load_stats, merge_stats

T0 = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def test_counts_add_up_and_shared_values_do_not() -> None:
    one = {
        "archive/first": 20,
        "archive/first/a": 20,
        "revisit/due": 7,
        "revisit/mode": "full",
        "archive/silent_edit_urls": ["u1"],
        "start_time": T0,
        "finish_reason": "finished",
    }
    two = {
        "archive/first": 38,
        "archive/first/a": 38,
        "revisit/due": 7,
        "revisit/mode": "full",
        "archive/silent_edit_urls": ["u2"],
        "start_time": T0.replace(minute=1),
        "finish_reason": "shutdown",
        "archive/quarantined": 1,
    }
    merged = merge_stats([one, two])
    assert merged["archive/first"] == 58 and merged["archive/first/a"] == 58
    assert merged["revisit/due"] == 7 and merged["revisit/mode"] == "full"
    assert merged["archive/silent_edit_urls"] == ["u1", "u2"]
    assert merged["start_time"] == T0 and merged["archive/quarantined"] == 1
    # one worker finished (the queue ran dry), one stopped early and gave its work back
    assert merged["finish_reason"] == "finished" and merged["shared/stopped_early"] == 1
    alone = merge_stats([two, {"finish_reason": "closespider_errorcount"}])
    assert alone["finish_reason"] == "shutdown" and alone["shared/stopped_early"] == 2


def test_a_part_survives_its_trip_through_redis() -> None:
    stats = {"start_time": T0, "archive/first": 3, "ok": True}
    text = dump_stats(stats, [("https://a/x", "timeout")], [])
    assert load_stats(text) == (stats, [("https://a/x", "timeout")], [])
