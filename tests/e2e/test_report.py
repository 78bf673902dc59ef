"""``scrapy report OUTDIR`` as users run it, on an archive crawled twice from the replica
(one article updated, one silently edited between), looked at in headless Chromium as a
reader would: the index, a site's articles searched and filtered, an article's versions
and the diff between them.  Screenshots go to ``test-output/report/`` (not committed)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_twisted

from tests.conftest import REPO
from tests.e2e.conftest import (
    ARTICLES,
    EDITED,
    crawled_twice,
)
from tests.support.chromium import Chromium
from tests.support.harness import Replica
from tests.support.s3server import S3Server

pytestmark = [pytest.mark.process, pytest.mark.crawl]
SHOTS = REPO / "test-output" / "report"


def _report(
    out: Path, archive: Path | str, *options: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "report",
            str(out),
            "-s",
            f"ARCHIVE_URI={archive}",
            *options,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )


@pytest_twisted.async_fixture(scope="module")
async def report(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("report")
    await crawled_twice(replica, workdir)
    done = _report(workdir / "report", workdir / "archive")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{ARTICLES} articles of 1 sites, 1 quarantined pages, 2 runs" in done.stdout
    return workdir / "report"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chromium]:
    chromium = Chromium(tmp_path / "profile")
    yield chromium
    chromium.close()


def test_site_then_article_then_diff_as_a_reader_sees_them(
    report: Path, browser: Chromium, replica: Replica
) -> None:
    browser.open((report / "index.html").as_uri())
    shown = browser.visible_text()
    assert f"{ARTICLES} articles, {ARTICLES + 2} versions, 1 silent edits, 1 sites" in shown
    assert browser.evaluate("document.querySelectorAll('svg.chart rect').length") > 0
    assert "healthy" in shown  # the last runs with their health
    browser.screenshot(SHOTS / "index.png")

    browser.click("a.site")  # the replica's one site
    assert f"{ARTICLES} of {ARTICLES} articles shown" in browser.visible_text()
    browser.type("#search", "post ministerial")
    assert browser.evaluate("document.getElementById('shown').textContent") == "1"
    assert "ASEAN Post Ministerial Conferences" in browser.visible_text("tbody")
    browser.choose("#lang", "th")
    assert browser.evaluate("document.getElementById('shown').textContent") == "0"
    browser.choose("#lang", "en")
    browser.screenshot(SHOTS / "site.png")

    browser.click("tbody tr:not([hidden]) a")
    page = browser.visible_text()
    assert "Version 2 of 2 (latest)" in page and "Version 1 of 2" in page
    assert "updated (the page's update date moved on)" in page
    browser.click("#diff-2 summary")
    diff = browser.visible_text("#diff-2")
    assert "updated_date_raw" in diff and "The body is the same." in diff
    browser.screenshot(SHOTS / "article.png")


def test_a_silent_edit_shows_the_added_words(report: Path, browser: Chromium) -> None:
    browser.open((report / "index.html").as_uri())
    browser.click("a.site")
    browser.type("#search", EDITED.rsplit("/", 1)[1])
    browser.click("tbody tr:not([hidden]) a")
    assert "silent edit (content changed, update date did not)" in browser.visible_text()
    browser.click("#diff-2 summary")
    added = browser.evaluate(
        "[...document.querySelectorAll('#diff-2 ins')].map(e => e.textContent)"
    )
    assert added == ["แก้ไขเพิ่มเติม"]
    assert "1 added, 0 removed, 0 changed paragraphs" in browser.visible_text("#diff-2")
    browser.screenshot(SHOTS / "diff.png")


def test_the_quarantine_lists_the_page_with_its_reason(report: Path, browser: Chromium) -> None:
    browser.open((report / "quarantine.html").as_uri())
    text = browser.visible_text()
    assert "date" in text.lower() and text.count("http") == 1


def test_a_folder_that_is_not_a_report_is_left_alone(report: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    done = _report(mine, report.parent / "archive")
    assert done.returncode == 2 and "was not written by scrapy report" in done.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    again = _report(report, report.parent / "archive")  # a report is replaced whole
    assert again.returncode == 0 and (report / "index.html").exists()
    mistyped = _report(tmp_path / "empty", tmp_path / "no-such-archive")
    assert mistyped.returncode == 1 and "a mistyped ARCHIVE_URI?" in mistyped.stderr
    assert not (tmp_path / "empty").exists()  # nothing written


@pytest.mark.s3
def test_a_report_of_an_s3_archive_is_the_local_report(
    report: Path, tmp_path: Path, s3_server: S3Server
) -> None:
    uri = s3_server.copy_archive(report.parent / "archive")
    local = _report(tmp_path / "local", report.parent / "archive")
    remote = _report(
        tmp_path / "s3", uri, "-s", "S3_ADDRESSING_STYLE=path", env={**os.environ, **s3_server.env}
    )
    assert local.returncode == remote.returncode == 0, remote.stderr
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*"))
    assert files == sorted(p.relative_to(tmp_path / "s3") for p in (tmp_path / "s3").rglob("*"))
    for name in files:
        if (tmp_path / "local" / name).is_file():
            assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "s3" / name).read_bytes()
