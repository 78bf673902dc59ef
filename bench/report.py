"""The ``report`` scenario: ``scrapy report`` of the full crawl's archive (a page per
article, the site pages, the index and its charts): articles per second, CPU and peak
RSS, which hold a short row per article (the pages are written as the archive is read)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from bench.measure import Measure, timed
from tests.conftest import REPO

if TYPE_CHECKING:
    from bench.run import Bench

NAME = "report (static HTML)"


def report(bench: Bench, full: Callable[[Bench], list[Measure]]) -> list[Measure]:
    """Report ``bench.workdir / 'local'`` (crawled by ``full`` first if missing)."""
    archive = bench.workdir / "local"
    if not archive.exists():
        full(bench)
    out = bench.workdir / "report"
    command = [sys.executable, "-m", "scrapy", "report", str(out), "-s", f"ARCHIVE_URI={archive}"]
    [run] = timed([command], REPO, dict(os.environ))
    pages = sum(1 for _ in (out / "a").iterdir())
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return [Measure(NAME, pages, run.seconds, run.cpu_seconds, run.peak_rss_mb, 0,
                    {"bytes": size})]  # fmt: skip
