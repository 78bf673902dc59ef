"""A flaky site: transient faults are retried with backoff and everything the site could
serve is archived; what it could not serve is listed by URL; what is not an article is
quarantined, never archived as an empty article."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_twisted

from tests.faults.conftest import audit_local
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = [pytest.mark.faults, pytest.mark.crawl]
ARTICLES = 58
SETTINGS = {"RETRY_BACKOFF_BASE": "0.05", "RETRY_AFTER_MAX": "2", "DOWNLOAD_TIMEOUT": "2"}
TRANSIENT = [  # (path, fault, times): each page recovers within RETRY_TIMES (3)
    ("/th/content/press-conference-25-03-2021", "500", 2),
    ("/en/content/55pmc-2", "503", 1),  # with Retry-After: 1
    ("/th/content/press-briefing-12052023", "429", 2),  # with Retry-After: 1
    ("/en/content/october3presser-en", "timeout", 1),  # 3 s, over DOWNLOAD_TIMEOUT
    ("/th/content/presscon100265", "reset", 2),
    ("/en/content/presscon03112022", "truncate", 2),
]
LISTING_FAULT = ("/th/page/ข่าวเด่น", "503", 1)


@pytest_twisted.ensureDeferred
async def test_transient_faults_are_retried_and_everything_is_archived(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    for path, kind, times in [*TRANSIENT, LISTING_FAULT]:
        seconds = "3" if kind == "timeout" else "1"
        fresh_replica.control("fault", path=path, kind=kind, times=str(times), seconds=seconds)
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert result.returncode == 0, result.log[-3000:]
    served = fresh_replica.control("faults-served")
    assert sum(served.values()) == sum(times for *_x, times in TRANSIENT) + 1
    final = audit_local(tmp_path / "archive")
    for path, kind, times in TRANSIENT:
        record_fault(
            f"flaky site: {kind} x{times} on one article",
            times,
            1,
            int(_archived(tmp_path, path)),
            len(final.errors),
        )
    assert final.errors == [] and final.articles == ARTICLES
    assert result.summary["failed"] == []
    record_fault(
        "flaky site: 503 on a listing page", 1, ARTICLES, final.articles, len(final.errors)
    )


def _archived(workdir: Path, path: str) -> bool:
    slug = path.rsplit("/", 1)[1]
    return any(p.parent.parent.name == slug for p in (workdir / "archive").rglob("article.json"))


@pytest_twisted.ensureDeferred
async def test_what_the_site_never_serves_is_listed_and_the_rest_archived(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    broken = "/th/content/weeklypressbriefing171024"
    fresh_replica.control("fault", path=broken, kind="500", times="100")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    final = audit_local(tmp_path / "archive")
    assert [entry["url"].split("?")[0] for entry in result.summary["failed"]] == [
        fresh_replica.url + broken
    ]
    assert result.summary["failed"][0]["reason"] == "HTTP 500 Internal Server Error"
    assert final.articles == ARTICLES - 1 and final.errors == []
    assert f"failed: {fresh_replica.url}{broken}" in result.log
    record_fault(
        "site answers 500 forever on one article (listed, not lost)",
        4,
        ARTICLES - 1,
        final.articles,
        len(final.errors),
    )


@pytest.mark.parametrize("kind", ["soft404", "login"])
@pytest_twisted.ensureDeferred
async def test_pages_that_are_not_articles_are_quarantined(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None], kind: str
) -> None:
    path = "/en/content/pr-jeddah-11302022-3"
    fresh_replica.control("fault", path=path, kind=kind, times="1")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=SETTINGS)
    assert result.returncode == 0
    assert not _archived(tmp_path, path)  # never archived as an (empty) article
    reasons = [
        json.loads(p.read_text("utf-8"))
        for p in (tmp_path / "archive" / "quarantine").rglob("reasons.json")
    ]
    mine = [r for r in reasons if path in r["url"]]
    assert mine and "no date" in mine[0]["findings"][0]["reason"]
    final = audit_local(tmp_path / "archive")
    label = "soft 404 (error page, status 200)" if kind == "soft404" else "login wall (status 200)"
    record_fault(f"{label}: quarantined", 1, ARTICLES - 1, final.articles, len(final.errors))
    assert final.articles == ARTICLES - 1
