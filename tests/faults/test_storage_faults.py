"""Storage faults: the S3 server down at the start, down in the middle, throttling, slow,
killed mid-upload; the local disk full.  The crawl says so, keeps what it could not store
(the spool), never marks it stored, and the next run completes the archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crawler.storage import open_storage
from crawler.storage.layout import article_prefix
from crawler.storage.local import LocalStorage
from crawler.storage.s3 import S3Storage
from crawler.urls import canonical_url
from tests.conftest import REPO
from tests.e2e.harness import FAST, Replica, run_crawl
from tests.faults.conftest import audit, audit_local
from tests.s3faults import ThrottlingProxy
from tests.s3server import S3Server, archive_settings, bucket_objects
from tests.tcpproxy import TcpProxy

pytestmark = [pytest.mark.faults, pytest.mark.e2e, pytest.mark.s3]
ARTICLES = 58


def _storage(bucket: str) -> S3Storage:
    storage = open_storage(f"s3://{bucket}/archive", {"addressing_style": "path"})
    assert isinstance(storage, S3Storage)
    return storage


def _audit_s3(bucket: str, state_dir: Path) -> Any:
    states = list(state_dir.rglob("dedup.sqlite3"))
    return audit(_storage(bucket), states[0] if states else None)


def _crawl_process(
    workdir: Path, replica: Replica, settings: dict[str, str], env: dict[str, str]
) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "mfa",
        "-a",
        f"start_urls={replica.listing_urls()}",
    ]
    for name, value in {**FAST, **settings, "SUMMARY_PATH": str(workdir / "summary.json")}.items():
        command += ["-s", f"{name}={value}"]
    return subprocess.Popen(
        command, cwd=REPO, env={**os.environ, **env}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def _wait_for(condition: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _article_count(bucket: str) -> int:
    return sum(1 for key in bucket_objects(bucket) if key.endswith("article.json"))


def _assert_complete(bucket: str, state_dir: Path) -> Any:
    """Every article, nothing half-written, the state claiming exactly what the store holds."""
    result = _audit_s3(bucket, state_dir)
    assert result.errors == [] and result.duplicates == 0
    assert result.articles == ARTICLES
    objects = bucket_objects(bucket)
    assert sum(1 for key in objects if key.endswith("reasons.json")) == 1
    assert not any(p.name == "item.json" for p in state_dir.rglob("*"))  # spool empty
    return result


def test_the_store_going_down_mid_crawl_loses_nothing(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:  # fmt: skip
    bucket = s3_server.new_bucket()
    settings = archive_settings(
        bucket, tmp_path, SPOOL_RETRY_SECONDS="0.5", S3_MAX_ATTEMPTS="2",
        DOWNLOAD_DELAY="0.1", CONCURRENT_REQUESTS_PER_DOMAIN="1",
    )  # fmt: skip
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{s3_proxy.port}"}
    crawl = _crawl_process(tmp_path, fresh_replica, settings, env)
    _wait_for(lambda: _article_count(bucket) >= 10)
    s3_proxy.down()
    time.sleep(2)
    s3_proxy.up()
    output, _ = crawl.communicate(timeout=300)
    assert crawl.returncode == 0, output[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["totals"]["spooled"] > 0, "the outage did not hit the crawl"
    assert summary["totals"]["flushed from the spool"] == summary["totals"]["spooled"]
    assert summary["totals"]["new"] == ARTICLES
    assert "store unavailable" in output and "Traceback" not in output
    result = _assert_complete(bucket, tmp_path / "state")
    record_fault(
        "S3 down for 2 s in the middle of a crawl", 1, ARTICLES, result.articles, len(result.errors)
    )


def test_a_store_down_for_the_whole_run_is_flushed_by_the_next_run(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:  # fmt: skip
    bucket = s3_server.new_bucket()
    settings = archive_settings(bucket, tmp_path, SPOOL_RETRY_SECONDS="0.5", S3_MAX_ATTEMPTS="2")
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{s3_proxy.port}"}
    start = f"start_urls={fresh_replica.listing_urls()}"
    s3_proxy.down()
    first = run_crawl(tmp_path, start, settings=settings, env=env)
    assert first.returncode == 1
    assert first.totals["spooled"] == ARTICLES + 1 and first.totals["new"] == 0
    assert any("stay spooled" in problem for problem in first.summary["problems"])
    assert _article_count(bucket) == 0
    s3_proxy.up()
    second = run_crawl(tmp_path, start, "mode=full", settings=settings, env=env)
    assert second.returncode == 0, second.log[-3000:]
    assert second.totals["flushed from the spool"] == ARTICLES + 1
    assert second.totals["unchanged"] == ARTICLES  # the flush recorded them before the crawl
    result = _assert_complete(bucket, tmp_path / "state")
    record_fault(
        "S3 down at the start and for the whole run",
        1,
        ARTICLES,
        result.articles,
        len(result.errors),
    )


def test_a_slow_store_still_gets_everything(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:  # fmt: skip
    bucket = s3_server.new_bucket()
    s3_proxy.delay = 0.05
    result = run_crawl(
        tmp_path, f"start_urls={fresh_replica.listing_urls()}",
        settings=archive_settings(bucket, tmp_path), env={"AWS_ENDPOINT_URL": f"http://127.0.0.1:{s3_proxy.port}"},
    )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["spooled"] == 0
    final = _assert_complete(bucket, tmp_path / "state")
    record_fault(
        "S3 slow (50 ms per chunk each way)", 1, ARTICLES, final.articles, len(final.errors)
    )


def test_a_throttling_store_is_retried_with_backoff(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server,
    record_fault: Callable[..., None],
) -> None:  # fmt: skip
    bucket = s3_server.new_bucket()
    throttling = ThrottlingProxy(int(s3_server.endpoint.rsplit(":", 1)[1]), every=4)
    try:
        result = run_crawl(
            tmp_path, f"start_urls={fresh_replica.listing_urls()}",
            settings=archive_settings(bucket, tmp_path, S3_MAX_ATTEMPTS="5"),
            env={"AWS_ENDPOINT_URL": f"http://127.0.0.1:{throttling.port}"},
        )  # fmt: skip
    finally:
        throttling.close()
    assert result.returncode == 0, result.log[-3000:]
    assert throttling.throttled > 50  # a quarter of the requests answered 503 SlowDown
    assert result.totals["spooled"] == 0  # botocore backed off and retried each one
    final = _assert_complete(bucket, tmp_path / "state")
    record_fault("S3 throttling (every 4th request 503 SlowDown)", throttling.throttled,
                 ARTICLES, final.articles, len(final.errors))  # fmt: skip


def test_sigkill_in_the_middle_of_an_upload_to_s3(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server,
    record_fault: Callable[..., None],
) -> None:  # fmt: skip
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.listing_urls()}"
    settings = archive_settings(bucket, tmp_path)
    killed = run_crawl(tmp_path, start, settings={**settings, "CRASH_AT": "upload:25"})
    assert killed.returncode == -9
    after = _audit_s3(bucket, tmp_path / "state")
    assert after.errors == [] and after.duplicates == 0  # parts without a record: invisible
    run_crawl(tmp_path, start, "mode=full", settings=settings)
    final = _assert_complete(bucket, tmp_path / "state")
    record_fault(
        "SIGKILL in the middle of an upload to S3", 1, ARTICLES, final.articles, len(final.errors)
    )


def test_a_full_disk_is_reported_and_nothing_is_lost(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    disk = tmp_path / "small-disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"a small file system is needed (mount tmpfs as root): {mounted.stderr}")
    try:
        settings = {
            "ARCHIVE_URI": str(disk / "archive"),
            "DEDUP_STATE_PATH": str(tmp_path / "state" / "dedup.sqlite3"),
            "SPOOL_DIR": str(tmp_path / "spool"),
            "SPOOL_RETRY_SECONDS": "0.5",
        }
        start = f"start_urls={fresh_replica.listing_urls()}"
        full = run_crawl(tmp_path, start, settings=settings)
        assert full.returncode == 1
        assert "disk full" in full.log and "Traceback" not in full.log
        assert full.totals["spooled"] > 0
        assert any("stay spooled" in problem for problem in full.summary["problems"])
        stranded = audit(LocalStorage(disk / "archive"), tmp_path / "state" / "dedup.sqlite3")
        assert stranded.errors == []  # nothing half-written, nothing claimed
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        again = run_crawl(tmp_path, start, "mode=full", settings=settings)
        assert again.returncode == 0, again.log[-3000:]
        final = audit(LocalStorage(disk / "archive"), tmp_path / "state" / "dedup.sqlite3")
        assert final.errors == [] and final.duplicates == 0
        record_fault("local disk full (400 kB), then space freed", full.totals["spooled"],
                     ARTICLES, final.articles, len(final.errors))  # fmt: skip
        assert final.articles == ARTICLES
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_one_article_the_store_refuses_does_not_hold_up_the_rest(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    """A file where one article's folder should be: only that article fails, for good.

    The store pipeline spools it, flushes the others past it, and sets it aside after
    repeated refusals; once the obstruction is gone the next full run archives it.
    """
    archive = tmp_path / "archive"
    href = "/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
    blocked = archive / article_prefix(canonical_url(fresh_replica.url + href))
    blocked.parent.mkdir(parents=True)
    blocked.write_bytes(b"not a folder")
    settings = {"SPOOL_RETRY_SECONDS": "0.2", "DOWNLOAD_DELAY": "0.1"}
    start = f"start_urls={fresh_replica.listing_urls()}"
    first = run_crawl(tmp_path, start, settings=settings)
    assert first.returncode == 1 and "Traceback" not in first.log
    assert first.totals["new"] == ARTICLES - 1  # every other article went through
    assert first.totals["flushed from the spool"] > 0  # past the refused one
    spool = archive / ".spool"
    kept = [p for p in spool.iterdir() if p.is_dir()]
    assert [p.name.split("-")[0] for p in kept] == [".refused"]  # set aside, nothing else
    assert "Not a directory" in (kept[0] / "reason.txt").read_text("utf-8")
    assert "set aside" in " ".join(first.summary["problems"])
    assert "stay spooled" not in " ".join(first.summary["problems"])
    blocked.unlink()
    second = run_crawl(tmp_path, start, "mode=full", settings=settings)
    assert second.returncode == 0, second.log[-3000:]
    final = audit_local(archive)
    record_fault("one article's folder obstructed (store refuses it)", 1, ARTICLES,
                 final.articles, len(final.errors))  # fmt: skip
    assert final.errors == [] and final.duplicates == 0 and final.articles == ARTICLES
