"""``python -m bench [--sizes 10000,100000] [--only bare,full,...]``: the benchmark table.

Every crawl is a real ``scrapy crawl`` (or ``scrapy runspider``) process under
``/usr/bin/time -v``, against the generated replica served on 127.0.0.1 by
``bench.server``, with the same settings for all (concurrency 64, no AutoThrottle, no
delay, robots.txt obeyed).  Scenarios, per size:

- ``bare``: the bare Scrapy spider (the baseline);
- ``full``: the crawler with every pipeline into local disk, WARC output off;
- ``warc``: the same with WARC output (the default: its cost, and the WARC bytes per
  page); the other scenarios run with the defaults, WARC output on;
- ``recrawl``: after ``warc``, a full re-crawl of the unchanged site into the same
  archive: the WARC bytes per page it adds (revisits of the first crawl's captures);
- ``incremental``: after ``full``, an incremental run of the unchanged site, then one
  after 1% of the articles (the most recent) were updated -- were they all caught?
- ``media``: the full crawl with media capture on, the pictures and files (originals of
  40-160 kB) served by the bench server: files, bytes, requests and time per article;
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
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.aims import missed
from bench.export import export
from bench.harness import Bench
from bench.measure import Measure, table
from bench.ratios import ratios
from bench.report import report
from bench.scenarios import full, incremental, media, recrawl, s3, two, warc
from bench.workers import workers
from tests.conftest import REPO

RESULTS = Path(__file__).parent / "results"


SCENARIOS: dict[str, Callable[[Bench], list[Measure]]] = {
    "bare": lambda bench: [bench.bare()],
    "full": full,
    "warc": warc,
    "recrawl": recrawl,
    "media": media,
    "incremental": incremental,
    "s3": s3,
    "two": two,
    "workers": workers,
    "export": lambda bench: export(bench, full),
    "report": lambda bench: report(bench, full),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--only", default="bare,full,incremental,s3,two,workers,export")
    parser.add_argument("--large-only", default="bare,full,export", help="scenarios above 10,000")
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
    print(
        "\n".join(["", "aims missed:", *(f"  {line}" for line in misses)])
        if misses
        else "\naims met (behaviour: walks complete, incremental <= 5% of requests, every update"
        " caught)"
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    RESULTS.mkdir(exist_ok=True)
    data = {
        "commit": commit,
        "ratios": derived,
        "aims_missed": misses,
        "rows": [
            {"size": s, **asdict(m), "rate": m.rate, "cpu_ms_per_article": m.cpu_ms_per_article}
            for s, m in rows
        ],
    }
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
