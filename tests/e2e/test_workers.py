"""Several workers on one crawl (scrapy-redis), as processes against the replica and a
real redis-server: every article fetched once, every version stored once, the archive
the same as a one-process crawl's, one run report for the whole crawl."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.runs import history
from crawler.storage.local import LocalStorage
from tests.conftest import REPO, SHARED
from tests.e2e.conftest import ARTICLES
from tests.support.crashes import crashing
from tests.support.crawling import crawl_settings
from tests.support.harness import Replica, run_crawl
from tests.support.redisserver import RedisServer

pytestmark = [pytest.mark.process, pytest.mark.redis]


def start_worker(
    workdir: Path,
    archive: Path,
    start: str,
    redis_url: str,
    name: str,
    env: dict[str, str] | None = None,
    extra: dict[str, str] | None = None,
) -> subprocess.Popen[str]:
    settings = crawl_settings(
        workdir,
        {
            "ARCHIVE_URI": str(archive),
            "REDIS_URL": redis_url,
            "REDIS_LEASE_TTL": "3",
            "SPOOL_DIR": str(workdir / f"spool-{name}"),
            "LOG_FILE": str(workdir / f"{name}.log"),
            **(extra or {}),
        },
    )
    command = [sys.executable, "-m", "scrapy", "crawl", "mfa", "-a", start]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    environment = {**os.environ, "MFA_SHARED_DIR": str(SHARED), **(env or {})}
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=environment,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def archive_files(root: Path) -> dict[str, str]:
    """Every file of the archive's articles, by path: the digest of its bytes (of a JSON
    file's without its fetch times and WARC record, what two crawls cannot share)."""
    files = {}
    for path in sorted((root / "articles").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".json":
                data = re.sub(rb'"fetched_at": *"[^"]*"', b"", data)
                data = re.sub(rb'"warc_record": *(null|\{[^}]*\})', b"", data)
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
    fresh_replica.control("pace", seconds="0.05")  # the work must be spread to be shared

    archive = tmp_path / "shared"
    # three workers share one SUMMARY_PATH, as on one machine: the last one's is left there
    one_path = {"SUMMARY_PATH": str(tmp_path / "summary-all.json")} if workers == 3 else {}
    fresh_replica.control("gate", open="0")  # no page answered until every worker is up
    processes = [
        start_worker(tmp_path, archive, start, redis_url, f"w{n}", extra=one_path)
        for n in range(workers)
    ]
    _wait_for_logs(tmp_path, [f"w{n}" for n in range(workers)], "Spider opened")
    fresh_replica.control("gate", open="1")
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    logs = [(tmp_path / f"w{n}.log").read_text("utf-8") for n in range(workers)]
    assert [p.returncode for p in processes] == [0] * workers, (outputs, logs)
    fetched = fresh_replica.control("fetched")
    assert fetched.keys() == fetched_alone.keys()  # the same pages...
    assert set(fetched.values()) == {1}, "a page was fetched twice"  # ...each once

    parts = [re.search(r"its part is done \((\d+) new\)", log) for log in logs]
    shares = [int(part.group(1)) for part in parts if part]
    assert len(shares) == workers and sum(shares) == ARTICLES
    assert sum(1 for share in shares if share) >= 2, f"the work was not shared: {shares}"
    summaries = [json.loads(p.read_text("utf-8")) for p in tmp_path.glob("summary-*.json")]
    parts = [summary for summary in summaries if summary.get("worker_part")]
    if one_path:
        [summary] = summaries
        assert not parts and summary["totals"]["new"] == ARTICLES  # the run's, not a part
    else:
        assert len(summaries) == workers and len(parts) == workers - 1  # each says its own
    [report] = history.reports(LocalStorage(archive))  # one report for the whole crawl
    assert report.sites[report.scope["sites"][0]]["new"] == ARTICLES and report.healthy
    alone = archive_files(tmp_path / "single" / "archive")
    assert len(alone) == 4 * ARTICLES  # page, text, record and latest pointer
    assert archive_files(archive) == alone  # same keys, same bytes
    warc_files = {p.name for p in (archive / "warc").glob("*.warc.gz")}
    pointed = {
        json.loads(p.read_text("utf-8"))["warc_record"]["file"].removeprefix("warc/")
        for p in (archive / "articles").rglob("article.json")
    }
    assert pointed <= warc_files and 2 <= len(warc_files) <= workers  # per working worker


def _wait_for_logs(folder: Path, names: list[str], line: str, timeout: float = 120) -> None:
    """Until each worker's log holds ``line``: on a loaded machine one worker may take
    seconds longer to start, and the other would do the whole crawl alone meanwhile."""
    deadline = time.monotonic() + timeout
    for name in names:
        log = folder / f"{name}.log"
        while not (log.exists() and line in log.read_text("utf-8", "replace")):
            assert time.monotonic() < deadline, f"{name} did not log {line!r} in {timeout} s"
            time.sleep(0.05)


def _summaries(folder: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text("utf-8")) for p in folder.glob("summary-*.json")]


