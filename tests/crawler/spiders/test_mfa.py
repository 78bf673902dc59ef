"""The spider on a listing page, in-process: which articles it asks for, and when it pages.

No crawl runs: the spider is built on a crawler with the project's settings and its
crawl context, started far enough to decide its scope, and handed responses.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.extensions.context import CrawlContext
from crawler.spiders.mfa import MfaSpider
from crawler.state.schedule import Observation
from tests.project import project_crawler

FIXTURES = Path(__file__).parents[1] / "platforms" / "fixtures"
LISTING = "https://www.mfa.go.th/th/content-category/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B9%80%E0%B8%94%E0%B9%88%E0%B8%99"


def _first(generator: AsyncIterator[Any]) -> Any:
    """The first thing an async generator yields (it never waits here)."""
    step = generator.__anext__()
    assert isinstance(step, Coroutine)
    try:
        step.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("the spider waited on something")


def _spider(tmp_path: Path, **arguments: str) -> MfaSpider:
    crawler = project_crawler(
        ARCHIVE_URI=str(tmp_path / "archive"),
        EXTENSIONS={"crawler.extensions.context.CrawlContext": 0},
    )  # fmt: skip
    spider = MfaSpider.from_crawler(crawler, start_urls=f"{LISTING}?p=1", **arguments)
    crawler.spider = spider
    assert isinstance(_first(spider.start()), Request)  # the spider has decided its scope
    return spider


def _page(number: int) -> HtmlResponse:
    body = (FIXTURES / "listing-page.html").read_bytes()
    return HtmlResponse(f"{LISTING}?p={number}", body=body, encoding="utf-8")


def _requests(spider: MfaSpider, number: int, followed: int = 1) -> list[Request]:
    out = spider.parse_listing(_page(number), start=f"{LISTING}?p=1", followed=followed)
    return [r for r in out if isinstance(r, Request)]


def test_a_listing_page_asks_for_its_articles_then_the_next_page(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    requests = _requests(spider, 2)
    articles, pages = requests[:-1], requests[-1:]
    assert len(articles) == 10 and all(r.priority == 1 and r.dont_filter for r in articles)
    assert {r.cb_kwargs["category"] for r in articles} == {"ข่าวเด่น"}
    assert [r.url.rsplit("?", 1)[1] for r in pages] == ["p=3"]
    assert spider.crawler.stats.get_value("archive/listing_pages") == 1


def test_a_page_that_brings_nothing_new_ends_the_walk(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    _requests(spider, 2)
    assert _requests(spider, 3) == []  # the same cards again: past the last page


def test_since_leaves_older_cards_and_max_pages_stops_paging(tmp_path: Path) -> None:
    spider = _spider(tmp_path, since="2023-01-01", max_pages="1")
    requests = _requests(spider, 2)
    assert len(requests) == 4  # 16 Oct, 14 Sep, 12 May and 31 Jan 2023; no next page
    assert all("/content/" in r.url for r in requests)


def test_an_incremental_run_asks_only_for_what_it_does_not_know(tmp_path: Path) -> None:
    spider = _spider(tmp_path, mode="incremental")
    schedule = CrawlContext.of(spider.crawler).state.schedule
    known = "https://www.mfa.go.th/th/content/presscon100265"
    schedule.observe(Observation(
        canonical_url=known, url=known, site="www.mfa.go.th", category=None, imported_date=None,
        etag=None, last_modified=None, fetched_at=datetime.now(UTC), changed=True,
    ))  # fmt: skip
    urls = [r.url for r in _requests(spider, 2)]
    assert len(urls) == 10 and known not in urls  # 9 articles and the next page


@pytest.mark.parametrize("argument", [{"lang": "fr"}, {"mode": "sometimes"}])
def test_a_wrong_argument_is_refused(tmp_path: Path, argument: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="must be"):
        _spider(tmp_path, **argument)
