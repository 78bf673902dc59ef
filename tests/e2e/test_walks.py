"""Walks per listing: an incremental run costs a few requests, a dead listing page ends
its listing, a failure keeps only its own listing incomplete, and a listing that never
completes is told, not paid for in silence (issue 23)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import pytest_twisted

from tests.support.crawling import crawl
from tests.support.harness import Replica, start_replica
from tests.support.processes import stop

pytestmark = pytest.mark.crawl
TH = "/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
EN = "/en/content-category/press-release"
FAST_RETRIES = {"RETRY_BACKOFF_BASE": "0.05", "RETRY_AFTER_MAX": "1"}
ATTEMPTS = 4  # RETRY_TIMES (3) + 1: a fault served this often fails one run's request


@pytest.fixture(scope="module")
def large() -> Iterator[Replica]:
    """A site of 300 articles (the corpus cycled, dates over ten years)."""
    server = start_replica(articles=300)
    yield server
    stop(server.process)


def _listing(summary: dict[str, Any], path: str) -> dict[str, Any]:
    """The summary's record of the listing at ``path``."""
    [entry] = [e for e in summary["listings"] if path.split("?")[0] in unquote(e["url"])]
    found: dict[str, Any] = entry
    return found


@pytest_twisted.ensureDeferred
async def test_an_unchanged_site_costs_an_incremental_run_a_few_requests(
    tmp_path: Path, large: Replica
) -> None:
    """Behaviour, not timing: the second run of an unchanged site asks for at most 5% of
    the first run's requests, and a run after a few recent updates catches every one."""
    starts = f"start_urls={large.url}{TH},{large.url}{EN}"
    full = await crawl(tmp_path, starts)
    assert full.returncode == 0, full.log[-3000:]
    assert full.summary["walk"] == "complete" and full.summary["failed"] == []
    assert full.totals["new"] + full.totals["quarantined"] == 300
    again = await crawl(tmp_path, starts)
    assert again.summary["mode"] == "incremental" and again.summary["walk"] == "complete"
    assert again.summary["requests"] <= 0.05 * full.summary["requests"], again.summary
    recent = [page["path"] for page in large.pages()[:20] if "/content/" in page["path"]][:3]
    for path in recent:
        large.control("bump", path=path)
    updated = await crawl(tmp_path, starts)
    assert updated.totals["updated"] == len(recent) == 3, updated.summary["totals"]
    assert updated.summary["requests"] <= 0.05 * full.summary["requests"]


@pytest_twisted.ensureDeferred
async def test_a_dead_listing_page_ends_its_listing_and_a_failure_keeps_only_its_own_incomplete(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    fresh_replica.control("fault", path=f"{TH.split('?')[0]}?p=3", kind="404", times="99")
    fresh_replica.control("fault", path=f"{EN}?p=2", kind="503", times=str(ATTEMPTS), seconds="0")
    starts = f"start_urls={fresh_replica.url}{TH},{fresh_replica.url}{EN}"
    first = await crawl(tmp_path, starts, settings=FAST_RETRIES)
    assert first.returncode == 0, first.log[-3000:]
    th, en = _listing(first.summary, TH), _listing(first.summary, EN)
    assert th["complete"] and not en["complete"]
    assert en["incomplete_runs"] == 1 and "p=2" in en["reason"] and "503" in en["reason"]
    assert [e["url"].endswith("p=3") for e in first.summary["dead_listing_pages"]] == [True]
    assert all("p=3" not in failure["url"] for failure in first.summary["failed"])
    assert "dead listing page" in first.log and "listing not walked to the end (1 run" in first.log

    second = await crawl(tmp_path, starts, settings=FAST_RETRIES)
    assert second.returncode == 0, second.log[-3000:]
    assert second.summary["mode"] == "incremental" and second.summary["walk"] == "complete"
    # the Thai listing stops at its first page (nothing new); the English one is walked
    # to its end again (pages 1-3 and the empty 4th), asking only for what it lacks
    assert second.summary["listing_pages"] == 1 + 4
    assert second.totals["new"] + second.totals["quarantined"] == 19  # en pages 2 and 3
    assert second.totals["unchanged"] == 0


@pytest_twisted.ensureDeferred
async def test_a_listing_left_incomplete_by_three_runs_in_a_row_makes_the_run_unhealthy(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    fresh_replica.control("fault", path=f"{EN}?p=2", kind="503", times="999", seconds="0")
    starts = f"start_urls={fresh_replica.url}{TH},{fresh_replica.url}{EN}"
    runs = [await crawl(tmp_path, starts, settings=FAST_RETRIES) for _ in range(3)]
    assert [run.returncode for run in runs] == [0, 0, 1]
    assert [_listing(run.summary, EN)["incomplete_runs"] for run in runs] == [1, 2, 3]
    assert [run.summary["mode"] for run in runs] == ["full", "incremental", "incremental"]
    assert runs[2].summary["rules_broken"] == ["stuck_walk"]
    [problem] = runs[2].summary["problems"]
    assert "3 or more runs in a row" in problem and "press-release?p=2" in problem
    assert "503" in problem


@pytest_twisted.ensureDeferred
async def test_a_page_past_the_end_that_redirects_to_the_first_ends_the_walk(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """The request the redirect makes is one already made: the scheduler drops it, and
    the walk has come back to where it started -- its end, not a walk that never ends."""
    fresh_replica.control(
        "fault", path=f"{EN}?p=4", kind="redirect", times="9", to=f"{fresh_replica.url}{EN}"
    )
    result = await crawl(tmp_path, f"start_urls={fresh_replica.url}{EN}")
    assert result.returncode == 0, result.log[-3000:]
    assert result.summary["walk"] == "complete"


@pytest.mark.parametrize("kind", ["soft404", "login"])
@pytest_twisted.ensureDeferred
async def test_an_error_page_in_the_middle_of_a_listing_is_no_end(
    tmp_path: Path, fresh_replica: Replica, kind: str
) -> None:
    """A card-less page that is no page of the listing (the platform's error page with
    status 200, a login wall) keeps the listing incomplete: past it lie articles."""
    fresh_replica.control("fault", path=f"{EN}?p=2", kind=kind, times="9")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.url}{EN}")
    entry = _listing(result.summary, EN)
    assert not entry["complete"] and "not a page of the listing" in entry["reason"]
