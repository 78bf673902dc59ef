"""Real processes for end-to-end tests: the replica server (one site, or many sites of
the platform: :func:`start_platform`), and ``scrapy crawl``.

Servers start once per test session on a free port, are waited for (a READY line,
then an HTTP check) and are stopped by PID.  Most crawls run in the test session's own
reactor (:mod:`tests.support.crawling`); :func:`run_crawl` runs one the way users do, as a
``scrapy crawl mfa`` process, where the process is what is tested.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from tests.conftest import REPO, SHARED
from tests.support.crawling import CrawlResult, crawl_settings


def wait_for_ready_line(process: subprocess.Popen[str], timeout: float = 30) -> str:
    """The URL a server prints as ``READY <url>``, or fail with what it printed."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            line = process.stdout.readline()
            if line.startswith("READY "):
                return line.split(" ", 1)[1].strip()
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"server did not start: {process.stderr.read() if process.stderr else ''}")


@dataclass
class Replica:
    """A running replica of the platform, and its controls."""

    url: str
    process: subprocess.Popen[str]

    def listing_urls(self) -> str:
        """The two listing forms of the platform: a Thai ``/page/<name>?menu=<id>`` and the
        English press releases' ``/content-category/press-release``."""
        return ",".join(
            f"{self.url}/{path}"
            for path in (
                "th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4",
                "en/content-category/press-release",
            )
        )

    def control(self, action: str, **params: str) -> dict[str, Any]:
        query = urlencode(params)
        request = urllib.request.Request(f"{self.url}/_replica/{action}?{query}", method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            answer: dict[str, Any] = json.load(response)
            return answer

    def pages(self) -> list[dict[str, Any]]:
        with urllib.request.urlopen(f"{self.url}/_replica/pages", timeout=10) as response:
            pages: list[dict[str, Any]] = json.load(response)
            return pages

    def get(self, href: str) -> bytes:
        with urllib.request.urlopen(self.url + quote(href, safe="/?=&%"), timeout=10) as r:
            body: bytes = r.read()
            return body


def start_replica(
    seed: int = 20261126, content: str = "corpus", articles: int = 0, media: bool = False
) -> Replica:
    """The replica as a process (``articles``: a site of that many, the corpus cycled;
    ``media``: its pages' pictures and files served by it, not on the image host)."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "replica",
            "--port",
            "0",
            "--seed",
            str(seed),
            "--shared",
            str(SHARED),
            "--content",
            content,
            "--articles",
            str(articles),
            *(["--media"] if media else []),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = wait_for_ready_line(process)
    urllib.request.urlopen(f"{url}/robots.txt", timeout=10).read()
    return Replica(url=url, process=process)


@dataclass
class Platform:
    """A running replica of several sites of the platform (``python -m replica --sites
    N``): the process, each site's base URL (site ``k`` at ``urls[k]``), its controls."""

    urls: list[str]
    process: subprocess.Popen[str]

    def control(self, site: int, action: str, **params: str) -> dict[str, Any]:
        """``POST /_replica/<action>`` on site ``site``'s port (``reset``: every site)."""
        query = urlencode(params)
        url = f"{self.urls[site]}/_replica/{action}?{query}"
        with urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=10) as r:
            answer: dict[str, Any] = json.load(r)
            return answer

    def platform(self) -> dict[str, Any]:
        """What every site holds now: ``{"sites": [{"host", "listings", "pages",
        "articles", "fetched"}, ...]}`` (replica/platform_server.py)."""
        with urllib.request.urlopen(f"{self.urls[0]}/_replica/platform", timeout=10) as r:
            answer: dict[str, Any] = json.load(r)
            return answer

    def get(self, site: int, href: str) -> bytes:
        with urllib.request.urlopen(self.urls[site] + quote(href, safe="/?=&%"), timeout=10) as r:
            body: bytes = r.read()
            return body


def start_platform(sites: int = 20, seed: int = 20261126) -> Platform:
    """``sites`` sites of the platform in one process, a port of 127.0.0.1 each."""
    command = [sys.executable, "-m", "replica", "--sites", str(sites), "--port", "0"]
    process = subprocess.Popen(
        [*command, "--seed", str(seed), "--shared", str(SHARED)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    urls = wait_for_ready_line(process).split()
    urllib.request.urlopen(f"{urls[0]}/robots.txt", timeout=10).read()
    return Platform(urls=urls, process=process)


def run_crawl(
    workdir: Path,
    *spider_args: str,
    settings: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> CrawlResult:
    """``scrapy crawl mfa`` as a process, into ``workdir/archive`` (unless ARCHIVE_URI is
    given): for what only a process shows (its exit status, a SIGKILL, a lock, a port)."""
    merged = crawl_settings(workdir, settings)
    summary_path = Path(merged["SUMMARY_PATH"])
    command = [sys.executable, "-m", "scrapy", "crawl", "mfa"]
    for arg in spider_args:
        command += ["-a", arg]
    for name, value in merged.items():
        command += ["-s", f"{name}={value}"]
    environment = {**os.environ, "MFA_SHARED_DIR": str(SHARED), **(env or {})}
    result = subprocess.run(
        command,
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    summary = json.loads(summary_path.read_text("utf-8")) if summary_path.exists() else {}
    return CrawlResult(result.returncode, result.stdout + result.stderr, summary)
