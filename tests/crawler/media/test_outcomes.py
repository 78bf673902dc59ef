"""What a file's fetch means: final or to be asked again, and which files are asked at
all."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet.defer import CancelledError

from crawler.media.outcomes import allowed, clean, failure_reason, is_final, status_reason

HOSTS = frozenset({"image.mfa.go.th"})
OWN = frozenset({"www.mfa.go.th", "mfa.go.th", "127.0.0.1:8765"})


def test_a_refusal_by_the_server_is_final_and_a_passing_trouble_is_asked_again() -> None:
    assert status_reason(404) == "404" and is_final("404")
    assert status_reason(403) == "403" and is_final(status_reason(403))
    for status in (429, 408, 500, 503):
        assert not is_final(status_reason(status)), status
    assert status_reason(503) == "not fetched yet (HTTP 503)"


def test_a_download_cut_at_the_cap_is_too_large_even_when_scrapy_says_nothing() -> None:
    assert failure_reason(CancelledError(), 100).startswith("too large")  # no Content-Length
    assert failure_reason(IgnoreRequest("Forbidden by robots.txt"), 100) == (
        "refused: Forbidden by robots.txt"
    )
    timeout = failure_reason(TimeoutError("took longer than 30 seconds"), 100)
    assert timeout.startswith("not fetched yet (TimeoutError: ") and not is_final(timeout)


def test_a_reason_from_the_network_is_one_short_line_without_credentials() -> None:
    text = clean("failed\nhttps://user:secret@host/x?token=abc \u2028 " + "x" * 500)
    assert "\n" not in text and "\u2028" not in text and "secret" not in text
    assert len(text) == 300
    assert clean("  ") == "no reason given"


def test_files_are_asked_of_the_image_service_and_the_articles_own_site_only() -> None:
    assert allowed("https://image.mfa.go.th/mfa/0/k/a.jpg", HOSTS, OWN)
    assert allowed("https://mfa.go.th/uploads/a.pdf", HOSTS, OWN)  # an alias of the site
    assert allowed("http://127.0.0.1:8765/mfa/0/k/a.jpg", HOSTS, OWN)  # the site's own port
    for url in (
        "https://drive.google.com/file/d/x",
        "https://user:pw@image.mfa.go.th/mfa/0/k/a.jpg",
        "https://image.mfa.go.th:8443/mfa/0/k/a.jpg",  # another port: another service
        "ftp://image.mfa.go.th/a.jpg",
        "https://image.mfa.go.th:notaport/a.jpg",
    ):
        assert not allowed(url, HOSTS, OWN), url
