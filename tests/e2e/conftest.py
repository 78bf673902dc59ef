"""What the crawl tests of the replica share: the corpus pages, where an article's
versions are, and the first crawl, made once per module and copied for each scenario
that crawls again (scenarios stay independent of each other and of their order)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import pytest_twisted

from crawler.storage.layout import article_prefix
from crawler.urls import canonical_url
from schemas import ArchivedArticle
from tests.conftest import CORPUS
from tests.support.crawling import CrawlResult, crawl
from tests.support.harness import Replica

CORPUS_PAGES = 58
NOT_ARTICLES = {"043.txt"}  # shows a view count but no date: quarantined
SAMPLE_HREF = "/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d"
TODAY = date(2026, 11, 26)
ARTICLES = CORPUS_PAGES + 1 - len(NOT_ARTICLES)
"""What a crawl of the replica archives: the corpus and the sample, but the page that is
not an article."""
EDITED, BUMPED = SAMPLE_HREF.split("?")[0], "/en/content/55pmc-2"
"""Between the two runs of :func:`crawled_twice`: one article silently edited, one updated."""


def article_folder(replica: Replica, href: str) -> str:
    return article_prefix(canonical_url(replica.url + href))


def article_versions(archive: Path, replica: Replica, href: str) -> list[Path]:
    return sorted((archive / article_folder(replica, href)).glob("*/article.json"))


def latest_record(archive: Path, replica: Replica, href: str) -> ArchivedArticle:
    pointer = json.loads((archive / article_folder(replica, href) / "latest.json").read_text())
    record = archive / pointer["version"] / "article.json"
    return ArchivedArticle.model_validate_json(record.read_bytes())


async def crawled_twice(replica: Replica, workdir: Path) -> Path:
    """An archive with two runs of the crawl: everything, then everything again after
    :data:`BUMPED` was updated and :data:`EDITED` silently edited."""
    replica.control("reset")
    start = f"start_urls={replica.listing_urls()}"
    first = await crawl(workdir, start)
    assert first.returncode == 0, first.log[-3000:]
    replica.control("bump", path=BUMPED)
    replica.control("edit", path=EDITED)
    second = await crawl(workdir, start, "mode=full")
    assert second.returncode == 0, second.log[-3000:]
    replica.control("reset")
    return workdir / "archive"


def corpus_pages() -> Iterator[tuple[str, str, str]]:
    for path in sorted(CORPUS.glob("*.txt")):
        url_line, _sep, text = path.read_text(encoding="utf-8").split("\n", 2)
        url = url_line.removeprefix("URL: ")
        href = url[url.index("/", len("https://")) :]
        yield path.name, href, text


@pytest_twisted.async_fixture(scope="module")
async def first(
    replica: Replica, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CrawlResult]:
    replica.control("reset")
    workdir = tmp_path_factory.mktemp("first-crawl")
    result = await crawl(workdir, f"start_urls={replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    return workdir, result


@pytest.fixture
def again(first: tuple[Path, CrawlResult], tmp_path: Path, fresh_replica: Replica) -> Path:
    """A copy of the first crawl's work directory (archive and state) to crawl again."""
    shutil.copytree(first[0] / "archive", tmp_path / "archive")
    return tmp_path
