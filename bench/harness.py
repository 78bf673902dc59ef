"""What every scenario of the benchmark shares: the generated site served on 127.0.0.1,
the work directory, the settings every crawl gets (the bare spider's too), and a crawl
as a ``scrapy crawl`` process measured under ``/usr/bin/time -v``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import Measure, timed
from bench.site import build
from tests.conftest import REPO
from tests.support.harness import wait_for_ready_line
from tests.support.processes import stop

EXTRA = json.loads(os.environ.get("BENCH_WORKER_SETTINGS", "{}"))
LISTINGS = ("th/content-category/ข่าวเด่น", "en/content-category/press-release")
SAME_SETTINGS = {
    "CONCURRENT_REQUESTS": "64",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "64",
    "CONCURRENT_ITEMS": "16",
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "ROBOTSTXT_OBEY": "True",
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": "False",
    "REMOTE_CONTROL_ENABLED": "False",
}


class Bench:
    """The site server and the work directory of one size."""

    def __init__(self, size: int, workdir: Path, rounds: int = 1) -> None:
        self.size, self.workdir, self.rounds = size, workdir, rounds
        self.site = build(size)
        self.server = subprocess.Popen(
            [sys.executable, "-m", "bench.server", str(self.site)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = wait_for_ready_line(self.server)
        self.results: dict[str, Measure] = {}

    def close(self) -> None:
        stop(self.server)

    def starts(self, *listings: str) -> str:
        return ",".join(f"{self.url}/{path}" for path in listings or LISTINGS)

    def bare(self) -> Measure:
        count = self.workdir / "bare-count"
        spider = str(REPO / "bench" / "bare_spider.py")
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "runspider",
            spider,
            "-a",
            f"start_urls={self.starts()}",
            "-a",
            f"count_file={count}",
        ]
        for name, value in SAME_SETTINGS.items():
            command += ["-s", f"{name}={value}"]
        [run] = timed([command], self.workdir, dict(os.environ))
        return Measure(
            "bare scrapy", int(count.read_text()), run.seconds, run.cpu_seconds, run.peak_rss_mb
        )

    def crawl_command(
        self, archive: str, starts: str, summary: Path, args: list[str], settings: dict[str, str]
    ) -> list[str]:
        command = [sys.executable, "-m", "scrapy", "crawl", "mfa", "-a", f"start_urls={starts}"]
        for arg in args:
            command += ["-a", arg]
        merged = {
            **SAME_SETTINGS,
            "ARCHIVE_URI": archive,
            "SUMMARY_PATH": str(summary),
            "STATE_DIR": str(self.workdir / "state"),
            "MEDIA_ENABLED": "False",  # the site's pictures name the real image host
            **settings,
        }
        for key, value in merged.items():
            command += ["-s", f"{key}={value}"]
        return command

    def crawl(
        self,
        name: str,
        archive: str,
        *args: str,
        env: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
    ) -> Measure:
        summary = self.workdir / f"summary-{time.monotonic_ns()}.json"
        command = self.crawl_command(archive, self.starts(), summary, list(args), settings or {})
        [run] = timed([command], REPO, {**os.environ, **(env or {})})
        return measure_of(name, run.seconds, run.cpu_seconds, run.peak_rss_mb, [summary])


def measure_of(name: str, seconds: float, cpu: float, rss: float, summaries: list[Path]) -> Measure:
    data = [json.loads(path.read_text("utf-8")) for path in summaries]
    articles = sum(d["revisits"]["article_pages_fetched"] for d in data)
    requests = sum(d["requests"] for d in data)
    totals = {key: sum(d["totals"][key] for d in data) for key in data[0]["totals"]}
    unhealthy = "; ".join(problem for d in data for problem in d["problems"])
    extra = {"totals": totals, "walks": [d.get("walk") for d in data], "unhealthy": unhealthy}
    return Measure(name, articles, seconds, cpu, rss, requests, extra)
