"""The ``workers`` scenario: one plain process (at the full crawl's concurrency and at a
worker's), two plain processes splitting the site (one listing each: what two processes
do with no coordination at all), then 1, 2 and 4 workers of one crawl on Redis
(scrapy-redis), in rounds.

This machine's speed drifts by 10-20% from one crawl to the next (the same crawl twice:
130 and 159 articles/s), more than some of the differences measured, so every
configuration runs once per round, in an order rotated each round, and the row shown
is its median round (``--rounds``); every round's rate is kept in the JSON results.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.harness import EXTRA, Bench, measure_of
from bench.measure import Measure, timed
from bench.ratios import TWO
from bench.scenarios import two
from tests.conftest import REPO
from tests.support.redisserver import RedisServer


def _cpu_seconds(pid: int) -> float:
    """A running process's CPU time so far (user and system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


WORKER = {"CONCURRENT_REQUESTS": "8", "CONCURRENT_REQUESTS_PER_DOMAIN": "8"}
"""Each worker's concurrency: a worker holding 64 requests keeps answers waiting for its
one core that another worker could process (and the listing pages behind them)."""
PLAIN = "1 plain process, 64 concurrent"
CONFIGS: tuple[tuple[str, int, dict[str, str]], ...] = (
    (PLAIN, 0, {}),
    (TWO, -1, {}),
    ("1 plain process, 8 concurrent", 0, WORKER),
    ("1 worker on Redis, 8 concurrent each", 1, WORKER),
    ("2 workers on Redis, 8 concurrent each", 2, WORKER),
    ("4 workers on Redis, 8 concurrent each", 4, WORKER),
)


def _run(
    bench: Bench, server: RedisServer, name: str, count: int, settings: dict[str, str], tag: str
) -> Measure:
    """One configuration once: ``count`` workers (0: a plain process; -1: two plain
    processes, one listing each: the work split with no coordination at all) at once."""
    assert server.process is not None
    if count < 0:
        [measure] = two(bench, tag)
        return measure
    server.flush()
    archive = str(bench.workdir / f"workers-{tag}")
    summary = bench.workdir / f"workers-{tag}.json"  # one path for all: the run's is left
    settings = {**settings, **EXTRA, **({"REDIS_URL": server.url} if count else {})}
    commands = [
        bench.crawl_command(archive, bench.starts(), summary, [], settings)
        for _ in range(max(count, 1))
    ]
    redis_cpu = _cpu_seconds(server.process.pid)
    started = time.monotonic()
    runs = timed(commands, REPO, dict(os.environ))
    seconds = time.monotonic() - started
    cpu = sum(run.cpu_seconds for run in runs) + _cpu_seconds(server.process.pid) - redis_cpu
    return measure_of(name, seconds, cpu, max(run.peak_rss_mb for run in runs), [summary])


def workers(bench: Bench) -> list[Measure]:
    """Every configuration once per round, in a rotated order; each one's median round.
    The CPU column counts the workers and redis-server."""
    from tests.support.redisserver import start_redis

    server = start_redis(bench.workdir / "redis")
    rounds: dict[str, list[Measure]] = {name: [] for name, _, _ in CONFIGS}
    try:
        for number in range(bench.rounds):
            shift = number % len(CONFIGS)
            for name, count, settings in CONFIGS[shift:] + CONFIGS[:shift]:
                tag = f"{count}-{len(settings)}-{number}"
                rounds[name].append(_run(bench, server, name, count, settings, tag))
    finally:
        server.stop()
    rows = []
    for measures in rounds.values():
        ranked = sorted(measures, key=lambda m: m.rate)
        median = ranked[len(ranked) // 2]
        median.extra["rounds"] = [round(m.rate, 1) for m in measures]
        rows.append(median)
    return rows
