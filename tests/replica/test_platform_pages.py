"""The replica's sites of the platform (``python -m replica --sites N``) show what
``/_replica/platform`` says they hold: tests of site discovery count a crawl's archive
against that report, so a report that disagrees with the pages would pass or fail them
for the wrong reason."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tests.replica.conftest import SITES, card_links, menu_links
from tests.support.harness import Platform

pytestmark = pytest.mark.crawl


def _page_url(listing: dict[str, Any], number: int) -> str:
    return f"{listing['path']}{'&' if '?' in listing['path'] else '?'}p={number}"


def test_the_ready_line_names_every_site_on_a_port_of_its_own(sites: Platform) -> None:
    assert len(sites.urls) == SITES
    assert len({urlsplit(url).port for url in sites.urls}) == SITES
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in sites.urls)
    report = sites.platform()["sites"]
    assert [f"http://{site['host']}" for site in report] == sites.urls


def test_each_home_menu_names_the_sites_listings_among_other_links(sites: Platform) -> None:
    shapes: Counter[str] = Counter()
    for k, site in enumerate(sites.platform()["sites"]):
        for language, other in (("th", "/en"), ("en", "/th")):
            body = sites.get(k, f"/{language}")
            links = menu_links(body)
            listings = [item["path"] for item in site["listings"] if item["language"] == language]
            pages = [page for page in site["pages"] if page.startswith(f"/{language}/")]
            assert 2 <= len(listings) <= 4 and 1 <= len(pages) <= 2
            private = ["/th/private/intranet"] if language == "th" and k % 4 == 0 else []
            private += ["/th/latest"] if language == "th" and k % 3 == 2 else []
            assert sorted(set(links) - {"#"}) == sorted(
                [*listings, *pages, *private, other, f"https://www.facebook.com/thaiembassy{k}"]
            )
            forms = {item["form"] for item in site["listings"]}
            assert len(forms) >= 2 and forms <= {"page", "category", "archive"}
            tree = lxml_html.document_fromstring(body)
            shapes["dropdown"] += bool(tree.xpath("//header//ul//li/ul"))
            shapes["role"] += bool(tree.xpath("//header//div[@role='navigation']"))
            newest = card_links(body)
            assert len(newest) == 6
            assert {href.split("?")[0] for href in newest} <= set(site["articles"])
    assert shapes["dropdown"] and shapes["role"], shapes


def test_every_listing_shows_the_articles_reported_and_each_is_served(sites: Platform) -> None:
    """Every page of every listing, the page past its last, every article reached."""
    report = sites.platform()["sites"]
    depths = set()
    for k, site in enumerate(report):
        reached = set()
        for listing in site["listings"]:
            shown = []
            for number in range(1, listing["pages"] + 2):  # past the last: no cards
                shown += card_links(sites.get(k, _page_url(listing, number)))
            assert shown == listing["articles"], listing["path"]
            assert all(f"?cate={listing['id']}" in href for href in shown)
            assert all(href.startswith(f"/{listing['language']}/content/") for href in shown)
            depths.add(listing["pages"])
            reached |= {href.split("?")[0] for href in shown}
        for language in ("th", "en"):
            reached |= {href.split("?")[0] for href in card_links(sites.get(k, f"/{language}"))}
        assert sorted(reached) == site["articles"]
        linked = Counter(h.split("?")[0] for item in site["listings"] for h in item["articles"])
        assert max(linked.values()) <= 2
        for href in site["articles"]:  # answered 200 (urllib raises on a 404)
            assert sites.get(k, href).startswith(b"<!DOCTYPE html>")
    assert depths == {1, 2, 3}
    assert any(
        count == 2
        for site in report
        for count in Counter(
            h.split("?")[0] for item in site["listings"] for h in item["articles"]
        ).values()
    ), "no article is in two listings of a site"
    assert 5 * SITES <= sum(len(site["articles"]) for site in report) <= 35 * SITES


def test_menu_pages_are_text_and_unknown_paths_404(sites: Platform) -> None:
    site = sites.platform()["sites"][0]
    for page in site["pages"]:
        body = sites.get(0, page)
        assert card_links(body) == [] and b"<h1>" in body and b"<p>" in body
    for path in ("/th/content/nothing-here", "/th/page/nothing-here", "/xx"):
        with pytest.raises(urllib.error.HTTPError) as answer:
            sites.get(0, path)
        assert answer.value.code == 404
    assert sites.get(0, "/robots.txt").startswith(b"User-agent: *")


def test_gets_are_counted_per_site_and_requests_in_flight_per_host(sites: Platform) -> None:
    sites.get(1, "/th")
    sites.get(1, "/th")
    sites.get(2, "/en")
    report = sites.platform()["sites"]
    assert report[1]["fetched"] == {"/th": 2} and report[2]["fetched"] == {"/en": 1}
    sites.control(0, "pace", seconds="0.3")
    targets = [0, 0, 1]
    threads = [threading.Thread(target=sites.get, args=(k, "/th")) for k in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    peaks = sites.control(3, "peaks")["peaks"]
    assert peaks == {urlsplit(sites.urls[0]).netloc: 2, urlsplit(sites.urls[1]).netloc: 1}
