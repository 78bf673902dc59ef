"""Removals recorded: an archived article that answers 404, then 410, then redirects to
the home page, then comes back -- its history shows each change once, a removal only
once confirmed, and nothing archived is deleted (issue 27)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted

from crawler.runs import history
from crawler.storage.local import LocalStorage
from schemas.events import ArticleEvent
from tests.support.commands import run_command
from tests.support.crawling import crawl
from tests.support.harness import Replica
from tests.support.receivers import HttpReceiver

pytestmark = pytest.mark.crawl
# every article due on every run (all are "recent"), removals confirmed at the next run
EVERY_RUN = {"REVISIT_RECENT_DAYS": "100000", "GONE_CONFIRM_HOURS": "0"}


def _events(archive: Path) -> list[ArticleEvent]:
    found = [
        ArticleEvent.model_validate_json(path.read_bytes())
        for path in archive.glob("articles/**/:events/*.json")
    ]
    return sorted(found, key=lambda event: event.at)


def export_rows(archive: Path, out: Path) -> list[dict[str, Any]]:
    ran = run_command("export", str(out), "--format", "jsonl", ARCHIVE_URI=str(archive))
    assert ran.status == 0, ran.err
    lines = (out / "latest.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _summary_events(summary: dict[str, Any]) -> list[str]:
    return [entry[0] for entry in summary.get("removals", [])]


@pytest_twisted.ensureDeferred
async def test_an_article_taken_down_redirected_and_back_has_each_in_its_history(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    first = await crawl(tmp_path, start, settings=EVERY_RUN)
    assert first.returncode == 0, first.log[-3000:]
    archive = tmp_path / "archive"
    [page] = [p for p in fresh_replica.pages() if "aseancanada2020" in p["path"]]
    versions = sorted(archive.glob("articles/**/article.json"))

    fresh_replica.control("fault", path=page["path"], kind="404", times="99")
    found = await crawl(tmp_path, start, settings=EVERY_RUN)
    assert [e.kind for e in _events(archive)] == ["missing"]
    assert found.returncode == 0, found.log[-3000:]  # a check, not a failure of the run
    assert _summary_events(found.summary) == ["missing"]

    fresh_replica.control("reset")
    fresh_replica.control("fault", path=page["path"], kind="410", times="99")
    with HttpReceiver() as webhook:
        told = {"NOTIFY_WEBHOOK_URL": webhook.url, "NOTIFY_ON": "unhealthy,removal"}
        confirmed = await crawl(tmp_path, start, settings={**EVERY_RUN, **told})
    events = _events(archive)
    assert [e.kind for e in events] == ["missing", "gone"]
    assert events[1].status == 410 and events[1].since == events[0].at
    assert _summary_events(confirmed.summary) == ["gone"]
    assert "1 gone" in confirmed.log
    [hook] = webhook.received  # the notification, the run report and `scrapy runs` say it
    assert "1 articles were taken down or moved" in json.loads(hook.body)["text"]
    report = history.reports(LocalStorage(archive))[-1]
    assert [r["kind"] for r in report.removals] == ["gone"]
    assert report.sites[events[1].canonical_url.split("/")[2]]["gone"] == 1
    runs = run_command("runs", "--last", "1", ARCHIVE_URI=str(archive))
    assert "gone 1" in runs.out, runs.out

    rows = export_rows(archive, tmp_path / "export-gone")
    [row] = [r for r in rows if r["canonical_url"] == events[1].canonical_url]
    assert row["status"] == "gone"
    assert datetime.fromisoformat(row["gone_since"]) == events[0].at
    assert {r["status"] for r in rows if r is not row} == {"live"}
    made = run_command("report", str(tmp_path / "report"), ARCHIVE_URI=str(archive))
    assert made.status == 0, made.err
    [site_page] = (tmp_path / "report" / "s").glob("*[0-9].html")
    assert site_page.read_text("utf-8").count('class="bad badge">removed<') == 1
    [removals] = (tmp_path / "report" / "s").glob("*-removals.html")
    listed = removals.read_text("utf-8")
    assert "aseancanada2020" in listed and 'class="bad badge">removed<' in listed

    fresh_replica.control("reset")
    home = f"{fresh_replica.url}/"
    fresh_replica.control("fault", path=page["path"], kind="redirect", times="99", to=home)
    await crawl(tmp_path, start, settings=EVERY_RUN)
    await crawl(tmp_path, start, settings=EVERY_RUN)
    events = _events(archive)  # still gone, now answering otherwise: once, not every run
    assert [e.kind for e in events] == ["missing", "gone", "gone"]
    assert events[2].status == 302 and events[2].location == home
    assert events[2].since == events[0].at and "the home page" in events[2].reason

    fresh_replica.control("reset")
    back = await crawl(tmp_path, start, settings=EVERY_RUN)
    events = _events(archive)
    assert [e.kind for e in events] == ["missing", "gone", "gone", "back"]
    assert _summary_events(back.summary) == ["back"]
    assert sorted(archive.glob("articles/**/article.json")) == versions  # nothing deleted
    verified = run_command("verify", ARCHIVE_URI=str(archive))
    assert verified.status == 0, verified.out + verified.err
    pointer = json.loads(next(archive.glob("articles/**/aseancanada2020/latest.json")).read_text())
    assert pointer["version"]


@pytest_twisted.ensureDeferred
async def test_an_article_redirected_to_another_article_is_recorded_as_moved(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    assert (await crawl(tmp_path, start, settings=EVERY_RUN)).returncode == 0
    articles = [p for p in fresh_replica.pages() if "/content/" in p["path"]]
    old, new = articles[0], articles[1]
    target = f"{fresh_replica.url}{new['href']}"
    fresh_replica.control("fault", path=old["path"], kind="redirect", times="99", to=target)
    a_day = {**EVERY_RUN, "GONE_CONFIRM_HOURS": "20"}
    await crawl(tmp_path, start, settings=a_day)
    await crawl(tmp_path, start, settings=a_day)  # too soon: one check is not a removal
    assert [e.kind for e in _events(tmp_path / "archive")] == ["missing"]
    await crawl(tmp_path, start, settings=EVERY_RUN)  # as if 20 hours had passed
    events = _events(tmp_path / "archive")
    assert [e.kind for e in events] == ["missing", "moved"]
    assert events[1].moved_to is not None and events[1].moved_to.endswith(new["path"])


def test_verify_names_an_event_it_cannot_read_or_that_sits_elsewhere(tmp_path: Path) -> None:
    from crawler.storage.events import write_event

    storage = LocalStorage(tmp_path / "archive")
    url = "https://www.mfa.go.th/th/content/aseancanada2020"
    event = ArticleEvent(
        kind="missing", at=datetime.now(UTC), url=url, canonical_url=url, reason="HTTP 404"
    )
    key = write_event(storage, event)
    assert run_command("verify", ARCHIVE_URI=str(tmp_path / "archive")).status == 0
    (tmp_path / "archive" / key).write_bytes(b'{"kind": "gone"')
    elsewhere = event.model_copy(update={"canonical_url": url + "-2"})
    moved = key.replace("aseancanada2020/", "aseancanada2020-3/")
    storage.put(moved, elsewhere.dump(), "application/json")
    verified = run_command("verify", ARCHIVE_URI=str(tmp_path / "archive"))
    assert verified.status == 1
    assert f"{key}: not an event" in verified.out
    assert f"{moved}: an event of {url}-2, in another folder" in verified.out
