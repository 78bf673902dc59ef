"""The spider on a listing page, in-process: which articles it asks for, and when it pages.

No crawl runs: the spider is built on a crawler with the project's settings and its
crawl context, started far enough to decide its scope, and handed responses.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import AsyncIterator, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url
from twisted.python.failure import Failure

from crawler.context import CrawlContext
from crawler.items import FetchedPage
from crawler.marks import LocalMarks
from crawler.platforms.charset import parse_html
from crawler.spiders.discovery import CANDIDATE
from crawler.spiders.listing import _kind
from crawler.spiders.mfa import MfaSpider
from crawler.spiders.pages import MARKED, WALK_PAGE, WALK_START
from crawler.spiders.walk import SEEN
from crawler.state.schedule import Observation
from crawler.state.walks import BROKEN, DEAD_PAGES, ENDED
from crawler.urls import canonical_url, url_key
from tests.support.project import project_crawler

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
        EXTENSIONS={"crawler.context.CrawlContext": 0},
    )
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
    assert [r.meta[MARKED] for r in articles] == [
        canonical_url(r.url, spider.walk.origins) for r in articles
    ]  # as the walk marked them: their pages mark nothing more in a shared crawl
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
    schedule.observe(
        Observation(
            canonical_url=known,
            url=known,
            site="www.mfa.go.th",
            category=None,
            imported_date=None,
            etag=None,
            last_modified=None,
            fetched_at=datetime.now(UTC),
            changed=True,
        )
    )
    urls = [r.url for r in _requests(spider, 2)]
    assert len(urls) == 10 and known not in urls  # 9 articles and the next page


@pytest.mark.parametrize("argument", [{"lang": "fr"}, {"mode": "sometimes"}])
def test_a_wrong_argument_is_refused(tmp_path: Path, argument: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="must be"):
        _spider(tmp_path, **argument)


def _known(spider: MfaSpider, *urls: str) -> None:
    schedule = CrawlContext.of(spider.crawler).state.schedule
    for url in urls:
        schedule.observe(
            Observation(
                canonical_url=url,
                url=url,
                site="www.mfa.go.th",
                category=None,
                imported_date=None,
                etag=None,
                last_modified=None,
                fetched_at=datetime.now(UTC),
                changed=True,
            )
        )


def _all_known(spider: MfaSpider, tmp_path: Path) -> None:
    """Every article of listing page 2 archived before (read by a spider of its own: the
    cards a spider reads count as requested by its run)."""
    cards = [r.url.split("?")[0] for r in _requests(_spider(tmp_path), 2)[:-1]]
    _known(spider, *cards)


def test_an_incremental_run_walks_a_listing_never_walked_to_its_end_to_its_end(
    tmp_path: Path,
) -> None:
    """Every card known: a listing walked to its end before stops there; one never
    walked to its end goes on to the next page (asking for none of the known)."""
    spider = _spider(tmp_path, mode="incremental")
    _all_known(spider, tmp_path / "reader")
    assert [r.url.rsplit("?", 1)[1] for r in _requests(spider, 2)] == ["p=3"]
    walked = _spider(tmp_path / "walked", mode="incremental")
    walked.stop_early = frozenset({f"{LISTING}?p=1"})
    _all_known(walked, tmp_path / "reader2")
    assert _requests(walked, 2) == []
    assert walked.crawler.stats.get_value(ENDED) == [f"{LISTING}?p=1"]


def test_requests_carry_the_walk_they_belong_to(tmp_path: Path) -> None:
    spider = _spider(tmp_path)
    requests = _requests(spider, 2)
    assert {r.meta[WALK_START] for r in requests} == {f"{LISTING}?p=1"}
    assert [r.meta[WALK_PAGE] for r in requests] == [False] * 10 + [True]


def _fail(spider: MfaSpider, request: Request, status: int) -> None:
    response = HtmlResponse(request.url, status=status, body=b"", request=request)
    failure = Failure(HttpError(response))  # type: ignore[no-untyped-call]
    failure.request = request  # type: ignore[attr-defined]  # as Scrapy sets it
    spider.on_error(failure)


def test_a_dead_listing_page_ends_the_walk_and_a_failed_article_cuts_it_short(
    tmp_path: Path,
) -> None:
    spider = _spider(tmp_path)
    requests = _requests(spider, 2)
    article, next_page = requests[0], requests[-1]
    _fail(spider, article, 404)  # gone: no later run would find it; the walk goes on
    assert spider.crawler.stats.get_value(BROKEN) is None
    _fail(spider, next_page, 410)
    stats = spider.crawler.stats
    assert stats.get_value(ENDED) == [f"{LISTING}?p=1"]
    assert stats.get_value(DEAD_PAGES) == [[next_page.url, "HTTP 410 Gone"]]
    assert CrawlContext.of(spider.crawler).log.failed == [(article.url, "HTTP 404 Not Found")]
    _fail(spider, requests[1], 503)
    _fail(spider, requests[2], 500)  # the first reason is kept
    assert stats.get_value(BROKEN) == [
        [f"{LISTING}?p=1", f"{requests[1].url}: HTTP 503 Service Unavailable"]
    ]


def test_a_start_point_that_is_gone_is_a_failure_not_the_end_of_its_listing(
    tmp_path: Path,
) -> None:
    """A listing moved or removed by the site answers 404 at its first page: recorded
    complete, the archive would stop collecting it without a word."""
    spider = _spider(tmp_path)
    start = _first(spider.start())  # the start point, once more
    _fail(spider, start, 404)
    stats = spider.crawler.stats
    assert stats.get_value(ENDED) is None and stats.get_value(DEAD_PAGES) is None
    [[walk, reason]] = stats.get_value(BROKEN)
    assert walk == f"{LISTING}?p=1" and "gone or moved" in reason
    assert CrawlContext.of(spider.crawler).log.failed == [(start.url, "HTTP 404 Not Found")]


def _starts(spider: MfaSpider) -> list[Request]:
    generator, found = spider.start(), []
    while True:
        try:
            found.append(_first(generator))
        except StopAsyncIteration:
            return found


def test_every_worker_of_a_shared_crawl_yields_every_start_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every worker runs the spider's start (it decides the scope), and one of them pushes
    what it yields: a start point another worker marked requested first must still be
    yielded (a listing of the /page/ form was lost that way, with every article of it)."""
    shared = LocalMarks()
    monkeypatch.setattr(CrawlContext, "walk_marks", lambda _self, _crawler: shared)
    page_form = "https://www.mfa.go.th/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
    urls = []
    for name in ("other", "pusher"):
        crawler = project_crawler(
            ARCHIVE_URI=str(tmp_path / name / "archive"),
            EXTENSIONS={"crawler.context.CrawlContext": 0},
        )
        spider = MfaSpider.from_crawler(crawler, start_urls=f"{page_form},{page_form}")
        crawler.spider = spider
        urls.append([r.url for r in _starts(spider)])
    assert urls[0] == urls[1] and len(urls[1]) == 1  # once, by each


