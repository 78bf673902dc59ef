"""The commands as processes, for what only a process shows: the exit status and the
one line a scheduler's mail shows (the site cannot be reached, a wrong argument, an
archive that takes no write), what the real log holds (never a credential), and what
``scrapy runs`` says of an archive's runs."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crawler.runs.report import RunReport
from crawler.storage.local import LocalStorage
from tests.conftest import REPO
from tests.support.harness import Replica, run_crawl
from tests.support.s3server import FAKE_CREDENTIALS, S3Server, archive_settings, bucket_objects

pytestmark = pytest.mark.process


def test_an_unreachable_site_fails_with_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_crawl(
        tmp_path, f"start_urls=http://127.0.0.1:{port}/th", settings={"RETRY_TIMES": "0"}
    )
    assert result.returncode == 1
    assert "Traceback" not in result.log
    [line] = [line for line in result.log.splitlines() if "Run summary: FAILED" in line]
    assert "nothing could be fetched" in line and f"127.0.0.1:{port}" in line


@pytest.mark.s3
def test_credentials_never_appear_in_logs_summaries_or_the_archive(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.url}/th/content/aseancanada2020"
    ok = run_crawl(
        tmp_path / "ok",
        start,
        settings={**archive_settings(bucket, tmp_path / "ok"), "LOG_LEVEL": "DEBUG"},
    )
    failing = run_crawl(  # a bucket that does not exist: errors are logged, then spooled
        tmp_path / "bad",
        start,
        settings={**archive_settings("no-such-bucket-mfa", tmp_path / "bad"), "LOG_LEVEL": "DEBUG"},
    )
    assert "NoSuchBucket" in failing.log
    texts = [ok.log, failing.log, json.dumps(ok.summary), json.dumps(failing.summary)]
    texts += [data.decode("utf-8", "replace") for data in bucket_objects(bucket).values()]
    texts += [
        p.read_text("utf-8", "replace")
        for p in tmp_path.rglob("*")
        if p.is_file() and p.suffix != ".sqlite3"
    ]
    for secret in FAKE_CREDENTIALS.values():
        assert all(secret not in text for text in texts)


@pytest.mark.parametrize(
    ("argument", "said"),
    [
        ("since=yesterday", "since must be a date, YYYY-MM-DD, not 'yesterday'"),
        ("site=nowhere.example", "unknown site 'nowhere.example'; registered sites: all,"),
        ("lang=fr", "lang must be th or en, not 'fr'"),
        ("max_pages=-1", "max_pages must be a whole number of pages, 1 or more"),
    ],
)
def test_a_wrong_argument_fails_fast_in_one_line(tmp_path: Path, argument: str, said: str) -> None:
    result = run_crawl(tmp_path, argument)
    assert result.returncode == 2
    [line] = result.log.strip().splitlines()[-1:]
    assert said in line and line.startswith("mfa: not crawling")
    assert "Traceback" not in result.log
    assert not (tmp_path / "archive" / "articles").exists()  # nothing was fetched


def test_a_refusal_is_also_in_the_log_file_a_scheduler_keeps(tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"  # scrapyd gives every job a LOG_FILE; stderr is its own
    result = run_crawl(tmp_path, "lang=fr", settings={"LOG_FILE": str(log)})
    assert result.returncode == 2
    assert "lang must be th or en, not 'fr'" in log.read_text("utf-8")


@pytest.mark.s3
def test_a_bucket_that_does_not_exist_is_refused_before_fetching(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    result = run_crawl(
        tmp_path,
        f"start_urls={fresh_replica.listing_urls()}",
        settings=archive_settings("no-such-bucket-mfa", tmp_path),
    )
    assert result.returncode == 2
    assert "does not take a write" in result.log and "NoSuchBucket" in result.log
    assert "Traceback" not in result.log and "Crawled (" not in result.log


def test_an_archive_path_that_cannot_be_written_is_refused(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_bytes(b"a file where the archive's folder should be")
    result = run_crawl(
        tmp_path,
        f"start_urls={fresh_replica.listing_urls()}",
        settings={"ARCHIVE_URI": str(blocked / "archive")},
    )
    assert result.returncode == 2 and "Traceback" not in result.log
    assert "mfa: not crawling" in result.log.strip().splitlines()[-1]


def _runs(archive: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "runs", *options, "-s", f"ARCHIVE_URI={archive}"]
    return subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )


def test_scrapy_runs_names_the_sites_without_a_healthy_run(tmp_path: Path) -> None:
    storage, now = LocalStorage(tmp_path / "archive"), datetime.now(UTC)
    for days, healthy, sites in (
        (5, True, ["a.example", "b.example"]),
        (1, True, ["a.example"]),
        (0.1, False, ["a.example", "b.example"]),
    ):
        started = now - timedelta(days=days)
        run = RunReport(
            started=started,
            finished=started + timedelta(minutes=3),
            healthy=healthy,
            mode="incremental",
            scope={"sites": sites},
        )
        storage.put(run.key, run.dump(), "application/json")
    listed = _runs(tmp_path / "archive", "--days", "2")
    assert listed.returncode == 1, listed.stderr
    assert "sites without a healthy run for 2 days: b.example" in listed.stdout
    assert listed.stdout.count(" UTC  incremental ") == 3
    answer = json.loads(_runs(tmp_path / "archive", "--days", "2", "--json").stdout)
    assert answer["stale"] == ["b.example"] and len(answer["runs"]) == 3
    assert _runs(tmp_path / "archive", "--days", "10").returncode == 0


def test_scrapy_runs_refuses_wrong_options_and_an_archive_without_runs(tmp_path: Path) -> None:
    empty = _runs(tmp_path / "no-such-archive")  # a mistyped ARCHIVE_URI is no healthy night
    assert empty.returncode == 1 and "no run report in" in empty.stderr
    for option in (["--last", "0"], ["--days", "-1"]):
        wrong = _runs(tmp_path / "archive", *option)
        assert wrong.returncode == 2 and wrong.stderr.startswith("mfa runs: --last must be")
        assert "Traceback" not in wrong.stderr


def test_scrapy_verify_refuses_an_archive_it_cannot_open(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_bytes(b"a file where the archive's folder should be")
    command = [sys.executable, "-m", "scrapy", "verify", "-s", f"ARCHIVE_URI={blocked}/archive"]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"mfa verify: cannot check {blocked}/archive")
