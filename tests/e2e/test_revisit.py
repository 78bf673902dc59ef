"""Incremental re-archiving: a run costs what changed, and no update is missed for long.

The revisit policy is configured, not faked: a tiny ``REVISIT_MIN_HOURS`` stands for a
day, a wide ``REVISIT_RECENT_DAYS`` makes the corpus's newest articles "recent".
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest
import pytest_twisted

from tests.e2e.conftest import ARTICLES
from tests.support.crawling import CrawlResult, crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl
OLD = "/th/content/press-conference-25-03-2021"  # imported March 2021
OTHER_OLD = "/en/content/55pmc-2"  # imported August 2022
RECENT = [  # imported since 2025-10-22, 400 days before 2026-11-26
    "/en/content/weekly-press-briefing-200126",
    "/en/content/weeklypb41225-eng",
    "/th/content/weekly-press-briefing-191125-th",
    "/th/content/%E0%B9%81%E0%B8%96%E0%B8%A5%E0%B8%87%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"
    "%E0%B9%80%E0%B8%A3%E0%B8%B7%E0%B9%88%E0%B8%AD%E0%B8%87%E0%B8%AA%E0%B8%96%E0%B8%B2%E0%B8%99"
    "%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%93%E0%B9%8C%E0%B8%8A%E0%B8%B2%E0%B8%A2%E0%B9%81%E0%B8%94"
    "%E0%B8%99%E0%B9%84%E0%B8%97%E0%B8%A2-%E0%B8%81%E0%B8%B1%E0%B8%A1%E0%B8%9E%E0%B8%B9%E0%B8%8A"
    "%E0%B8%B2-%E0%B9%80%E0%B8%A1%E0%B8%B7%E0%B9%88%E0%B8%AD%E0%B8%A7%E0%B8%B1%E0%B8%99%E0%B8%97",
]
RECENT_DAYS = "400"  # from 2026-11-26: the corpus's articles of late 2025 and 2026


async def _crawl(workdir: Path, replica: Replica, *args: str, **settings: str) -> CrawlResult:
    merged = {"REVISIT_RECENT_DAYS": RECENT_DAYS, **settings}
    result = await crawl(workdir, f"start_urls={replica.listing_urls()}", *args, settings=merged)
    assert result.returncode == 0, result.log[-3000:]
    return result


@pytest_twisted.async_fixture(scope="module")
async def crawled(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Path:
    replica.control("reset")
    workdir = tmp_path_factory.mktemp("revisit")
    first = await _crawl(workdir, replica)
    assert first.summary["mode"] == "full" and first.totals["new"] == ARTICLES
    return workdir


@pytest.fixture
def again(crawled: Path, tmp_path: Path, fresh_replica: Replica) -> Path:
    shutil.copytree(crawled / "archive", tmp_path / "archive")
    return tmp_path


def _schedule(workdir: Path, path: str) -> tuple[float, str]:
    with sqlite3.connect(workdir / "archive" / ".state" / "dedup.sqlite3") as db:
        row = db.execute(
            "SELECT interval_seconds, next_due FROM schedule WHERE canonical_url LIKE ?",
            (f"%{path}",),
        ).fetchone()
    assert row is not None, path
    return float(row[0]), str(row[1])


@pytest_twisted.ensureDeferred
async def test_an_unchanged_site_costs_a_few_requests(again: Path, replica: Replica) -> None:
    full = await _crawl(again / "full", replica, "mode=full")  # a separate archive: the reference
    incremental = await _crawl(
        again, replica, REVISIT_RECENT_DAYS="0"
    )  # nothing recent, nothing due
    assert incremental.summary["mode"] == "incremental"
    assert incremental.totals["new"] == incremental.totals["updated"] == 0
    # robots.txt and page 1 of each listing: it brings nothing new and nothing due
    assert incremental.summary["listing_pages"] == 2
    assert incremental.summary["requests"] == 3
    assert incremental.summary["requests"] <= 0.05 * full.summary["requests"]


@pytest_twisted.ensureDeferred
async def test_recent_articles_are_revisited_every_run_with_conditional_requests(
    again: Path, replica: Replica
) -> None:
    result = await _crawl(again, replica)
    revisits = result.summary["revisits"]
    assert revisits["due"] == len(RECENT)
    assert revisits["not_modified"] == len(RECENT)  # 304: the archive's copy is current
    assert result.totals["new"] == result.totals["updated"] == 0
    # robots.txt, the recent articles, and each listing until a page holds none of them
    assert result.summary["requests"] == 1 + len(RECENT) + result.summary["listing_pages"]


@pytest_twisted.ensureDeferred
async def test_updated_recent_articles_are_all_caught_next_run(
    again: Path, replica: Replica
) -> None:
    for path in RECENT:
        replica.control("bump", path=path)
    result = await _crawl(again, replica)
    assert result.totals["updated"] == len(RECENT)
    assert result.summary["revisits"]["not_modified"] == 0


@pytest_twisted.ensureDeferred
async def test_an_old_article_is_caught_within_its_interval(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """Not due before its interval ends, caught once it has: the interval's end is moved
    into the past in the state, not waited for (no test waits on the clock)."""
    interval = {"REVISIT_MIN_HOURS": "1"}
    await _crawl(tmp_path, fresh_replica, **interval)
    fresh_replica.control("bump", path=OLD)
    soon = await _crawl(tmp_path, fresh_replica, **interval)
    assert soon.totals["updated"] == 0  # the old article is not due yet
    with sqlite3.connect(tmp_path / "archive" / ".state" / "dedup.sqlite3") as db:
        db.execute("UPDATE schedule SET next_due = ?", ("2000-01-01T00:00:00.000000+00:00",))
    caught = await _crawl(tmp_path, fresh_replica, **interval)
    assert caught.totals["updated"] == 1
    assert caught.summary["revisits"]["due"] >= 1


@pytest_twisted.ensureDeferred
async def test_a_full_run_always_catches_an_update(again: Path, replica: Replica) -> None:
    replica.control("bump", path=OTHER_OLD)
    incremental = await _crawl(again, replica)
    assert incremental.totals["updated"] == 0
    full = await _crawl(again, replica, "mode=full")
    assert full.totals["updated"] == 1
    assert full.totals["unchanged"] == ARTICLES - 1


@pytest_twisted.ensureDeferred
async def test_an_unchanged_article_waits_longer_each_time(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    settings = {"REVISIT_MIN_HOURS": "0.0001", "REVISIT_RECENT_DAYS": "0"}
    await _crawl(tmp_path, fresh_replica, **settings)
    first_interval, _ = _schedule(tmp_path, OLD)
    time.sleep(0.5)
    await _crawl(tmp_path, fresh_replica, **settings)
    second_interval, _ = _schedule(tmp_path, OLD)
    assert second_interval == 2 * first_interval
    fresh_replica.control("bump", path=OLD)
    time.sleep(1)
    changed = await _crawl(tmp_path, fresh_replica, **settings)
    assert changed.totals["updated"] == 1
    assert _schedule(tmp_path, OLD)[0] == first_interval  # back to the short interval


@pytest_twisted.ensureDeferred
async def test_articles_that_could_not_be_revisited_are_reported_overdue(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    settings = {"REVISIT_MIN_HOURS": str(1 / 3600), "REVISIT_OVERDUE_HOURS": "0"}
    await _crawl(tmp_path, fresh_replica, **settings)
    fresh_replica.control("break", path=OLD, mode="error")
    time.sleep(1.5)  # every article is due now
    result = await _crawl(tmp_path, fresh_replica, **settings)
    assert result.summary["revisits"]["due"] == ARTICLES
    assert result.totals["quarantined"] == 2  # the broken article, and the page with no date
    assert result.summary["revisits"]["overdue"] == 1
    [url] = result.summary["revisits"]["overdue_urls"]
    assert url.endswith(OLD)
    assert "overdue 1" in result.log


@pytest_twisted.ensureDeferred
async def test_a_revisit_never_requests_a_url_with_a_redacted_credential(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """The archive keeps URLs redacted (``token=REDACTED``); fetching that would be wrong,
    so the revisit asks for the canonical URL, which never carried the credential."""
    secret = f"{fresh_replica.url}{OLD}?token=s3cr3t"
    due_at_once = {"REVISIT_MIN_HOURS": "0"}
    first = await crawl(tmp_path, f"start_urls={secret}", "mode=full", settings=due_at_once)
    assert first.returncode == 0 and first.totals["new"] == 1
    assert "s3cr3t" not in first.log
    revisit = await crawl(
        tmp_path,
        f"start_urls={fresh_replica.listing_urls()}",
        "mode=incremental",
        "max_pages=1",
        settings={**due_at_once, "LOG_LEVEL": "DEBUG"},
    )
    assert revisit.returncode == 0, revisit.log[-3000:]
    assert revisit.summary["revisits"]["due"] == 1
    crawled = [line for line in revisit.log.splitlines() if "Crawled (" in line]
    assert any(OLD in line for line in crawled)
    assert not any("token=" in line for line in crawled)
