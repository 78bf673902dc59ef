"""SIGKILL at the worst moments: nothing half-written, the state never ahead of the store,
and the next run completes the archive with no second copy of anything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.conftest import ARTICLES, assert_complete_s3, audit_local, audit_s3
from tests.support.crashes import crashing
from tests.support.harness import Replica, run_crawl
from tests.support.s3server import S3Server, archive_settings

pytestmark = [pytest.mark.faults, pytest.mark.process]
POINTS = [
    ("fetched", 10, "while fetching (the 10th article page)"),
    ("validated", 20, "between validate and store (20th article)"),
    ("upload", 30, "in the middle of writing a version (30th)"),
    ("record", 40, "after the store confirmed, before the state (40th)"),
    ("state", 25, "while the dedup state is written (25th)"),
]


@pytest.mark.parametrize(("point", "count", "moment"), POINTS, ids=[p[0] for p in POINTS])
def test_sigkill_then_the_next_run_completes_the_archive(
    tmp_path: Path,
    fresh_replica: Replica,
    record_fault: Callable[..., None],
    point: str,
    count: int,
    moment: str,
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    killed = run_crawl(tmp_path, start, env=crashing(f"{point}:{count}"))
    assert killed.returncode == -9, killed.log[-2000:]  # SIGKILLed, as planned
    after_crash = audit_local(tmp_path / "archive")
    assert after_crash.errors == []  # nothing half-written looks complete; state not ahead
    assert after_crash.duplicates == 0
    resumed = run_crawl(tmp_path, start)  # the default mode: full again, the walk was cut short
    assert resumed.returncode == 0, resumed.log[-2000:]
    assert resumed.summary["mode"] == "full"
    final = audit_local(tmp_path / "archive")
    assert final.errors == [] and final.duplicates == 0
    record_fault(f"SIGKILL {moment}", 1, ARTICLES, final.articles, len(final.errors))
    assert final.articles == ARTICLES


def test_a_crawl_paused_and_resumed_with_jobdir_completes(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None]
) -> None:
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO
    from tests.support.crawling import FAST

    jobdir = tmp_path / "job"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "mfa",
        "-a",
        f"start_urls={fresh_replica.listing_urls()}",
        "-s",
        f"JOBDIR={jobdir}",
        "-s",
        f"ARCHIVE_URI={tmp_path / 'archive'}",
        "-s",
        "CONCURRENT_REQUESTS=1",
        "-s",
        "DOWNLOAD_DELAY=0.05",
    ]
    for name, value in FAST.items():
        if name != "DOWNLOAD_DELAY":
            command += ["-s", f"{name}={value}"]
    first = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while len(list((tmp_path / "archive").rglob("article.json"))) < 15:
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.1)
    first.send_signal(signal.SIGINT)  # Scrapy's graceful stop: the JOBDIR keeps the rest
    first.wait(timeout=60)
    paused = len(list((tmp_path / "archive").rglob("article.json")))
    assert paused < ARTICLES
    second = subprocess.run(command, cwd=REPO, capture_output=True, timeout=120, check=False)
    assert second.returncode == 0, second.stdout[-2000:]
    final = audit_local(tmp_path / "archive")
    assert final.errors == [] and final.duplicates == 0
    record_fault(
        "pause (SIGINT) and resume with JOBDIR", 1, ARTICLES, final.articles, len(final.errors)
    )
    assert final.articles == ARTICLES


@pytest.mark.s3
def test_sigkill_in_the_middle_of_an_upload_to_s3(
    tmp_path: Path,
    fresh_replica: Replica,
    s3_server: S3Server,
    record_fault: Callable[..., None],
) -> None:
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.listing_urls()}"
    settings = archive_settings(bucket, tmp_path)
    killed = run_crawl(tmp_path, start, settings=settings, env=crashing("upload:25"))
    assert killed.returncode == -9
    after = audit_s3(bucket, tmp_path / "state")
    assert after.errors == [] and after.duplicates == 0  # parts without a record: invisible
    run_crawl(tmp_path, start, "mode=full", settings=settings)
    final = assert_complete_s3(bucket, tmp_path / "state")
    record_fault(
        "SIGKILL in the middle of an upload to S3", 1, ARTICLES, final.articles, len(final.errors)
    )
