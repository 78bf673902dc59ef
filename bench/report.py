"""The ``report`` scenario: ``scrapy report`` of the full crawl's archive (a page per
article, the site pages, the index and its charts): articles per second, CPU and peak
RSS, which hold a short row per article (the pages are written as the archive is read)."""

from __future__ import annotations

from collections.abc import Callable

from bench.export import on_full_archive
from bench.harness import Bench
from bench.measure import Measure

NAME = "report (static HTML)"


def report(bench: Bench, full: Callable[[Bench], list[Measure]]) -> list[Measure]:
    """Report the full crawl's archive."""
    out = bench.workdir / "report"
    _command, run = on_full_archive(bench, full, "report", out)
    pages = sum(1 for _ in (out / "a").iterdir())
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return [Measure(NAME, pages, run.seconds, run.cpu_seconds, run.peak_rss_mb, 0, {"bytes": size})]
