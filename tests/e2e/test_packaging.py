"""The crawler without its extras: every feature whose dependency is installed runs, and
one whose extra is missing says so in one line (exit 2) -- the crawl as a process in
which the extras' modules cannot be imported (``tests/withoutextras``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import ARTICLES
from tests.support.harness import Replica, run_crawl

pytestmark = pytest.mark.process
WITHOUT = {
    "PYTHONPATH": str(REPO / "tests" / "withoutextras"),
    "MFA_WITHOUT": "redis,scrapy_redis,pyarrow,pythainlp",
}
NEEDS = "REDIS_URL needs: pip install 'mfa-archive[redis]'"


def test_without_extras_a_crawl_archives_every_article(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    result = run_crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}", env=WITHOUT)
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["new"] == ARTICLES
    assert "No module named" not in result.log


def test_without_the_redis_extra_redis_url_is_one_line(tmp_path: Path) -> None:
    settings = {"REDIS_URL": "redis://127.0.0.1:1/0"}
    result = run_crawl(tmp_path, "start_urls=http://127.0.0.1:1/th", settings=settings, env=WITHOUT)
    assert result.returncode == 2 and NEEDS in result.log
    assert "Traceback" not in result.log
    verify = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "verify",
            "-s",
            "REDIS_URL=redis://127.0.0.1:1/0",
            "-s",
            f"ARCHIVE_URI={tmp_path / 'archive'}",
        ],
        cwd=REPO,
        env={**os.environ, **WITHOUT},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verify.returncode in (1, 2) and "Traceback" not in verify.stderr
