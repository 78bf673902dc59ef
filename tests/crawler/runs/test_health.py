"""The health rules, one by one: each is broken by its stat and kept otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.runs.health import RULES, Thresholds, verdict
from tests.support.project import project_settings

LIMITS = Thresholds.from_settings(project_settings())  # 0.25, 0.10, at least 5
HEALTHY = {
    "archive/articles": 58,
    "archive/first": 58,
    "archive/first/www.mfa.go.th": 58,
    "archive/article_pages/www.mfa.go.th": 58,
    "revisit/fetched": 58,
    "downloader/request_count": 70,
}


def _rules(stats: dict[str, Any]) -> list[str]:
    return [problem.rule for problem in verdict({**HEALTHY, **stats}, LIMITS)]


def test_a_healthy_run_breaks_no_rule() -> None:
    assert verdict(HEALTHY, LIMITS) == []


@pytest.mark.parametrize(
    "rule",
    ["store_failed", "set_aside", "item_errors", "invalid", "spider_errors", "still_spooled"],
)
def test_one_occurrence_breaks_a_rule_without_a_rate(rule: str) -> None:
    [stat] = [r.stat for r in RULES if r.name == rule]
    assert _rules({stat: 1}) == [rule]
    assert _rules({stat: 0}) == []


def test_nothing_fetched_only_when_no_page_was_read() -> None:
    stats = {"archive/fetch_failed": 2, "downloader/request_count": 2}
    problems = verdict(stats, LIMITS, {"first_failure": "https://x/th: DNS lookup failed"})
    assert [p.rule for p in problems] == ["nothing_fetched"]
    assert problems[0].message == (
        "nothing could be fetched (2 failed; https://x/th: DNS lookup failed)"
    )
    assert _rules({"archive/fetch_failed": 2}) == []  # articles came: not this rule
    # an incremental run of a site with nothing new: listing pages were read
    assert verdict({**stats, "archive/listing_pages": 2}, LIMITS) == []
    assert verdict({**stats, "revisit/fetched": 1}, LIMITS) == []  # a revisit (a 304) came


def test_nothing_read_when_every_start_point_was_refused_or_dropped() -> None:
    stats = {"archive/nothing_read": 1, "archive/refused": 1, "downloader/request_count": 1}
    problems = verdict(stats, LIMITS, {"first_refusal": "refused https://x/th: robots.txt"})
    assert [p.message for p in problems] == [
        "nothing was read: no listing or article page answered (refused https://x/th: robots.txt)"
    ]
    assert _rules({"archive/nothing_read": 1, "archive/fetch_failed": 1}) != ["nothing_read"]


def test_a_listing_left_incomplete_run_after_run_breaks_the_stuck_walk_rule() -> None:
    details = {"walk_runs": "3", "stuck_first": "https://x/en/l (https://x/en/l?p=2: 503)"}
    problems = verdict({**HEALTHY, "walk/stuck": 1}, LIMITS, details)
    assert [p.message for p in problems] == [
        "listings left incomplete by 3 or more runs in a row, each walking them again:"
        " 1 (https://x/en/l (https://x/en/l?p=2: 503))"
    ]
    assert LIMITS.max_incomplete_walks == 3


def test_nothing_archived_is_judged_per_site() -> None:
    site = "b.thaiembassy.org"
    stats = {f"archive/article_pages/{site}": 4, f"archive/quarantined/{site}": 4}
    problems = verdict({**HEALTHY, **stats}, LIMITS)
    assert [p.message for p in problems] == [
        "nothing archived from b.thaiembassy.org although 4 article pages came"
    ]
    unchanged = {f"archive/article_pages/{site}": 4, f"archive/unchanged/{site}": 4}
    assert _rules(unchanged) == []


def test_a_site_of_which_nothing_was_read_is_named_with_its_first_failure() -> None:
    site = "dili.thaiembassy.org"
    reason = "https://dili.thaiembassy.org/th: DNS lookup failed"
    details = {f"archive/site_unread/{site}": reason}
    problems = verdict({**HEALTHY, f"archive/site_unread/{site}": 1}, LIMITS, details)
    assert [p.message for p in problems] == [
        f"nothing was read from {site}: none of its pages answered ({reason})"
    ]
    assert _rules({f"archive/site_unread/{site}": 0}) == []


@pytest.mark.parametrize(
    ("quarantined", "fetched", "broken"),
    [(4, 4, False), (5, 20, False), (6, 20, True), (30, 200, False)],
    ids=["under the minimum count", "at the rate", "above the rate", "many but a small share"],
)
def test_the_quarantine_rate(quarantined: int, fetched: int, broken: bool) -> None:
    rules = _rules({"archive/quarantined": quarantined, "revisit/fetched": fetched})
    assert rules == (["quarantine_rate"] if broken else [])


def test_the_failed_rate_counts_requests() -> None:
    assert _rules({"archive/fetch_failed": 8, "downloader/request_count": 70}) == ["failed_rate"]
    assert _rules({"archive/fetch_failed": 7, "downloader/request_count": 70}) == []


def test_requests_that_failed_before_the_downloader_counted_them_count_as_requests() -> None:
    """Names not found: refused before the downloader counted them (was: "6 of 0")."""
    stats = {"archive/fetch_failed": 6, "downloader/request_count": 0}
    details = {"first_failure": "https://x.org/: DNS lookup failed"}
    [problem] = [p for p in verdict(stats, LIMITS, details) if p.rule == "failed_rate"]
    assert problem.message == "6 of 6 requests failed for good"


def test_thresholds_come_from_the_settings() -> None:
    strict = Thresholds.from_settings(project_settings(HEALTH_MAX_QUARANTINE_RATE=0.0))
    stats = {**HEALTHY, "archive/quarantined": 5}
    assert [p.rule for p in verdict(stats, strict)] == ["quarantine_rate"]


def test_a_known_non_article_fetched_again_is_no_alarm() -> None:
    """An incremental run on a quiet day: only the page without a date came, again."""
    site = "127.0.0.1:8765"
    stats = {
        f"archive/article_pages/{site}": 1,
        "archive/quarantined": 1,
        f"archive/quarantined/{site}": 1,
        "archive/quarantined_again": 1,
        f"archive/quarantined_again/{site}": 1,
        "revisit/fetched": 1,
    }
    assert verdict(stats, LIMITS) == []
    new = {**stats, "archive/quarantined_again": 0, f"archive/quarantined_again/{site}": 0}
    assert [p.rule for p in verdict(new, LIMITS)] == ["nothing_archived"]


def test_the_summary_says_when_a_worker_was_lost_and_its_counts_with_it() -> None:
    """A shared crawl whose worker died: its requests were done by the others, but what it
    counted died with it -- the totals would understate the run in silence."""
    from crawler.runs.render import render_summary, summarise

    stats = {"downloader/response_count": 10, "shared/workers_lost": 1}
    text = render_summary(summarise(stats, [], LIMITS))
    assert "workers lost: 1" in text and "leave out what they did" in text
    assert "workers lost" not in render_summary(summarise({}, [], LIMITS))
