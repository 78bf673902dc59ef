"""One article, one identity: however its URL is spelled or reached."""

from __future__ import annotations

import unicodedata

import pytest

from crawler.registry import Registry, RegistryError, Site
from crawler.urls import (
    canonical_url,
    is_article_path,
    is_listing_page_link,
    is_listing_url,
    language_of,
    listing_key,
    listing_page_number,
    page_kind,
    with_listing_page,
)

ALIASES = Registry.load().origins()
THAI = "คำถามที่พบบ่อย"


@pytest.mark.parametrize(
    "spelling",
    [
        "https://www.mfa.go.th/th/content/aseancanada2020",
        "https://www.mfa.go.th/th/content/aseancanada2020?cate=5d5bcb4e15e39c306000683d",
        "https://mfa.go.th/th/content/aseancanada2020?menu=5d5bd3c915e39c306002a909&page=5d5b",
        "http://mfa.go.th/th/content/aseancanada2020/",
        "HTTPS://WWW.MFA.GO.TH/th/content/aseancanada2020#gallery",
        "https://www.mfa.go.th:443/th/content//aseancanada2020?utm_source=fb",
    ],
)
def test_menu_host_and_spelling_variants_are_one_article(spelling: str) -> None:
    expected = "https://www.mfa.go.th/th/content/aseancanada2020"
    assert canonical_url(spelling, ALIASES) == expected


def test_thai_slug_raw_percent_encoded_nfc_and_nfd_are_one_article() -> None:
    raw = f"https://dili.thaiembassy.org/th/page/{THAI}?menu=60e4152e5723d0065d425342"
    encoded = "https://dili.thaiembassy.org/th/page/" + "".join(
        f"%{b:02X}" for b in THAI.encode("utf-8")
    )
    nfd = raw.replace(THAI, unicodedata.normalize("NFD", THAI))
    assert canonical_url(raw, ALIASES) == canonical_url(encoded, ALIASES)
    assert canonical_url(nfd, ALIASES) == canonical_url(raw, ALIASES)


def test_unregistered_hosts_keep_their_scheme_and_port() -> None:
    url = "http://127.0.0.1:8765/en/page/visa-f?menu=62f1cf0b2a648955ef289e13&lang=x"
    assert canonical_url(url, ALIASES) == "http://127.0.0.1:8765/en/page/visa-f?lang=x"


@pytest.mark.parametrize(
    ("url", "kind", "language"),
    [
        ("https://www.mfa.go.th/th/content/x", "content", "th"),
        ("https://hongkong.thaiembassy.org/en/page/visa-f?menu=1", "page", "en"),
        ("https://x.thaiembassy.org/th/publicservice/mobile-consular", "publicservice", "th"),
        (f"https://dili.thaiembassy.org/th/page/{THAI}", "page", "th"),
        ("https://www.mfa.go.th/th/content-category/ข่าวเด่น", None, "th"),
        ("https://www.mfa.go.th/th", None, "th"),
        ("https://www.mfa.go.th/", None, None),
    ],
)
def test_page_kinds(url: str, kind: str | None, language: str | None) -> None:
    assert page_kind(url) == kind
    assert is_article_path(url) == (kind is not None)
    assert language_of(url) == language


def test_listing_paging() -> None:
    url = "https://www.mfa.go.th/th/content-category/ข่าวเด่น"
    assert is_listing_url(url)
    assert listing_page_number(url) == 1
    second = with_listing_page(url, 2)
    assert listing_page_number(second) == 2
    assert listing_page_number(with_listing_page(second, 3)) == 3
    assert listing_page_number(url + "?p=abc") == 1
    menu = "https://www.mfa.go.th/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
    assert is_listing_url(menu)  # the form of a listing (and of an article page)
    assert with_listing_page(menu, 2).endswith("?menu=5d5bd3d815e39c306002aac4&p=2")
    assert not is_listing_url("https://www.mfa.go.th/th")


def test_a_pager_link_is_a_page_of_a_listing_and_an_article_link_is_not() -> None:
    menu = "https://www.mfa.go.th/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
    assert is_listing_page_link(with_listing_page(menu, 29))
    assert is_listing_page_link("https://www.mfa.go.th/en/content-category/press-release?p=2")
    for article in (
        menu,  # a listing's first page, or an article page of the same form
        "https://www.mfa.go.th/th/content/x?page=5d5bd3c915e39c306002a907",
        "https://www.mfa.go.th/th/content/x?cate=5d5bcb4e15e39c306000683d",
        "https://www.mfa.go.th/th/content/x?p=abc",
    ):
        assert not is_listing_page_link(article)


