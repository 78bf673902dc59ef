"""Crawls in this process: Scrapy's crawler in the test session's own reactor.

pytest-twisted runs the asyncio reactor for the whole session (``--reactor=asyncio`` in
the project's pytest options) and every test inside it, so a test that crawls is a
coroutine (``@pytest_twisted.ensureDeferred``) awaiting :func:`crawl`.  A crawl here
is what ``scrapy crawl mfa`` runs, with the project's settings, its spider, pipelines
and extensions; the command's own part -- the archive lock and the exit status it
returns -- is read from the run's stats here, and tested as a process where it
matters (``tests/support/harness.py``).
"""

from __future__ import annotations

import json
import logging
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerRunner

from crawler.spiders.mfa import MfaSpider
from tests.support.project import project_settings

FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "LOG_LEVEL": "INFO",
    "MEDIA_ENABLED": "False",  # the replica's pictures are on the real image host
}
_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"


@dataclass
class CrawlResult:
    """What a crawl left: its exit status, its log, and its JSON run summary."""

    returncode: int
    log: str
    summary: dict[str, Any]

    @property
    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = self.summary["totals"]
        return totals


class _Log(logging.Handler):
    """The crawl's log records, formatted as Scrapy writes them."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter(_FORMAT))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def crawl_settings(workdir: Path, settings: dict[str, str] | None = None) -> dict[str, str]:
    """The settings of a test crawl into ``workdir/archive`` (unless ARCHIVE_URI is given),
    fast (no politeness delays) and writing its summary as JSON."""
    summary = workdir / f"summary-{time.monotonic_ns()}.json"
    return {
        "ARCHIVE_URI": str(workdir / "archive"),
        "SUMMARY_PATH": str(summary),
        **FAST,
        **(settings or {}),
    }


async def crawl(
    workdir: Path, *spider_args: str, settings: dict[str, str] | None = None
) -> CrawlResult:
    """``scrapy crawl mfa -a <spider_args> -s <settings>``, in this process."""
    merged = crawl_settings(workdir, settings)
    workdir.mkdir(parents=True, exist_ok=True)
    arguments = dict(argument.split("=", 1) for argument in spider_args)
    crawler = CrawlerRunner(project_settings(**merged)).create_crawler(MfaSpider)
    log, root = _Log(), logging.getLogger()
    level = root.level
    root.addHandler(log)
    root.setLevel(merged.get("LOG_LEVEL", "INFO"))  # what Scrapy's handler would print
    returncode = 0
    try:
        await crawler.crawl(**arguments)
    except Exception:  # the spider could not start: `scrapy crawl` exits with 1
        log.lines.append(traceback.format_exc())
        returncode = 1
    finally:
        root.removeHandler(log)
        root.setLevel(level)
    if returncode == 0 and crawler.stats is not None:
        returncode = int(crawler.stats.get_value("archive/exit_status", 0))
    path = Path(merged["SUMMARY_PATH"])
    summary = json.loads(path.read_text("utf-8")) if path.exists() else {}
    return CrawlResult(returncode, "\n".join(log.lines), summary)
