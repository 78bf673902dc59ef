"""Two crawls at once, nothing listening, and an exit status a scheduler can trust."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.faults.conftest import ARTICLES, audit_local
from tests.support.crawling import FAST
from tests.support.harness import Replica, run_crawl

pytestmark = [pytest.mark.faults, pytest.mark.process]


def _command(replica: Replica, archive: Path, *settings: str) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "mfa",
        "-a",
        f"start_urls={replica.listing_urls()}",
        "-s",
        f"ARCHIVE_URI={archive}",
    ]
    for name, value in FAST.items():
        command += ["-s", f"{name}={value}"]
    for setting in settings:
        command += ["-s", setting]
    return command


@pytest.mark.parametrize("own_state", [False, True], ids=["same-state", "own-state-path"])
def test_a_second_crawl_of_the_same_archive_refuses(
    tmp_path: Path, fresh_replica: Replica, record_fault: Callable[..., None], own_state: bool
) -> None:
    slow = _command(
        fresh_replica, tmp_path / "archive", "DOWNLOAD_DELAY=0.05", "CONCURRENT_REQUESTS=1"
    )
    first = subprocess.Popen(slow, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while not list((tmp_path / "archive").rglob("article.json")):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    elsewhere = [f"DEDUP_STATE_PATH={tmp_path / 'other' / 'dedup.sqlite3'}"] if own_state else []
    second = subprocess.run(
        _command(fresh_replica, tmp_path / "archive", *elsewhere),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert second.returncode == 2
    last_line = second.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"mfa: not crawling {tmp_path / 'archive'}")
    assert "another crawl holds it (pid" in second.stderr and "Traceback" not in second.stderr
    assert first.wait(timeout=120) == 0
    final = audit_local(tmp_path / "archive")
    assert final.errors == [] and final.duplicates == 0
    label = ", own DEDUP_STATE_PATH," if own_state else ""
    record_fault(
        f"a second crawl of one archive at once{label} (refused)",
        1,
        ARTICLES,
        final.articles,
        len(final.errors),
    )
    assert final.articles == ARTICLES


def test_the_crawl_opens_no_listening_port(tmp_path: Path, fresh_replica: Replica) -> None:
    crawl = subprocess.Popen(
        _command(
            fresh_replica, tmp_path / "archive", "DOWNLOAD_DELAY=0.05", "CONCURRENT_REQUESTS=1"
        ),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not list((tmp_path / "archive").rglob("article.json")):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert _listening_sockets(crawl.pid) == set()
    finally:
        output = crawl.communicate(timeout=120)[0].decode()
    assert "RemoteControl" not in output and "TelnetConsole" not in output


def _listening_sockets(pid: int) -> set[int]:
    """Inodes of TCP sockets in LISTEN state that the process holds (from /proc)."""
    held = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = str(fd.readlink())
        if target.startswith("socket:["):
            held.add(int(target[8:-1]))
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A":  # TCP_LISTEN
                listening.add(int(fields[9]))
    return held & listening


def test_nothing_archived_from_a_site_with_articles_fails_the_run(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    for page in fresh_replica.pages():  # the site answers its error page everywhere
        fresh_replica.control("break", path=page["path"], mode="error")
    result = run_crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}")
    assert result.returncode == 1
    problems = result.summary["problems"]
    assert any(p.startswith("nothing archived from 127.0.0.1:") for p in problems), problems
    assert f"Run summary: FAILED: {problems[0]}" in result.log


def test_too_many_quarantined_pages_fail_the_run(tmp_path: Path, fresh_replica: Replica) -> None:
    for path in ("/th/content/presscon100265", "/en/content/55pmc-2", "/en/page/legalisation"):
        fresh_replica.control("break", path=path, mode="error")
    strict = {"HEALTH_MAX_QUARANTINE_RATE": "0.05", "HEALTH_MIN_COUNT": "3"}
    result = run_crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", settings=strict)
    assert result.returncode == 1
    assert any("article pages quarantined" in p for p in result.summary["problems"])
    healthy = run_crawl(tmp_path / "defaults", f"start_urls={fresh_replica.listing_urls()}")
    assert healthy.returncode == 0  # 4 of 59 is under the default threshold (25%)