class _NotedMarks(LocalMarks):
    """Marks that note every key added to the requested set."""

    def __init__(self, shared: bool) -> None:
        super().__init__()
        self.added: list[list[int]] = []
        self.shared = shared

    def add(self, name: str, keys: list[int]) -> list[bool]:
        if name == SEEN:
            self.added.append(keys)
        return super().add(name, keys)


@pytest.mark.parametrize("shared", [True, False])
def test_an_article_is_marked_again_only_when_its_request_was_marked_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    """Marked under its own URL when it was asked for, an article's page marks nothing
    more in a shared crawl (a mark is a round trip to Redis); marks kept in this process
    mark again (a crawl resumed from its JOBDIR lost them)."""
    marks = _NotedMarks(shared)
    monkeypatch.setattr(CrawlContext, "walk_marks", lambda _self, _crawler: marks)
    spider = _spider(tmp_path)
    body = (FIXTURES / "sample-th-labels" / "input.html").read_bytes()
    url = "https://www.mfa.go.th/th/content/aseancanada2020"
    for marked, again in (
        (url, not shared),  # a card's, a due one's, a start point's
        ("https://www.mfa.go.th/th/content/old-name", True),  # redirected to another
        (None, True),  # asked for otherwise
    ):
        marks.added.clear()
        request = Request(url, meta={MARKED: marked} if marked else {})
        response = HtmlResponse(url, body=body, encoding="utf-8", request=request)
        items = list(spider.parse_article(response, None))
        assert [type(item) for item in items] == [FetchedPage]
        assert marks.added == ([[url_key(url)]] if again else [])


def test_a_page_read_is_freed_with_its_response_not_left_to_the_collector(
    tmp_path: Path,
) -> None:
    """Scrapy's ``response.selector`` and its response refer to each other: read through
    it, a page and its whole lxml tree would wait for the garbage collector."""
    spider = _spider(tmp_path)
    response = _page(2)
    gone = weakref.ref(response)
    enabled = gc.isenabled()
    gc.disable()
    try:
        read = spider._read(response)
        assert read.kind == "listing"
        del response, read
        assert gone() is None
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("response_class", [HtmlResponse, XmlResponse, TextResponse])
@pytest.mark.parametrize(
    "body",
    [
        (FIXTURES / "sample-th-labels" / "input.html").read_bytes(),
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        b'<base href="/th/"/><h1>\xe0\xb8\x82\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\xa7</h1>'
        b"</body></html>",
    ],
    ids=["html", "xhtml"],
)
def test_the_page_is_parsed_as_scrapy_s_selector_parses_it(
    response_class: type[TextResponse], body: bytes
) -> None:
    response = response_class(LISTING, body=body, encoding="utf-8")
    root = parse_html(response.text, get_base_url(response), _kind(response))
    scrapy_s = response.selector.root
    assert type(root) is type(scrapy_s) and root.base == scrapy_s.base
    assert etree.tostring(root) == etree.tostring(scrapy_s)


@pytest.mark.parametrize("shared", [True, False])
def test_an_article_discovery_found_is_marked_once_in_a_shared_crawl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    """A page a menu led to that is an article is claimed (marked requested) when it is
    read; in a shared crawl its item marks nothing more, in one process it marks again."""
    marks = _NotedMarks(shared)
    monkeypatch.setattr(CrawlContext, "walk_marks", lambda _self, _crawler: marks)
    crawler = project_crawler(
        ARCHIVE_URI=str(tmp_path / "archive"),
        EXTENSIONS={"crawler.context.CrawlContext": 0},
        DISCOVERY_ENABLED=True,
    )
    spider = MfaSpider.from_crawler(crawler, site="www.mfa.go.th")
    crawler.spider = spider
    assert isinstance(_first(spider.start()), Request)
    assert spider.discovery is not None
    url = "https://www.mfa.go.th/th/content/aseancanada2020"
    body = (FIXTURES / "sample-th-labels" / "input.html").read_bytes()
    request = Request(url, meta={CANDIDATE: ["www.mfa.go.th", url]})
    response = HtmlResponse(url, body=body, encoding="utf-8", request=request)
    marks.added.clear()
    items = list(spider.parse_candidate(response))
    assert [type(item) for item in items] == [FetchedPage]
    assert marks.added == [[url_key(url)]] * (1 if shared else 2)
    marks.added.clear()
    assert list(spider.parse_candidate(response)) == []  # asked for already: no second item
    assert marks.added == [[url_key(url)]]  # the claim's attempt, no more