def test_registry_entries() -> None:
    registry = Registry.load()
    assert registry.get("mfa.go.th") is registry.get("www.mfa.go.th")
    assert registry.get("dili.thaiembassy.org") is not None
    assert registry.get("consular.mfa.go.th") is not None
    mfa = registry.get("www.mfa.go.th")
    assert mfa is not None
    # the home page first (discovery reads its menus), then the listings written as hints
    assert mfa.start_urls("th")[:2] == [
        "https://www.mfa.go.th/th",
        "https://www.mfa.go.th/th/page/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B9%80%E0%B8%94%E0%B9%88%E0%B8%99"
        "?menu=5d5bd3d815e39c306002aac4",
    ]
    assert len(mfa.start_urls("th")) == 4
    assert mfa.start_urls("en") == [
        "https://www.mfa.go.th/en",
        "https://www.mfa.go.th/en/content-category/press-release",
    ]
    assert mfa.start_urls("en", home_pages=False) == [
        "https://www.mfa.go.th/en/content-category/press-release"
    ]
    assert all(is_listing_url(url) for url in mfa.start_urls(home_pages=False))
    dili = registry.get("dili.thaiembassy.org")
    assert dili is not None and dili.start_urls() == [
        "https://dili.thaiembassy.org/th",
        "https://dili.thaiembassy.org/en",
    ]


def test_an_encoded_slash_stays_inside_its_slug() -> None:
    one = canonical_url("https://www.mfa.go.th/th/content/a%2Fb", ALIASES)
    two = canonical_url("https://www.mfa.go.th/th/content/a/b", ALIASES)
    assert one != two
    assert one == "https://www.mfa.go.th/th/content/a%2Fb"
    assert is_article_path("/th/content/a%2Fb")
    assert not is_article_path("/th/content/a/b")  # not an article URL: no slug with a slash
    assert not is_article_path("/th/content/a/latest.json")


def test_a_registered_site_with_a_port_and_plain_http() -> None:
    registry = Registry([Site(host="127.0.0.1:8765", scheme="http", aliases=("localhost:8765",))])
    origins = registry.origins()
    assert canonical_url("http://localhost:8765/th/content/x?cate=1", origins) == (
        "http://127.0.0.1:8765/th/content/x"
    )
    assert canonical_url("http://127.0.0.1:9999/th/content/x", origins) == (
        "http://127.0.0.1:9999/th/content/x"  # another port: another site
    )
    site = registry.get("127.0.0.1:8765")
    assert site is not None and site.start_urls("th") == ["http://127.0.0.1:8765/th"]


def test_sites_are_selected_by_name_list_or_all() -> None:
    registry = Registry.load()
    assert [s.host for s in registry.select(None, "www.mfa.go.th")] == ["www.mfa.go.th"]
    assert len(registry.select("all", "www.mfa.go.th")) == len(registry.sites)
    two = registry.select("mfa.go.th,london.thaiembassy.org", "x")
    assert [s.host for s in two] == ["www.mfa.go.th", "london.thaiembassy.org"]
    with pytest.raises(RegistryError, match=r"unknown site 'nowhere\.example'"):
        registry.select("nowhere.example", "x")


def test_a_listing_is_one_listing_however_it_is_linked() -> None:
    origins = {"mfa.go.th": "https://www.mfa.go.th", "www.mfa.go.th": "https://www.mfa.go.th"}
    spellings = [
        "https://www.mfa.go.th/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4",
        "http://mfa.go.th/th/page/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7%e0%b9%80%e0%b8%94%e0%b9%88%e0%b8%99/?menu=5d5bd3d815e39c306002aac4&p=3",
        "https://WWW.MFA.GO.TH/th/page/ข่าวเด่น?utm_source=x&menu=5d5bd3d815e39c306002aac4#top",
    ]
    keys = {listing_key(url, origins) for url in spellings}
    assert keys == {
        "https://www.mfa.go.th/th/page/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B9%80%E0%B8%94%E0%B9%88%E0%B8%99"
        "?menu=5d5bd3d815e39c306002aac4"
    }
    assert listing_key("https://x.org/th/c?b=2&a=1") == listing_key("https://x.org/th/c?a=1&b=2")
    assert listing_key("https://x.org/th/c?menu=1") != listing_key("https://x.org/th/c?menu=2")
