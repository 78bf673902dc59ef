"""Several workers on one crawl (scrapy-redis), as processes against the replica and a
real redis-server: every article fetched once, every version stored once, the archive
the same as a one-process crawl's, one run report for the whole crawl."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.operations import history
from crawler.storage.local import LocalStorage
from tests.conftest import REPO, SHARED
from tests.crawling import crawl_settings
from tests.e2e.harness import Replica, run_crawl

pytestmark = [pytest.mark.process, pytest.mark.redis]
ARTICLES = 58


def start_worker(workdir: Path, archive: Path, start: str, redis_url: str,
                 name: str, **extra: str) -> subprocess.Popen[str]:  # fmt: skip
    settings = crawl_settings(workdir, {
        "ARCHIVE_URI": str(archive), "REDIS_URL": redis_url, "REDIS_LEASE_TTL": "3",
        "SPOOL_DIR": str(workdir / f"spool-{name}"), "LOG_FILE": str(workdir / f"{name}.log"),
        **extra,
    })  # fmt: skip
    command = [sys.executable, "-m", "scrapy", "crawl", "mfa", "-a", start]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    env = {**os.environ, "MFA_SHARED_DIR": str(SHARED)}
    return subprocess.Popen(command, cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip


def archive_files(root: Path) -> dict[str, str]:
    """Every file of the archive's articles, by path: the digest of its bytes (of a JSON
    file's without its fetch times, the one thing two crawls cannot share)."""
    files = {}
    for path in sorted((root / "articles").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".json":
                data = re.sub(rb'"fetched_at": *"[^"]*"', b"", data)
            files[str(path.relative_to(root))] = hashlib.sha256(data).hexdigest()
    return files


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_share_one_crawl_and_leave_the_archive_one_process_would(
    tmp_path: Path, fresh_replica: Replica, redis_url: str, workers: int
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    single = run_crawl(tmp_path / "single", start)
    assert single.returncode == 0
    fetched_alone = fresh_replica.control("fetched")
    fresh_replica.control("reset")
    fresh_replica.control("pace", seconds="0.02")  # the work must be spread to be shared

    archive = tmp_path / "shared"
    processes = [start_worker(tmp_path, archive, start, redis_url, f"w{n}")
                 for n in range(workers)]  # fmt: skip
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    logs = [(tmp_path / f"w{n}.log").read_text("utf-8") for n in range(workers)]
    assert [p.returncode for p in processes] == [0] * workers, (outputs, logs)
    fetched = fresh_replica.control("fetched")
    assert fetched.keys() == fetched_alone.keys()  # the same pages...
    assert set(fetched.values()) == {1}, "a page was fetched twice"  # ...each once

    parts = [re.search(r"this worker's part is done \((\d+) new", log) for log in logs]
    shares = sorted(int(part.group(1)) for part in parts if part)
    assert len(shares) == workers - 1 and all(shares), f"the work was not shared: {shares}"
    [report] = history.reports(LocalStorage(archive))  # one report for the whole crawl
    assert report.sites[report.scope["sites"][0]]["new"] == ARTICLES and report.healthy
    alone = archive_files(tmp_path / "single" / "archive")
    assert len(alone) == 4 * ARTICLES  # page, text, record and latest pointer
    assert archive_files(archive) == alone  # same keys, same bytes