def _wait_for_fetches(replica: Replica, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while sum(replica.control("fetched").values()) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"fewer than {count} pages fetched in {timeout} s")
        time.sleep(0.05)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_a_worker_killed_or_stopped_mid_crawl_loses_nothing(
    tmp_path: Path,
    fresh_replica: Replica,
    redis_url: str,
    redis_server: RedisServer,
    how: signal.Signals,
) -> None:
    """Killed, its requests go back when its heartbeat stops (the survivor does it);
    stopped (Ctrl-C, SIGTERM), it gives them back itself as it leaves."""
    start = f"start_urls={fresh_replica.listing_urls()}"
    fresh_replica.control("pace", seconds="0.1")
    archive = tmp_path / "shared"
    doomed = start_worker(tmp_path, archive, start, redis_url, "doomed")
    survivor = start_worker(tmp_path, archive, start, redis_url, "survivor")
    _wait_for_fetches(fresh_replica, 20)
    client, deadline = redis_server.client(), time.monotonic() + 60
    while not any(client.hlen(key) for key in client.scan_iter(f"*:processing:*:{doomed.pid}")):
        assert time.monotonic() < deadline, "the doomed worker never took work"
        time.sleep(0.02)
    doomed.send_signal(how)  # with requests in hand
    doomed.wait(timeout=60)
    output = survivor.communicate(timeout=300)[0]
    log = (tmp_path / "survivor.log").read_text("utf-8")
    assert survivor.returncode in (0, 1), (output, log)
    if how == signal.SIGKILL:
        assert "are back on the queue" in log, log[-3000:]
    else:  # it gave back what it held (perhaps nothing: Scrapy lets downloads finish)
        assert "requests this worker held are back on the queue" in (
            tmp_path / "doomed.log"
        ).read_text("utf-8")
        [run] = [s for s in _summaries(tmp_path) if not s.get("worker_part")]
        assert run["finish_reason"] == "finished"  # the survivor did the rest
    records = list((archive / "articles").rglob("article.json"))
    assert len(records) == ARTICLES  # nothing lost: the survivor finished the work
    verify = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "verify",
            "-s",
            f"ARCHIVE_URI={archive}",
            "-s",
            f"REDIS_URL={redis_url}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr


def _killed_then_finished(tmp_path: Path, replica: Replica, redis_url: str, plan: str) -> str:
    """A worker alone, killed at ``plan`` (``tests/support/crashing``); then another that
    finishes the crawl, and must archive every article.  Its log."""
    start = f"start_urls={replica.listing_urls()}"
    archive = tmp_path / "shared"
    doomed = start_worker(tmp_path, archive, start, redis_url, "doomed", env=crashing(plan))
    doomed.communicate(timeout=300)
    assert doomed.returncode == -signal.SIGKILL
    survivor = start_worker(tmp_path, archive, start, redis_url, "survivor")
    output = survivor.communicate(timeout=300)[0]
    log = (tmp_path / "survivor.log").read_text("utf-8")
    assert survivor.returncode in (0, 1), (output, log[-3000:])
    records = list((archive / "articles").rglob("article.json"))
    assert len(records) == ARTICLES, log[-3000:]
    return log


def test_a_worker_killed_as_it_queues_what_a_listing_page_gave_loses_nothing(
    tmp_path: Path, fresh_replica: Replica, redis_url: str
) -> None:
    """Scrapy reads a callback's output ahead of scheduling it: the listing page's callback
    has ended (its cards marked requested) before its requests reach the queue.  A worker
    killed then -- here, alone, as it queues the first request of the first listing page
    it read, after the two start requests -- must not have acknowledged the page: the
    next worker reads it again, ignoring the marks, and fetches every article."""
    log = _killed_then_finished(tmp_path, fresh_replica, redis_url, "queued:3")
    assert "are back on the queue" in log, log[-3000:]


def test_a_worker_killed_as_it_pushes_the_start_requests_loses_nothing(
    tmp_path: Path, fresh_replica: Replica, redis_url: str
) -> None:
    """The worker that pushes the start requests dies after the first: another worker
    ran the spider's start too, and pushes them all."""
    log = _killed_then_finished(tmp_path, fresh_replica, redis_url, "queued:1")
    assert "the worker pushing the start requests died: this worker pushed them (2)" in log


def test_a_redis_restart_mid_crawl_fails_cleanly(
    tmp_path: Path, fresh_replica: Replica, redis_url: str, redis_server: RedisServer
) -> None:
    """Redis restarted without persistence has lost the queue, the dupefilter and the
    lease: the worker cannot go on, and says so -- exit status 1, no half-written file."""
    start = f"start_urls={fresh_replica.listing_urls()}"
    fresh_replica.control("pace", seconds="0.1")
    archive = tmp_path / "shared"
    worker = start_worker(tmp_path, archive, start, redis_url, "w")
    _wait_for_fetches(fresh_replica, 15)
    redis_server.restart()
    output = worker.communicate(timeout=300)[0]
    log = (tmp_path / "w.log").read_text("utf-8")
    assert worker.returncode == 1, (output, log[-5000:])
    for record in (archive / "articles").rglob("article.json"):  # a version is whole...
        assert {p.name for p in record.parent.iterdir()} == {
            "page.html",
            "article.txt",
            "article.json",
        }
    for pointer in (archive / "articles").rglob("latest.json"):  # ...where latest points
        version = json.loads(pointer.read_bytes())["version"]
        assert (archive / version / "article.json").is_file(), pointer
    assert "Run summary: FAILED" in log and "lease was lost" in log
