"""``python -m bench [--sizes 10000,100000] [--only bare,full,...]``: the benchmark table.

Every crawl is a real ``scrapy crawl`` (or ``scrapy runspider``) process under
``/usr/bin/time -v``, against the generated replica served on 127.0.0.1 by
``bench.server``, with the same settings for all (concurrency 64, no AutoThrottle, no
delay, robots.txt obeyed).  Scenarios, per size:

- ``bare``: the bare Scrapy spider (the baseline);
- ``full``: the crawler with every pipeline into local disk, WARC output off;
- ``warc``: the same with WARC output (the default: its cost, and the WARC bytes per
  page); the other scenarios run with the defaults, WARC output on;
- ``incremental``: after ``full``, an incremental run of the unchanged site, then one
  after 1% of the articles (the most recent) were updated -- were they all caught?
- ``s3``: the full crawl into the S3 server (moto) instead of local disk;
- ``two``: two crawler processes sharing the work (one listing each), at once;
- ``workers``: 1, 2 and 4 workers on one Redis (scrapy-redis), one crawl, one archive;
- ``export`` and ``report``: ``scrapy export`` and ``scrapy report`` of the full crawl's
  archive.

The table is printed with the ratios the aims name, then the behavioural aims missed
(:mod:`bench.aims`; the exit status is 1 if any), and written as JSON to
``bench/results/latest.json`` with the commit, so figures compare across commits.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.aims import missed
from bench.measure import Measure, table, timed
from bench.ratios import TWO, WARC_RUN, ratios
from bench.site import build
from tests.conftest import REPO
from tests.e2e.harness import wait_for_ready_line
from tests.processes import stop
from tests.s3server import start_moto, stop_s3

EXTRA = json.loads(os.environ.get("BENCH_WORKER_SETTINGS", "{}"))
RESULTS = Path(__file__).parent / "results"
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
            [sys.executable, "-m", "bench.server", str(self.site)], cwd=REPO,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.url = wait_for_ready_line(self.server)
        self.results: dict[str, Measure] = {}

    def close(self) -> None:
        stop(self.server)

    def starts(self, *listings: str) -> str:
        return ",".join(f"{self.url}/{path}" for path in listings or LISTINGS)

    def bare(self) -> Measure:
        count = self.workdir / "bare-count"
        spider = str(REPO / "bench" / "bare_spider.py")
        command = [sys.executable, "-m", "scrapy", "runspider", spider,
                   "-a", f"start_urls={self.starts()}", "-a", f"count_file={count}"]  # fmt: skip
        for name, value in SAME_SETTINGS.items():
            command += ["-s", f"{name}={value}"]
        [run] = timed([command], self.workdir, dict(os.environ))
        return Measure("bare scrapy", int(count.read_text()), run.seconds, run.cpu_seconds,
                       run.peak_rss_mb)  # fmt: skip

    def _crawl_command(self, archive: str, starts: str, summary: Path, args: list[str],
                       settings: dict[str, str]) -> list[str]:  # fmt: skip
        command = [sys.executable, "-m", "scrapy", "crawl", "mfa", "-a", f"start_urls={starts}"]
        for arg in args:
            command += ["-a", arg]
        merged = {**SAME_SETTINGS, "ARCHIVE_URI": archive, "SUMMARY_PATH": str(summary),
                  "STATE_DIR": str(self.workdir / "state"), **settings}  # fmt: skip
        for key, value in merged.items():
            command += ["-s", f"{key}={value}"]
        return command

    def crawl(
        self, name: str, archive: str, *args: str, env: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
    ) -> Measure:  # fmt: skip
        summary = self.workdir / f"summary-{time.monotonic_ns()}.json"
        command = self._crawl_command(archive, self.starts(), summary, list(args), settings or {})
        [run] = timed([command], REPO, {**os.environ, **(env or {})})
        return _measure(name, run.seconds, run.cpu_seconds, run.peak_rss_mb, [summary])


def _measure(name: str, seconds: float, cpu: float, rss: float, summaries: list[Path]) -> Measure:
    data = [json.loads(path.read_text("utf-8")) for path in summaries]
    articles = sum(d["revisits"]["article_pages_fetched"] for d in data)
    requests = sum(d["requests"] for d in data)
    totals = {key: sum(d["totals"][key] for d in data) for key in data[0]["totals"]}
    unhealthy = "; ".join(problem for d in data for problem in d["problems"])
    extra = {"totals": totals, "walks": [d.get("walk") for d in data], "unhealthy": unhealthy}
    return Measure(name, articles, seconds, cpu, rss, requests, extra)


def full(bench: Bench) -> list[Measure]:
    """The full crawl without WARC output: the baseline every run of the bench has had
    (WARC output, on by default since it was measured, is the ``warc`` scenario)."""
    return [bench.crawl("full pipeline -> local disk", str(bench.workdir / "local"),
                        settings={"WARC_ENABLED": "False"})]  # fmt: skip


def warc(bench: Bench) -> list[Measure]:
    """The full crawl again, writing WARC files too: what WARC output costs."""
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(bench.workdir / "warc-here")}
    measure = bench.crawl(WARC_RUN, str(bench.workdir / "warc"),
                          settings=settings)  # fmt: skip
    files = list((bench.workdir / "warc" / "warc").glob("*.warc.gz"))
    measure.extra["warc_bytes"] = sum(path.stat().st_size for path in files)
    return [measure]


def incremental(bench: Bench) -> list[Measure]:
    """Two incremental runs of the full crawl's archive: unchanged, then 1% updated."""
    archive = str(bench.workdir / "local")
    unchanged = bench.crawl("incremental, nothing changed", archive)
    count = max(1, bench.size // 100)
    request = urllib.request.Request(
        f"{bench.url}/_bench/update?count={count}&scope=recent", method="POST"
    )
    with urllib.request.urlopen(request, timeout=120) as answer:
        updated = len(json.load(answer))
    after = bench.crawl("incremental, 1% updated", archive)
    after.extra["updated_on_site"] = updated
    after.extra["caught"] = after.extra["totals"]["updated"] + after.extra["totals"]["changed"]
    return [unchanged, after]


def s3(bench: Bench) -> list[Measure]:
    server = start_moto()
    try:
        bucket = server.new_bucket()
        return [
            bench.crawl(
                "full pipeline -> S3 (moto_server)", f"s3://{bucket}/archive", env=server.env,
                settings={"S3_ADDRESSING_STYLE": "path"},
            )
        ]  # fmt: skip
    finally:
        stop_s3(server)


def two(bench: Bench, tag: str = "") -> list[Measure]:
    """Two processes, one listing each, at once; each its own archive."""
    commands, summaries = [], []
    for index, listing in enumerate(LISTINGS):
        summaries.append(bench.workdir / f"two{tag}-{index}.json")
        archive = str(bench.workdir / f"two{tag}-{index}")
        commands.append(bench._crawl_command(archive, bench.starts(listing), summaries[-1], [], {}))
    started = time.monotonic()
    runs = timed(commands, REPO, dict(os.environ))
    seconds = time.monotonic() - started
    cpu = sum(run.cpu_seconds for run in runs)
    rss = max(run.peak_rss_mb for run in runs)
    return [_measure(TWO, seconds, cpu, rss, summaries)]


def run_export(bench: Bench, crawl: Callable[[Bench], list[Measure]]) -> list[Measure]:
    from bench.export import export

    return export(bench, crawl)


def run_report(bench: Bench, crawl: Callable[[Bench], list[Measure]]) -> list[Measure]:
    from bench.report import report

    return report(bench, crawl)


def workers(bench: Bench) -> list[Measure]:
    from bench.workers import workers as run_workers  # it builds on this module

    return run_workers(bench)


SCENARIOS: dict[str, Callable[[Bench], list[Measure]]] = {
    "bare": lambda bench: [bench.bare()],
    "full": full,
    "warc": warc,
    "incremental": incremental,
    "s3": s3,
    "two": two,
    "workers": workers,
    "export": lambda bench: run_export(bench, full),
    "report": lambda bench: run_report(bench, full),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--only", default="bare,full,incremental,s3,two,workers,export")
    parser.add_argument("--large-only", default="bare,full,export",
                        help="scenarios above 10,000")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the workers scenario")
    args = parser.parse_args(argv)
    rows: list[tuple[int, Measure]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        names = args.only.split(",") if size <= 10_000 else args.large_only.split(",")
        with tempfile.TemporaryDirectory(prefix="mfa-bench-") as tmp:
            bench = Bench(size, Path(tmp), args.rounds)
            try:
                for name in names:
                    rows += [(size, m) for m in SCENARIOS[name](bench)]
                    print(table(rows[-1:]).splitlines()[-1], flush=True)
            finally:
                bench.close()
    derived = ratios(rows)
    print("\n".join([table(rows), "", *derived]))
    misses = missed(rows)
    print("\n".join(["", "aims missed:", *(f"  {line}" for line in misses)]) if misses else
          "\naims met (behaviour: walks complete, incremental <= 5% of requests, every update"
          " caught)")  # fmt: skip
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    data = {"commit": commit, "ratios": derived, "aims_missed": misses,
            "rows": [{"size": s, **asdict(m), "rate": m.rate,
                      "cpu_ms_per_article": m.cpu_ms_per_article} for s, m in rows]}  # fmt: skip
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
