"""``scrapy crawl mfa -s ARCHIVE_URI=s3://...`` on the replica, against a real S3 server.

The S3 server is moto's standalone server (or ``S3_TEST_ENDPOINT``), reached over HTTP;
outages and slowness are made by a TCP proxy in front of it, so the server keeps its
data through an outage as a real store does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.archive import Archive
from crawler.dedup_state import DedupState
from crawler.storage import open_storage
from tests.conftest import REPO
from tests.e2e.harness import FAST, Replica, run_crawl
from tests.s3server import FAKE_CREDENTIALS, S3Server, free_port
from tests.tcpproxy import TcpProxy

pytestmark = [pytest.mark.e2e, pytest.mark.s3]
ARTICLES = 58


def _objects(bucket: str, server: S3Server) -> dict[str, bytes]:
    storage = open_storage(f"s3://{bucket}/archive", {"addressing_style": "path"})
    return {key: storage.get(key) or b"" for key in storage.list("")}


def _s3_settings(bucket: str, workdir: Path, **extra: str) -> dict[str, str]:
    return {
        "ARCHIVE_URI": f"s3://{bucket}/archive",
        "S3_ADDRESSING_STYLE": "path",
        "STATE_DIR": str(workdir / "state"),
        **extra,
    }


@pytest.fixture
def proxy(s3_server: S3Server) -> Iterator[TcpProxy]:
    target = int(s3_server.endpoint.rsplit(":", 1)[1])
    tcp = TcpProxy(target, free_port())
    tcp.up()
    yield tcp
    tcp.close()


def _comparable(key: str, data: bytes) -> Any:
    """Bytes, except for the fetch time that differs between two crawls."""
    if key.endswith(("article.json", "latest.json", "reasons.json")):
        record = json.loads(data)
        record.pop("fetched_at", None)
        return record
    return data


def test_s3_archive_equals_the_local_archive(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    local = run_crawl(tmp_path / "local", start)
    bucket = s3_server.new_bucket()
    remote = run_crawl(tmp_path / "s3", start, settings=_s3_settings(bucket, tmp_path / "s3"))
    assert local.returncode == 0 and remote.returncode == 0, remote.log[-3000:]
    assert remote.totals == local.totals
    root = tmp_path / "local" / "archive"
    on_disk = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }
    in_bucket = _objects(bucket, s3_server)
    assert sorted(in_bucket) == sorted(on_disk)  # same keys
    for key, data in on_disk.items():  # same bytes (fetch times aside)
        assert _comparable(key, in_bucket[key]) == _comparable(key, data), key
    raw = s3_server.client()
    text_key = next(key for key in in_bucket if key.endswith("article.txt"))
    head = raw.head_object(  # type: ignore[attr-defined]
        Bucket=bucket, Key=f"archive/{text_key}", ChecksumMode="ENABLED"
    )
    assert head["ContentType"] == "text/plain; charset=utf-8" and head["ChecksumSHA256"]


def test_a_fresh_machine_does_not_store_everything_again(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.listing_urls()}"
    run_crawl(tmp_path / "one", start, settings=_s3_settings(bucket, tmp_path / "one"))
    other = run_crawl(
        tmp_path / "two", start, "mode=full", settings=_s3_settings(bucket, tmp_path / "two")
    )
    assert other.totals["new"] == 0 and other.totals["unchanged"] == ARTICLES
    assert "dedup state rebuilt from the archive: 58 versions" in other.log


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
    import os

    return subprocess.Popen(
        command, cwd=REPO, env={**os.environ, **env}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def _wait_for(condition: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _article_count(bucket: str, server: S3Server) -> int:
    return sum(1 for key in _objects(bucket, server) if key.endswith("article.json"))


def _assert_complete(bucket: str, server: S3Server, state_dir: Path) -> None:
    objects = _objects(bucket, server)
    assert sum(1 for key in objects if key.endswith("article.json")) == ARTICLES
    assert sum(1 for key in objects if key.endswith("reasons.json")) == 1
    for key in (k for k in objects if k.endswith("article.json")):  # nothing half-written
        folder = key.rsplit("/", 1)[0]
        assert f"{folder}/page.html" in objects and f"{folder}/article.txt" in objects
        json.loads(objects[key])
    storage = open_storage(f"s3://{bucket}/archive", {"addressing_style": "path"})
    in_store = {key for key, _ in Archive(storage).versions()}
    [state_file] = state_dir.rglob("dedup.sqlite3")
    state = DedupState(state_file)
    in_state = {row[0] for row in state._db.execute("SELECT version_key FROM versions")}
    assert in_state == in_store  # the state claims exactly what the store holds
    assert not any(p.name == "item.json" for p in state_dir.rglob("*"))  # spool empty


def test_the_store_going_down_mid_crawl_loses_nothing(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, proxy: TcpProxy
) -> None:
    bucket = s3_server.new_bucket()
    settings = _s3_settings(
        bucket, tmp_path, SPOOL_RETRY_SECONDS="0.5", S3_MAX_ATTEMPTS="2",
        DOWNLOAD_DELAY="0.1", CONCURRENT_REQUESTS_PER_DOMAIN="1",
    )  # fmt: skip
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{proxy.port}"}
    crawl = _crawl_process(tmp_path, fresh_replica, settings, env)
    _wait_for(lambda: _article_count(bucket, s3_server) >= 10)
    proxy.down()
    time.sleep(2)
    proxy.up()
    output, _ = crawl.communicate(timeout=300)
    assert crawl.returncode == 0, output[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["totals"]["spooled"] > 0, "the outage did not hit the crawl"
    assert summary["totals"]["flushed from the spool"] == summary["totals"]["spooled"]
    assert summary["totals"]["new"] == ARTICLES
    assert "store unavailable" in output and "Traceback" not in output
    _assert_complete(bucket, s3_server, tmp_path / "state")


def test_a_store_down_for_the_whole_run_is_flushed_by_the_next_run(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, proxy: TcpProxy
) -> None:
    bucket = s3_server.new_bucket()
    settings = _s3_settings(bucket, tmp_path, SPOOL_RETRY_SECONDS="0.5", S3_MAX_ATTEMPTS="2")
    env = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{proxy.port}"}
    start = f"start_urls={fresh_replica.listing_urls()}"
    proxy.down()
    first = run_crawl(tmp_path, start, settings=settings, env=env)
    assert first.returncode == 1
    assert first.totals["spooled"] == ARTICLES + 1 and first.totals["new"] == 0
    assert any("stay spooled" in problem for problem in first.summary["problems"])
    assert _article_count(bucket, s3_server) == 0
    proxy.up()
    second = run_crawl(tmp_path, start, "mode=full", settings=settings, env=env)
    assert second.returncode == 0, second.log[-3000:]
    assert second.totals["flushed from the spool"] == ARTICLES + 1
    assert second.totals["unchanged"] == ARTICLES  # the flush recorded them before the crawl
    _assert_complete(bucket, s3_server, tmp_path / "state")


def test_a_slow_store_still_gets_everything(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server, proxy: TcpProxy
) -> None:
    bucket = s3_server.new_bucket()
    proxy.delay = 0.05
    result = run_crawl(
        tmp_path, f"start_urls={fresh_replica.listing_urls()}",
        settings=_s3_settings(bucket, tmp_path), env={"AWS_ENDPOINT_URL": f"http://127.0.0.1:{proxy.port}"},
    )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert result.totals["spooled"] == 0
    _assert_complete(bucket, s3_server, tmp_path / "state")


def test_credentials_never_appear_in_logs_summaries_or_the_archive(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.url}/th/content/aseancanada2020"
    ok = run_crawl(
        tmp_path / "ok",
        start,
        settings={**_s3_settings(bucket, tmp_path / "ok"), "LOG_LEVEL": "DEBUG"},
    )
    failing = run_crawl(  # a bucket that does not exist: errors are logged, then spooled
        tmp_path / "bad", start,
        settings={**_s3_settings("no-such-bucket-mfa", tmp_path / "bad"), "LOG_LEVEL": "DEBUG"},
    )  # fmt: skip
    assert "NoSuchBucket" in failing.log
    texts = [ok.log, failing.log, json.dumps(ok.summary), json.dumps(failing.summary)]
    texts += [data.decode("utf-8", "replace") for data in _objects(bucket, s3_server).values()]
    texts += [
        p.read_text("utf-8", "replace")
        for p in tmp_path.rglob("*")
        if p.is_file() and p.suffix != ".sqlite3"
    ]
    for secret in FAKE_CREDENTIALS.values():
        assert all(secret not in text for text in texts)
