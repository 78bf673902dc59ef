"""``python -m bench [--sizes 10000,100000] [--only NAME,...]``: the benchmark table.

Every crawl is a real ``scrapy crawl`` (or ``scrapy runspider``) process under
``/usr/bin/time -v``, against the generated replica served on 127.0.0.1 by
``bench.server``, with the same settings for all (concurrency 64, no AutoThrottle,
no delay, robots.txt obeyed).  Measured: wall time, articles per second, CPU
milliseconds per article, peak RSS.  The table is printed and written as JSON to
``bench/results/latest.json`` (with the commit), so figures compare across commits.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.site import build
from tests.conftest import REPO
from tests.e2e.harness import stop, wait_for_ready_line
from tests.s3server import S3Server, start_moto, stop_s3

RESULTS = Path(__file__).parent / "results"
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


@dataclass
class Measure:
    """One crawl process, measured."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    requests: int = 0
    extra: dict[str, Any] | None = None

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


def _timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, float, float, float]:
    """Run under /usr/bin/time -v: (output, wall s, cpu s, peak RSS MB)."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command], cwd=cwd, env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    report = result.stderr
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{command[:4]} failed ({result.returncode}):\n{report[-3000:]}")
    wall = _field(report, r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    cpu = float(_field(report, r"User time \(seconds\): ([\d.]+)")) + float(
        _field(report, r"System time \(seconds\): ([\d.]+)")
    )
    rss = float(_field(report, r"Maximum resident set size \(kbytes\): (\d+)")) / 1024
    return result.stdout + report, seconds, cpu, rss


def _field(report: str, pattern: str) -> str:
    match = re.search(pattern, report)
    if match is None:
        raise RuntimeError(f"no {pattern!r} in:\n{report[-2000:]}")
    return match.group(1)


class Bench:
    """The servers and work directories of one benchmark run."""

    def __init__(self, size: int, workdir: Path) -> None:
        self.size, self.workdir = size, workdir
        self.site = build(size)
        self.server = subprocess.Popen(
            [sys.executable, "-m", "bench.server", str(self.site)], cwd=REPO,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.url = wait_for_ready_line(self.server)
        self.starts = ",".join(
            f"{self.url}/{path}"
            for path in ("th/content-category/ข่าวเด่น", "en/content-category/press-releases")
        )

    def close(self) -> None:
        stop(self.server)

    def bare(self) -> Measure:
        count = self.workdir / "bare-count"
        spider = str(REPO / "bench" / "bare_spider.py")
        command = [sys.executable, "-m", "scrapy", "runspider", spider,
                   "-a", f"start_urls={self.starts}", "-a", f"count_file={count}"]  # fmt: skip
        for name, value in SAME_SETTINGS.items():
            command += ["-s", f"{name}={value}"]
        _out, seconds, cpu, rss = _timed(command, self.workdir, dict(os.environ))
        return Measure("bare scrapy", int(count.read_text()), seconds, cpu, rss)

    def crawl(
        self, name: str, archive_uri: str, *args: str, env: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
    ) -> Measure:  # fmt: skip
        summary = self.workdir / f"summary-{time.monotonic_ns()}.json"
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "mfa",
            "-a",
            f"start_urls={self.starts}",
        ]
        for arg in args:
            command += ["-a", arg]
        merged = {**SAME_SETTINGS, "ARCHIVE_URI": archive_uri, "SUMMARY_PATH": str(summary),
                  "STATE_DIR": str(self.workdir / "state"), **(settings or {})}  # fmt: skip
        for key, value in merged.items():
            command += ["-s", f"{key}={value}"]
        _out, seconds, cpu, rss = _timed(command, REPO, {**os.environ, **(env or {})})
        data = json.loads(summary.read_text("utf-8"))
        totals = data["totals"]
        articles = data["articles_seen"] + totals["quarantined"]
        return Measure(name, articles, seconds, cpu, rss, data["pages_fetched"], {"totals": totals})


def storage_side_by_side(bench: Bench) -> list[Measure]:
    """The full crawl into local disk and into the S3 server, one after the other."""
    local = bench.crawl("full pipeline -> local disk", str(bench.workdir / "local"))
    s3: S3Server = start_moto()
    try:
        bucket = s3.new_bucket()
        remote = bench.crawl(
            "full pipeline -> S3 (moto_server)", f"s3://{bucket}/archive", env=s3.env,
            settings={"S3_ADDRESSING_STYLE": "path"},
        )  # fmt: skip
    finally:
        stop_s3(s3)
    return [local, remote]


SCENARIOS: dict[str, Callable[[Bench], list[Measure]]] = {
    "bare": lambda bench: [bench.bare()],
    "storage": storage_side_by_side,
}


def table(rows: list[tuple[int, Measure]]) -> str:
    head = (
        f"{'articles':>8}  {'run':<36} {'art/s':>8} {'cpu ms/art':>10} {'wall s':>7} {'RSS MB':>7}"
    )
    lines = [head, "-" * len(head)]
    for size, m in rows:
        lines.append(
            f"{size:>8}  {m.name:<36} {m.rate:>8.0f} {m.cpu_ms_per_article:>10.2f} "
            f"{m.seconds:>7.1f} {m.peak_rss_mb:>7.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--only", default=",".join(SCENARIOS))
    args = parser.parse_args(argv)
    rows: list[tuple[int, Measure]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="mfa-bench-") as tmp:
            bench = Bench(size, Path(tmp))
            try:
                for name in args.only.split(","):
                    rows += [(size, m) for m in SCENARIOS[name](bench)]
            finally:
                bench.close()
    print(table(rows))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True, check=False).stdout.strip()  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    data = {"commit": commit, "rows": [{"size": s, **asdict(m), "rate": m.rate,
            "cpu_ms_per_article": m.cpu_ms_per_article} for s, m in rows]}  # fmt: skip
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
