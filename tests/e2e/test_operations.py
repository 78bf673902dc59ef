"""What a scheduled run leaves for the people who run it: a run report kept with the
archive, metrics a dashboard reads, and notifications when it goes wrong -- tested
against a local HTTP receiver (webhook, Pushgateway) and a local SMTP server."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import pytest_twisted
from prometheus_client.parser import text_string_to_metric_families

from crawler.runs import history
from crawler.storage.local import LocalStorage
from tests.e2e.conftest import ARTICLES
from tests.support.crawling import crawl
from tests.support.harness import Replica
from tests.support.receivers import HttpReceiver, SmtpReceiver

pytestmark = pytest.mark.crawl
SAMPLE_PATH = "/th/content/aseancanada2020"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest_twisted.ensureDeferred
async def test_each_run_leaves_its_report_in_the_archive(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    first = await crawl(tmp_path, start)
    second = await crawl(tmp_path, start)
    runs = history.reports(LocalStorage(tmp_path / "archive"))
    assert [r.key for r in runs] == [first.summary["run_report"], second.summary["run_report"]]
    site = runs[0].scope["sites"][0]
    assert runs[0].mode == "full" and runs[1].mode == "incremental"
    assert runs[0].sites[site]["new"] == ARTICLES and runs[0].sites[site]["quarantined"] == 1
    assert runs[1].sites[site]["new"] == 0 and runs[0].healthy and runs[1].healthy
    assert runs[0].scope["start_points"] == fresh_replica.listing_urls().split(",")
    assert len(runs[0].crawler["commit"]) in (40, len("unknown"))
    assert runs[0].finished >= runs[0].started


@pytest_twisted.ensureDeferred
async def test_metrics_are_written_and_pushed(tmp_path: Path, fresh_replica: Replica) -> None:
    with HttpReceiver() as gateway:
        result = await crawl(
            tmp_path,
            f"start_urls={fresh_replica.listing_urls()}",
            settings={
                "METRICS_PATH": str(tmp_path / "mfa.prom"),
                "PUSHGATEWAY_URL": gateway.url,
                "METRICS_INSTANCE": "night-crawler",
            },
        )
    assert result.returncode == 0, result.log[-2000:]
    text = (tmp_path / "mfa.prom").read_text("utf-8")
    samples = {
        (s.name, s.labels.get("site"), s.labels.get("outcome")): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    [report] = history.reports(LocalStorage(tmp_path / "archive"))
    site = report.scope["sites"][0]
    assert samples[("mfa_articles", site, "new")] == ARTICLES
    assert samples[("mfa_run_healthy", None, None)] == 1
    # the last success is this run's end as its report says (a value, not a timing)
    last = samples[("mfa_last_success_timestamp_seconds", site, None)]
    assert last == report.finished.timestamp()
    [pushed] = gateway.received
    assert (pushed.method, pushed.path) == (
        "PUT",
        "/metrics/job/mfa_archive/instance/night-crawler",
    )
    assert pushed.body.decode("utf-8") == text


@pytest_twisted.ensureDeferred
async def test_an_unhealthy_run_is_told_by_webhook_and_mail(tmp_path: Path) -> None:
    with HttpReceiver() as webhook, SmtpReceiver() as smtp:
        result = await crawl(
            tmp_path,
            f"start_urls=http://127.0.0.1:{_closed_port()}/th",
            settings={
                "RETRY_TIMES": "0",
                "NOTIFY_WEBHOOK_URL": webhook.url + "/hooks/mfa",
                "NOTIFY_MAIL_TO": "archivist@example.org",
                "NOTIFY_SMTP_HOST": "127.0.0.1",
                "NOTIFY_SMTP_PORT": str(smtp.port),
            },
        )
    assert result.returncode == 1
    [hook] = webhook.received
    said = json.loads(hook.body)["text"]
    assert hook.path == "/hooks/mfa" and "FAILED" in said and "nothing could be fetched" in said
    [mail] = smtp.messages
    assert "FAILED" in mail["Subject"] and mail["To"] == "archivist@example.org"


@pytest_twisted.ensureDeferred
async def test_silent_edits_are_told_when_asked_and_an_unreachable_target_fails_nothing(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    await crawl(tmp_path, start)
    fresh_replica.control("edit", path=SAMPLE_PATH)
    with HttpReceiver() as webhook:
        told = await crawl(
            tmp_path,
            start,
            "mode=full",
            settings={
                "NOTIFY_WEBHOOK_URL": webhook.url,
                "NOTIFY_ON": "unhealthy,silent_edit",
            },
        )
    assert told.returncode == 0 and told.totals["silently edited"] == 1
    [hook] = webhook.received
    assert "edited without a new date" in json.loads(hook.body)["text"]
    fresh_replica.control("edit", path=SAMPLE_PATH)
    nobody = await crawl(
        tmp_path,
        start,
        "mode=full",
        settings={
            "NOTIFY_ON": "silent_edit",
            "NOTIFY_WEBHOOK_URL": f"http://127.0.0.1:{_closed_port()}/",
            "NOTIFY_MAIL_TO": "archivist@example.org",
            "NOTIFY_SMTP_HOST": "127.0.0.1",
            "NOTIFY_SMTP_PORT": str(_closed_port()),
        },
    )
    assert nobody.returncode == 0  # the crawl's outcome is its own
    lines = [line for line in nobody.log.splitlines() if "could not" in line]
    assert len(lines) == 2 and all("Traceback" not in line for line in lines)
