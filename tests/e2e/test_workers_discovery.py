"""Discovery in a shared crawl: two workers on Redis crawl five sites of the replica
known by their host names only; the listings are found once, their walks and verdicts
kept in the shared state, every article archived once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_discovery import _archived, _held, _registry
from tests.e2e.test_workers import _wait_for_logs, start_worker
from tests.support.commands import run_command
from tests.support.harness import Platform

pytestmark = [pytest.mark.process, pytest.mark.redis]


def test_two_workers_discover_the_sites_once_and_share_what_they_found(
    tmp_path: Path, fresh_platform: Platform, redis_url: str
) -> None:
    registry = _registry(tmp_path, fresh_platform, sites=5)
    archive = tmp_path / "shared"
    extra = {"SITE_REGISTRY": str(registry), "SUMMARY_PATH": str(tmp_path / "summary.json")}
    fresh_platform.control(0, "pace", seconds="0.02")  # the work must be spread to be shared
    fresh_platform.control(0, "gate", open="0")  # nothing answered until both are up
    workers = [
        start_worker(tmp_path, archive, "site=all", redis_url, f"w{n}", extra=extra)
        for n in range(2)
    ]
    _wait_for_logs(tmp_path, ["w0", "w1"], "Spider opened")
    fresh_platform.control(0, "gate", open="1")
    outputs = [worker.communicate(timeout=300)[0] for worker in workers]
    logs = [(tmp_path / f"w{n}.log").read_text("utf-8") for n in range(2)]
    assert [w.returncode for w in workers] == [0, 0], (outputs, logs)
    held = fresh_platform.platform()["sites"][:5]
    archived = _archived(archive)
    for site in held:
        assert archived[site["host"]] == _held(site)
        for path, count in site["fetched"].items():  # each page once, the two together
            assert count == 1 or path == "/robots.txt", (site["host"], path, count)
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    found = summary["discovery"]
    assert len(found["listings_found"]) == sum(len(site["listings"]) for site in held)
    assert summary["walk"] == "complete"
    ran = run_command(
        "sites",
        "--json",
        ARCHIVE_URI=str(archive),
        SITE_REGISTRY=str(registry),
        REDIS_URL=redis_url,
    )
    assert ran.status == 0, ran.err
    for entry, site in zip(json.loads(ran.out)["sites"], held, strict=True):
        assert len(entry["listings"]) == len(site["listings"])
        assert entry["articles"] == len(_held(site))
