"""The ``pairs`` view on an archive crawled from a bilingual replica site whose true
translation pairs are written down (:mod:`replica.scenarios`), local and on S3.

Run with ``-s`` to see the precision and recall measured (docs/datasets.md quotes them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import pytest_twisted

from crawler.storage.local import LocalStorage
from replica.scenarios import SCENARIOS, bilingual
from tests.conftest import REPO
from tests.support.crawling import crawl
from tests.support.harness import Replica, start_replica
from tests.support.processes import stop
from tests.support.s3server import S3Server

pytestmark = [pytest.mark.process, pytest.mark.crawl, pytest.mark.s3]
PRECISION, RECALL = 0.9, 0.75
"""What docs/datasets.md promises of the pairs view on this site (measured there)."""


def _export(out: Path, archive: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "export",
            str(out),
            "--view",
            "pairs",
            "-s",
            f"ARCHIVE_URI={archive}",
            "-s",
            "S3_ADDRESSING_STYLE=path",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _path(url: str) -> str:
    return unquote(urlsplit(url).path)


def _linked_pair(scenario: str) -> tuple[str, str]:
    """A true pair whose language switch leads from one to the other."""
    pages, truth = bilingual(scenario)
    switched = {p.path for p in pages if p.translation}
    return next((th, en) for th, en in truth if {th, en} & switched)


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def scenario(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def site(scenario: str) -> Iterator[Replica]:
    server = start_replica(content=scenario)
    yield server
    stop(server.process)


@pytest_twisted.async_fixture(scope="module")
async def crawled(site: Replica, scenario: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two crawls of the bilingual site, a Thai article of a pair updated between them
    and an English one silently edited: pairs are made of the latest versions."""
    workdir = tmp_path_factory.mktemp("pairs")
    start = f"start_urls={site.listing_urls()}"
    assert (await crawl(workdir, start)).returncode == 0
    th, en = _linked_pair(scenario)
    site.control("bump", path=th)
    site.control("edit", path=en)
    assert (await crawl(workdir, start, "mode=full")).returncode == 0
    return workdir / "archive"


@pytest.fixture(scope="module")
def exported(crawled: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``scrapy export --view pairs`` of the crawled archive, once for both tests."""
    out = tmp_path_factory.mktemp("pairs-export") / "out"
    _export(out, str(crawled))
    return out


def _rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "pairs.jsonl").read_text("utf-8").splitlines()]


def test_pairs_found_in_a_crawled_archive_against_the_written_truth(
    crawled: Path, exported: Path, scenario: str
) -> None:
    pages, truth = bilingual(scenario)
    rows = _rows(exported)
    found = {(_path(r["th_url"]), _path(r["en_url"])) for r in rows}
    right = found & set(truth)
    precision, recall = len(right) / max(len(found), 1), len(right) / len(truth)
    print(  # the figures docs/datasets.md quotes
        f"\n{scenario}: {len(found)} found, {len(right)} right, {len(truth)} true pairs among"
        f" {len(pages)} pages: precision {precision:.2f}, recall {recall:.2f}"
    )
    for wrong in sorted(found - set(truth)):
        print(f"  wrong: {wrong}")
    for missed in sorted(set(truth) - found):
        print(f"  missed: {missed}")
    assert precision >= PRECISION and recall >= RECALL
    linked = {p.path for p in pages if p.translation}
    for row in rows:  # a pair the site links is found by its link, whatever else it has
        if {_path(row["th_url"]), _path(row["en_url"])} & linked:
            assert any(e.startswith("link:") for e in row["evidence"]), row["evidence"]
    th, en = _linked_pair(scenario)
    [bumped] = [r for r in rows if _path(r["th_url"]) == th and _path(r["en_url"]) == en]
    records = LocalStorage(crawled)
    for version, reason in (
        (bumped["th_version"], "updated"),
        (bumped["en_version"], "silent_edit"),
    ):
        record = json.loads(records.get(f"{version}/article.json") or b"{}")
        assert record["version_reason"] == reason  # the pair is of the latest versions


def test_the_pairs_of_an_s3_copy_are_the_same_bytes(
    crawled: Path, exported: Path, tmp_path: Path, s3_server: S3Server
) -> None:
    uri = s3_server.copy_archive(crawled)
    _export(tmp_path / "s3", uri, env={**os.environ, **s3_server.env})
    for name in ("pairs.jsonl", "pairs.parquet", "README.md"):
        assert (exported / name).read_bytes() == (tmp_path / "s3" / name).read_bytes()
