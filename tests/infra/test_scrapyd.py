"""scrapyd, for real: a scrapyd process from infra/scrapyd/scrapyd.conf, the project
deployed as an egg with scrapyd-client, ``mfa`` scheduled over the HTTP API, and the
archive and its run report found when the job is finished."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.runs import history
from crawler.storage.local import LocalStorage
from tests.conftest import REPO
from tests.support.harness import Replica
from tests.support.processes import stop
from tests.support.s3server import free_port

pytestmark = pytest.mark.process
PROJECT = "mfa_archive"
BIN = Path(sys.executable).parent


def _api(url: str, endpoint: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(f"{url}/{endpoint}", data=body, timeout=30) as answer:
        result: dict[str, Any] = json.load(answer)
        return result


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """A scrapyd process with the project's configuration, on a free loopback port."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    config = (REPO / "infra" / "scrapyd" / "scrapyd.conf").read_text("utf-8")
    port = free_port()
    (home / "scrapyd.conf").write_text(
        config.replace("http_port    = 6800", f"http_port    = {port}")
    )
    process = subprocess.Popen(
        [str(BIN / "scrapyd")],
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if _api(url, "daemonstatus.json")["status"] == "ok":
                break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "scrapyd did not start"
            time.sleep(0.2)
    yield url
    stop(process)


def _checkout(tmp_path: Path) -> Path:
    """What scrapyd-deploy packs: a copy, so that its build files stay out of the checkout."""
    copy = tmp_path / "checkout"
    for name in ("crawler", "schemas"):
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("setup.py", "pyproject.toml", "scrapy.cfg", "README.md"):
        shutil.copy(REPO / name, copy / name)
    return copy


def test_scrapyd_runs_the_deployed_crawl_and_the_archive_holds_it(
    tmp_path: Path, scrapyd: str, fresh_replica: Replica
) -> None:
    deploy = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "scrapyd"],
        cwd=_checkout(tmp_path),
        env={
            **os.environ,
            "SCRAPYD_URL": scrapyd + "/",
            "SCRAPYD_USERNAME": "",
            "SCRAPYD_PASSWORD": "",
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert deploy.returncode == 0, deploy.stderr + deploy.stdout
    assert json.loads(deploy.stdout)["status"] == "ok", deploy.stdout
    assert _api(scrapyd, f"listspiders.json?project={PROJECT}")["spiders"] == ["mfa"]
    archive = tmp_path / "archive"
    job = _api(
        scrapyd,
        "schedule.json",
        {
            "project": PROJECT,
            "spider": "mfa",
            "start_urls": fresh_replica.listing_urls(),
            "setting": [f"ARCHIVE_URI={archive}", "AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0"],
        },
    )
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 180
    while not any(
        j["id"] == job["jobid"]
        for j in _api(scrapyd, f"listjobs.json?project={PROJECT}")["finished"]
    ):
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.5)
    assert len(list(archive.rglob("article.json"))) == 58
    [report] = history.reports(LocalStorage(archive))
    assert report.healthy and report.mode == "full"
    assert report.scope["job"] == job["jobid"]  # the report leads to scrapyd's log
    assert sum(counts["new"] for counts in report.sites.values()) == 58
