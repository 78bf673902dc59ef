"""``scrapy export`` as users run it, on archives made by crawling the replica twice
(with an updated and a silently edited article between the crawls), local and on S3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted

from crawler.runs import history
from crawler.storage.local import LocalStorage
from tests.conftest import REPO
from tests.e2e.conftest import (
    ARTICLES,
    BUMPED,
    EDITED,
    SAMPLE_HREF,
    crawled_twice,
)
from tests.support.harness import Replica
from tests.support.s3server import S3Server

pytestmark = [pytest.mark.process, pytest.mark.s3]


def _export(out: Path, *options: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "export", str(out), *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest_twisted.async_fixture(scope="module")
async def crawled(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with two runs: everything, then one article updated, one edited."""
    return await crawled_twice(replica, tmp_path_factory.mktemp("export"))


def test_export_of_a_crawled_archive_and_again_since_the_first_run(
    crawled: Path, tmp_path: Path
) -> None:
    said = _export(tmp_path / "out", "-s", f"ARCHIVE_URI={crawled}")
    assert f"exported {ARTICLES} articles (latest {ARTICLES}, versions {ARTICLES + 2} rows)" in said
    latest = {
        str(r["canonical_url"]).split("/", 3)[3]: r
        for r in _rows(tmp_path / "out" / "latest.jsonl")
    }
    assert latest[EDITED.lstrip("/")]["version_reason"] == "silent_edit"
    assert latest[BUMPED.lstrip("/")]["version_reason"] == "updated"
    assert latest[BUMPED.lstrip("/")]["version_count"] == 2
    _export(tmp_path / "again", "-s", f"ARCHIVE_URI={crawled}")
    for path in (tmp_path / "out").iterdir():  # the same bytes, card and schema too
        assert path.read_bytes() == (tmp_path / "again" / path.name).read_bytes(), path.name
    first, _second = history.reports(LocalStorage(crawled))
    _export(tmp_path / "since", "--since-run", first.run_id, "-s", f"ARCHIVE_URI={crawled}")
    changed = _rows(tmp_path / "since" / "versions.jsonl")
    assert sorted(r["version_reason"] for r in changed) == ["silent_edit", "updated"]


def test_an_export_from_s3_is_the_local_export(
    crawled: Path, tmp_path: Path, s3_server: S3Server
) -> None:
    uri = s3_server.copy_archive(crawled)
    _export(tmp_path / "local", "-s", f"ARCHIVE_URI={crawled}")
    _export(
        tmp_path / "s3",
        "-s",
        f"ARCHIVE_URI={uri}",
        "-s",
        "S3_ADDRESSING_STYLE=path",
        env={**os.environ, **s3_server.env},
    )
    for path in (tmp_path / "local").iterdir():
        assert path.read_bytes() == (tmp_path / "s3" / path.name).read_bytes(), path.name


def test_wrong_options_fail_in_one_line(crawled: Path, tmp_path: Path) -> None:
    for options, said in (
        (["--view", "both"], "unknown view both"),
        (["--since-run", "nope"], "no run 'nope'"),
    ):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "export",
                str(tmp_path / "x"),
                *options,
                "-s",
                f"ARCHIVE_URI={crawled}",
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2 and said in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def _diff(crawled: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "diff", *args, "-s", f"ARCHIVE_URI={crawled}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_scrapy_diff_shows_what_changed(crawled: Path, replica: Replica) -> None:
    done = _diff(crawled, replica.url + SAMPLE_HREF)  # the menu query is not the article's
    assert done.returncode == 0, done.stderr
    head, *body = done.stdout.splitlines()
    assert head.endswith("words by pythainlp newmm") and "version 1 (" in head
    assert body == ["  (9 paragraphs unchanged)", "+ แก้ไขเพิ่มเติม"]  # a silent edit
    bumped = _diff(crawled, replica.url + BUMPED, "--from", "1", "--to", "2")
    assert bumped.returncode == 0 and "updated_date: " in bumped.stdout, bumped.stderr
    missing = _diff(crawled, replica.url + "/th/content/not-archived")
    assert missing.returncode == 2 and "not in the archive" in missing.stderr


def test_no_pair_is_made_in_an_archive_without_translations(crawled: Path, tmp_path: Path) -> None:
    """The corpus holds Thai and English pages, several published within a day of one
    another, none a translation of another: every pair would be wrong."""
    said = _export(tmp_path / "pairs", "--view", "pairs", "-s", f"ARCHIVE_URI={crawled}")
    assert "pairs 0 rows" in said
    assert (tmp_path / "pairs" / "pairs.jsonl").read_bytes() == b""
