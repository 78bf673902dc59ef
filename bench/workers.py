"""The ``workers`` scenario: one plain process, then 1, 2 and 4 workers of one crawl on
Redis (scrapy-redis), at the same per-worker concurrency."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.measure import Measure, timed
from bench.run import EXTRA, Bench, _measure
from tests.conftest import REPO


def _cpu_seconds(pid: int) -> float:
    """A running process's CPU time so far (user and system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


WORKER = {"CONCURRENT_REQUESTS": "8", "CONCURRENT_REQUESTS_PER_DOMAIN": "8"}
"""Each worker's concurrency: a worker holding 64 requests keeps answers waiting for its
one core that another worker could process (and the listing pages behind them)."""


def workers(bench: Bench) -> list[Measure]:
    """One plain process, then 1, 2 and 4 workers on one Redis crawling one archive
    together (the same command each, ``-s REDIS_URL=...``), all at the workers'
    concurrency; the CPU column counts the workers and redis-server."""
    from tests.redisserver import start_redis

    rows = [bench.crawl("1 plain process, 8 concurrent", str(bench.workdir / "plain-8"),
                        settings={**WORKER, **EXTRA})]  # fmt: skip
    server = start_redis(bench.workdir / "redis")
    assert server.process is not None
    try:
        for count in (1, 2, 4):
            server.flush()
            archive = str(bench.workdir / f"workers-{count}")
            summary = bench.workdir / f"workers-{count}.json"
            settings = {"REDIS_URL": server.url, **WORKER, **EXTRA}
            commands = [bench._crawl_command(archive, bench.starts(), summary, [], settings)
                        for _ in range(count)]  # fmt: skip
            redis_cpu = _cpu_seconds(server.process.pid)
            started = time.monotonic()
            runs = timed(commands, REPO, dict(os.environ))
            seconds = time.monotonic() - started
            cpu = sum(run.cpu_seconds for run in runs)
            cpu += _cpu_seconds(server.process.pid) - redis_cpu
            rss = max(run.peak_rss_mb for run in runs)
            name = f"{count} worker{'s' if count > 1 else ''} on Redis, 8 concurrent each"
            rows.append(_measure(name, seconds, cpu, rss, [summary]))
    finally:
        server.stop()
    return rows
