"""The crawl scenarios of the benchmark: the full crawl (with and without WARC output),
incremental runs, the full crawl into the S3 server, two processes sharing the site, the
full crawl with media capture."""

from __future__ import annotations

import json
import os
import time
import urllib.request

from bench.harness import LISTINGS, Bench, measure_of
from bench.measure import Measure, timed
from bench.ratios import MEDIA_RUN, RECRAWL_RUN, TWO, WARC_RUN
from tests.conftest import REPO
from tests.support.s3server import start_moto, stop_s3


def full(bench: Bench) -> list[Measure]:
    """The full crawl without WARC output: the baseline every run of the bench has had
    (WARC output, on by default since it was measured, is the ``warc`` scenario)."""
    return [
        bench.crawl(
            "full pipeline -> local disk",
            str(bench.workdir / "local"),
            settings={"WARC_ENABLED": "False"},
        )
    ]


def warc(bench: Bench) -> list[Measure]:
    """The full crawl again, writing WARC files too: what WARC output costs."""
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(bench.workdir / "warc-here")}
    measure = bench.crawl(WARC_RUN, str(bench.workdir / "warc"), settings=settings)
    files = list((bench.workdir / "warc" / "warc").glob("*.warc.gz"))
    measure.extra["warc_bytes"] = sum(path.stat().st_size for path in files)
    return [measure]


def recrawl(bench: Bench) -> list[Measure]:
    """After ``warc``, a full re-crawl of the unchanged site into the same archive: the
    WARC bytes it adds (revisit records of the first crawl's captures, no payloads)."""
    archive = bench.workdir / "warc"
    if not archive.exists():
        warc(bench)
    before = set((archive / "warc").glob("*.warc.gz"))
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(bench.workdir / "warc-here")}
    measure = bench.crawl(RECRAWL_RUN, str(archive), "mode=full", settings=settings)
    added = set((archive / "warc").glob("*.warc.gz")) - before
    measure.extra["warc_bytes"] = sum(path.stat().st_size for path in added)
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
                "full pipeline -> S3 (moto_server)",
                f"s3://{bucket}/archive",
                env=server.env,
                settings={"S3_ADDRESSING_STYLE": "path"},
            )
        ]
    finally:
        stop_s3(server)


def two(bench: Bench, tag: str = "") -> list[Measure]:
    """Two processes, one listing each, at once; each its own archive."""
    commands, summaries = [], []
    for index, listing in enumerate(LISTINGS):
        summaries.append(bench.workdir / f"two{tag}-{index}.json")
        archive = str(bench.workdir / f"two{tag}-{index}")
        commands.append(bench.crawl_command(archive, bench.starts(listing), summaries[-1], [], {}))
    started = time.monotonic()
    runs = timed(commands, REPO, dict(os.environ))
    seconds = time.monotonic() - started
    cpu = sum(run.cpu_seconds for run in runs)
    rss = max(run.peak_rss_mb for run in runs)
    return [measure_of(TWO, seconds, cpu, rss, summaries)]


def media(bench: Bench) -> list[Measure]:
    """The full crawl again with media capture on, the pictures and files served by the
    bench server (originals 40-160 kB): what capture costs in requests, bytes and time
    per article, beside the ``full`` row (no WARC output in either)."""
    with urllib.request.urlopen(_post(bench, "on=1"), timeout=30) as answer:
        json.load(answer)
    try:
        settings = {
            "WARC_ENABLED": "False",
            "MEDIA_ENABLED": "True",
            "MEDIA_HOSTS": "127.0.0.1",
            "MEDIA_DELAY": "0",
            "MEDIA_CONCURRENCY": "64",
        }
        measure = bench.crawl(MEDIA_RUN, str(bench.workdir / "media"), settings=settings)
    finally:
        with urllib.request.urlopen(_post(bench, "on=0"), timeout=30) as answer:
            served = json.load(answer)
    measure.extra["media_files"], measure.extra["media_bytes"] = served["files"], served["bytes"]
    return [measure]


def _post(bench: Bench, query: str) -> urllib.request.Request:
    return urllib.request.Request(f"{bench.url}/_bench/media?{query}", method="POST")
