"""A crawl whose state is on Redis (``REDIS_URL``), as a process: the state and the
archive's lease live on a real redis-server, a second crawl is refused while the lease
is held, and a Redis that does not answer is one line, exit status 2."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from crawler.state.redis.connection import StateConnection
from crawler.state.redis.keys import Keys
from crawler.state.redis.lease import Lease
from tests.e2e.conftest import ARTICLES
from tests.support.harness import Replica, run_crawl
from tests.support.redisserver import RedisServer

pytestmark = [pytest.mark.process, pytest.mark.redis]


def test_the_state_lives_on_redis_and_the_next_run_reads_it(
    tmp_path: Path, fresh_replica: Replica, redis_url: str, redis_server: RedisServer
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    first = run_crawl(tmp_path, start, settings={"REDIS_URL": redis_url})
    assert first.returncode == 0, first.log[-3000:]
    assert first.totals["new"] == ARTICLES
    assert not (tmp_path / "archive" / ".state" / "dedup.sqlite3").exists()
    client = redis_server.client()
    keys = Keys.for_archive(str((tmp_path / "archive").resolve()))
    stored = {
        str(p.parent.relative_to(tmp_path / "archive"))
        for p in (tmp_path / "archive").rglob("article.json")
    }
    assert set(client.smembers(keys.version_keys)) == stored and len(stored) == ARTICLES
    assert client.get(keys.lease) is None  # released when the crawl ended
    second = run_crawl(tmp_path, start, settings={"REDIS_URL": redis_url})
    assert second.returncode == 0, second.log[-3000:]
    assert second.totals["new"] == 0 and second.summary["mode"] == "incremental"


def test_a_crawl_is_refused_while_another_holds_the_lease(
    tmp_path: Path, fresh_replica: Replica, redis_url: str
) -> None:
    keys = Keys.for_archive(str((tmp_path / "archive").resolve()))
    other = Lease(StateConnection.open(redis_url, keys).client, keys, "backfill-1", "elsewhere")
    other.acquire()
    try:
        result = run_crawl(
            tmp_path,
            f"start_urls={fresh_replica.listing_urls()}",
            settings={"REDIS_URL": redis_url},
        )
    finally:
        other.release()
    assert result.returncode == 2 and "Traceback" not in result.log
    assert "another crawl holds its Redis lease (crawl backfill-1)" in result.log
    assert not (tmp_path / "archive" / "articles").exists()


def test_a_redis_that_does_not_answer_is_one_line(tmp_path: Path, fresh_replica: Replica) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    result = run_crawl(
        tmp_path,
        f"start_urls={fresh_replica.listing_urls()}",
        settings={"REDIS_URL": f"redis://:s3cret@127.0.0.1:{closed}/0"},
    )
    assert result.returncode == 2 and "Traceback" not in result.log
    [line] = result.log.strip().splitlines()[-1:]
    assert line.startswith("mfa: not crawling") and f"127.0.0.1:{closed}" in line
    assert "s3cret" not in result.log
