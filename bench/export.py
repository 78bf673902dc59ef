"""The ``export`` scenario: ``scrapy export`` of the full crawl's archive (both views,
JSONL and Parquet, with the card): rows per second, CPU and peak RSS, which must stay
flat from 10,000 to 100,000 articles (the export streams); then the ``pairs`` view
alone, which holds a small signature of every article while it pairs them."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from bench.harness import Bench
from bench.measure import Measure, Timing, timed
from tests.conftest import REPO

NAME = "export (2 views x JSONL + Parquet)"
PAIRS = "export --view pairs (JSONL)"


def on_full_archive(
    bench: Bench, full: Callable[[Bench], list[Measure]], name: str, out: Path
) -> tuple[list[str], Timing]:
    """``scrapy <name> OUT`` on ``bench.workdir / 'local'`` (crawled by ``full`` first
    if missing), timed: the command and its timing."""
    archive = bench.workdir / "local"
    if not archive.exists():
        full(bench)
    command = [sys.executable, "-m", "scrapy", name, str(out), "-s", f"ARCHIVE_URI={archive}"]
    [run] = timed([command], REPO, dict(os.environ))
    return command, run


def export(bench: Bench, full: Callable[[Bench], list[Measure]]) -> list[Measure]:
    """Export the full crawl's archive, both views, then the pairs view."""
    out = bench.workdir / "export"
    command, run = on_full_archive(bench, full, "export", out)
    with (out / "latest.jsonl").open("rb") as rows:
        articles = sum(1 for _ in rows)
    with (out / "versions.jsonl").open("rb") as rows:
        versions = sum(1 for _ in rows)
    extra = {"versions": versions, "bytes": {p.name: p.stat().st_size for p in out.iterdir()}}
    paired = bench.workdir / "export-pairs"
    pairs_command = [
        *command[:4],
        str(paired),
        "--view",
        "pairs",
        "--format",
        "jsonl",
        *command[5:],
    ]
    [pairing] = timed([pairs_command], REPO, dict(os.environ))
    with (paired / "pairs.jsonl").open("rb") as rows:
        found = {"pairs": sum(1 for _ in rows)}
    return [
        Measure(NAME, articles, run.seconds, run.cpu_seconds, run.peak_rss_mb, 0, extra),
        Measure(
            PAIRS, articles, pairing.seconds, pairing.cpu_seconds, pairing.peak_rss_mb, 0, found
        ),
    ]
