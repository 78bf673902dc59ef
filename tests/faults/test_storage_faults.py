"""Storage faults: the S3 server down at the start, down in the middle, throttling, slow,
killed mid-upload; the local disk full.  The crawl says so, keeps what it could not store
(the spool), never marks it stored, and the next run completes the archive."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import pytest_twisted
from twisted.internet.defer import ensureDeferred
from twisted.internet.task import deferLater

from crawler.storage.layout import article_prefix
from crawler.storage.local import LocalStorage
from crawler.urls import canonical_url
from tests.faults.conftest import ARTICLES, assert_complete_s3, audit, audit_local
from tests.support.crawling import crawl
from tests.support.harness import Replica
from tests.support.s3faults import ThrottlingProxy
from tests.support.s3server import S3Server, archive_settings, s3_archive
from tests.support.tcpproxy import TcpProxy

pytestmark = [pytest.mark.faults, pytest.mark.crawl, pytest.mark.s3]


async def _sleep(seconds: float) -> None:
    """Wait while the reactor (and the crawl in it) goes on."""
    from twisted.internet import reactor

    await deferLater(reactor, seconds, lambda: None)


async def _until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await _sleep(0.1)


def _article_count(bucket: str) -> int:
    return sum(1 for key in s3_archive(bucket).list("") if key.endswith("article.json"))


@pytest_twisted.ensureDeferred
async def test_the_store_going_down_mid_crawl_loses_nothing(
    tmp_path: Path,
    fresh_replica: Replica,
    s3_server: S3Server,
    s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:
    bucket = s3_server.new_bucket()
    settings = archive_settings(
        bucket,
        tmp_path,
        SPOOL_RETRY_SECONDS="0.5",
        S3_MAX_ATTEMPTS="2",
        DOWNLOAD_DELAY="0.1",
        CONCURRENT_REQUESTS_PER_DOMAIN="1",
        S3_ENDPOINT_URL=f"http://127.0.0.1:{s3_proxy.port}",
    )
    running = ensureDeferred(
        crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=settings)
    )
    await _until(lambda: _article_count(bucket) >= 10)
    s3_proxy.down()
    await _sleep(2)
    s3_proxy.up()
    result = await running
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["spooled"] > 0, "the outage did not hit the crawl"
    assert result.totals["flushed from the spool"] == result.totals["spooled"]
    assert result.totals["new"] == ARTICLES
    assert "store unavailable" in result.log and "Traceback" not in result.log
    final = assert_complete_s3(bucket, tmp_path / "state")
    record_fault(
        "S3 down for 2 s in the middle of a crawl", 1, ARTICLES, final.articles, len(final.errors)
    )


@pytest_twisted.ensureDeferred
async def test_a_store_down_for_the_whole_run_is_flushed_by_the_next_run(
    tmp_path: Path,
    fresh_replica: Replica,
    s3_server: S3Server,
    s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:
    bucket = s3_server.new_bucket()
    settings = archive_settings(
        bucket,
        tmp_path,
        SPOOL_RETRY_SECONDS="0.5",
        S3_MAX_ATTEMPTS="2",
        S3_ENDPOINT_URL=f"http://127.0.0.1:{s3_proxy.port}",
    )
    start = f"start_urls={fresh_replica.listing_urls()}"
    s3_proxy.down()
    first = await crawl(tmp_path, start, settings=settings)
    assert first.returncode == 1
    assert first.totals["spooled"] == ARTICLES + 1 and first.totals["new"] == 0
    assert any("stay spooled" in problem for problem in first.summary["problems"])
    assert _article_count(bucket) == 0
    s3_proxy.up()
    second = await crawl(tmp_path, start, "mode=full", settings=settings)
    assert second.returncode == 0, second.log[-3000:]
    assert second.totals["flushed from the spool"] == ARTICLES + 1
    assert second.totals["unchanged"] == ARTICLES  # the flush recorded them before the crawl
    result = assert_complete_s3(bucket, tmp_path / "state")
    record_fault(
        "S3 down at the start and for the whole run",
        1,
        ARTICLES,
        result.articles,
        len(result.errors),
    )


@pytest_twisted.ensureDeferred
async def test_a_slow_store_still_gets_everything(
    tmp_path: Path,
    fresh_replica: Replica,
    s3_server: S3Server,
    s3_proxy: TcpProxy,
    record_fault: Callable[..., None],
) -> None:
    bucket = s3_server.new_bucket()
    s3_proxy.delay = 0.05
    result = await crawl(
        tmp_path,
        f"start_urls={fresh_replica.listing_urls()}",
        settings=archive_settings(
            bucket, tmp_path, S3_ENDPOINT_URL=f"http://127.0.0.1:{s3_proxy.port}"
        ),
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["spooled"] == 0
    final = assert_complete_s3(bucket, tmp_path / "state")
    record_fault(
        "S3 slow (50 ms per chunk each way)", 1, ARTICLES, final.articles, len(final.errors)
    )


@pytest_twisted.ensureDeferred
async def test_a_throttling_store_is_retried_with_backoff(
    tmp_path: Path,
    fresh_replica: Replica,
    s3_server: S3Server,
    record_fault: Callable[..., None],
) -> None:
    bucket = s3_server.new_bucket()
    throttling = ThrottlingProxy(int(s3_server.endpoint.rsplit(":", 1)[1]), every=4)
    try:
        result = await crawl(
            tmp_path,
            f"start_urls={fresh_replica.listing_urls()}",
            settings=archive_settings(
                bucket,
                tmp_path,
                S3_MAX_ATTEMPTS="5",
                S3_ENDPOINT_URL=f"http://127.0.0.1:{throttling.port}",
            ),
        )
    finally:
        throttling.close()
    assert result.returncode == 0, result.log[-3000:]
    assert throttling.throttled > 50  # a quarter of the requests answered 503 SlowDown
    assert result.totals["spooled"] == 0  # botocore backed off and retried each one
    final = assert_complete_s3(bucket, tmp_path / "state")
    record_fault(
        "S3 throttling (every 4th request 503 SlowDown)",
        throttling.throttled,
        ARTICLES,
        final.articles,
        len(final.errors),
    )


@pytest_twisted.ensureDeferred
async def test_a_full_disk_is_reported_and_nothing_is_lost(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    disk = tmp_path / "small-disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
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
        full = await crawl(tmp_path, start, settings=settings)
        assert full.returncode == 1
        assert "disk full" in full.log and "Traceback" not in full.log
        assert full.totals["spooled"] > 0
        assert any("stay spooled" in problem for problem in full.summary["problems"])
        stranded = audit(LocalStorage(disk / "archive"), tmp_path / "state" / "dedup.sqlite3")
        assert stranded.errors == []  # nothing half-written, nothing claimed
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        again = await crawl(tmp_path, start, "mode=full", settings=settings)
        assert again.returncode == 0, again.log[-3000:]
        final = audit(LocalStorage(disk / "archive"), tmp_path / "state" / "dedup.sqlite3")
        assert final.errors == [] and final.duplicates == 0
        record_fault(
            "local disk full (400 kB), then space freed",
            full.totals["spooled"],
            ARTICLES,
            final.articles,
            len(final.errors),
        )
        assert final.articles == ARTICLES
    finally:
        subprocess.run(["umount", str(disk)], check=False)


@pytest_twisted.ensureDeferred
async def test_one_article_the_store_refuses_does_not_hold_up_the_rest(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    """A file where one article's folder should be: only that article fails, for good.

    The store answers a probe write, so the refusal is the article's own: it alone is
    spooled, the others are written as they come, and it is set aside after repeated
    refusals; once the obstruction is gone the next full run archives it.
    """
    archive = tmp_path / "archive"
    href = "/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
    blocked = archive / article_prefix(canonical_url(fresh_replica.url + href))
    blocked.parent.mkdir(parents=True)
    blocked.write_bytes(b"not a folder")
    settings = {"SPOOL_RETRY_SECONDS": "0.2", "DOWNLOAD_DELAY": "0.1"}
    start = f"start_urls={fresh_replica.listing_urls()}"
    first = await crawl(tmp_path, start, settings=settings)
    assert first.returncode == 1 and "Traceback" not in first.log
    assert first.totals["new"] == ARTICLES - 1  # every other article went through
    # the store takes the probe's write: only the refused article waits in the spool
    assert first.totals["spooled"] == 1 and first.totals["flushed from the spool"] == 0
    spool = archive / ".spool"
    kept = [p for p in spool.iterdir() if p.is_dir()]
    assert [p.name.split("-")[0] for p in kept] == [".refused"]  # set aside, nothing else
    assert "Not a directory" in (kept[0] / "reason.txt").read_text("utf-8")
    assert "set aside" in " ".join(first.summary["problems"])
    assert "stay spooled" not in " ".join(first.summary["problems"])
    blocked.unlink()
    second = await crawl(tmp_path, start, "mode=full", settings=settings)
    assert second.returncode == 0, second.log[-3000:]
    final = audit_local(archive)
    record_fault(
        "one article's folder obstructed (store refuses it)",
        1,
        ARTICLES,
        final.articles,
        len(final.errors),
    )
    assert final.errors == [] and final.duplicates == 0 and final.articles == ARTICLES
