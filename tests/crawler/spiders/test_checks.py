"""What a fetch of a known article says of its page (crawler/spiders/checks.py)."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.spiders.checks import after_error, after_response
from crawler.urls import canonical_url

SITE = "https://www.mfa.go.th"
ARTICLE = f"{SITE}/th/content/aseancanada2020"
KNOWN = {ARTICLE}


def _canonical(url: str) -> str:
    return canonical_url(url, {})


def _redirected(final: str, status: int = 302) -> HtmlResponse:
    meta = {"redirect_urls": [ARTICLE], "redirect_reasons": [status]}
    return HtmlResponse(final, body=b"<html></html>", request=Request(final, meta=meta))


def test_a_redirect_to_another_article_is_a_move_and_that_page_is_read() -> None:
    other = f"{SITE}/th/content/aseancanada2020-2?utm=1"
    check, read_on = after_response(
        _redirected(other, 301), _canonical(other), "article", KNOWN.__contains__, (), {}
    )
    assert check is not None and read_on
    assert (check.canonical_url, check.present, check.status) == (ARTICLE, False, 301)
    assert check.moved_to is not None and "aseancanada2020-2" in check.moved_to
    assert check.location == other


def test_a_redirect_to_the_home_page_is_absence_and_the_home_page_is_not_read() -> None:
    check, read_on = after_response(
        _redirected(f"{SITE}/"), f"{SITE}/", "listing", KNOWN.__contains__, (), {}
    )
    assert check is not None and not read_on and check.moved_to is None
    assert check.reason.startswith("redirected (302) to the home page")


def test_an_error_page_with_status_200_is_soft_and_a_page_back_is_present() -> None:
    page = HtmlResponse(ARTICLE, body=b"<html></html>", request=Request(ARTICLE))
    check, read_on = after_response(page, ARTICLE, "other", KNOWN.__contains__, (), {})
    assert check is not None and check.soft and read_on  # quarantined too, as ever
    back, _ = after_response(page, ARTICLE, "article", KNOWN.__contains__, {ARTICLE}, {})
    assert back is not None and back.present
    assert after_response(page, ARTICLE, "article", KNOWN.__contains__, (), {}) == (None, True)


def test_a_404_of_a_known_article_is_a_check_and_of_another_page_a_failure() -> None:
    def failure(url: str, status: int, meta: dict[str, object] | None = None) -> Failure:
        request = Request(url, meta=meta or {})
        response = Response(url, status=status, request=request)
        error = Failure(HttpError(response, "HTTP"))  # type: ignore[no-untyped-call]
        error.request = request  # type: ignore[attr-defined]  # as Scrapy sets it
        return error

    gone = after_error(failure(ARTICLE, 410), KNOWN.__contains__, {})
    assert gone is not None and gone.status == 410 and gone.reason == "HTTP 410 Gone"
    assert after_error(failure(f"{SITE}/th/content/new", 404), KNOWN.__contains__, {}) is None
    assert after_error(failure(ARTICLE, 500), KNOWN.__contains__, {}) is None
    meta = {"redirect_urls": [ARTICLE], "redirect_reasons": [302]}
    away = after_error(failure(f"{SITE}/", 404, meta), KNOWN.__contains__, {})
    assert away is not None and away.canonical_url == ARTICLE and away.status == 302
    assert away.reason.endswith("which answers HTTP 404 Not Found")
