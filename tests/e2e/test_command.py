"""``scrapy crawl mfa`` as a process, for what only a process shows: the exit status
and the one line a scheduler's mail shows when the site cannot be reached, and what the
real log holds (never a credential)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.e2e.harness import Replica, run_crawl
from tests.s3server import FAKE_CREDENTIALS, S3Server, archive_settings, bucket_objects

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
        tmp_path / "bad", start,
        settings={**archive_settings("no-such-bucket-mfa", tmp_path / "bad"), "LOG_LEVEL": "DEBUG"},
    )  # fmt: skip
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
