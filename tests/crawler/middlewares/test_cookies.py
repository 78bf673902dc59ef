"""The cookies middleware answers "is this a public suffix?" from tldextract's bundled
snapshot.  Scrapy keeps its extractor in ``scrapy.downloadermiddlewares.cookies.
_split_domain`` and has no setting for it: these tests pin what the replacement relies on,
so that a Scrapy release that moves it fails here, not on an air-gapped crawler host."""

from __future__ import annotations

from scrapy.downloadermiddlewares import cookies

from crawler.middlewares.cookies import OFFLINE, OfflineCookiesMiddleware
from tests.support.network import loopback_only
from tests.support.project import project_crawler


def test_building_the_middleware_puts_the_offline_extractor_where_scrapy_reads_it() -> None:
    assert hasattr(cookies, "_split_domain") and hasattr(cookies, "_is_public_domain")
    OfflineCookiesMiddleware.from_crawler(project_crawler())
    assert cookies._split_domain is OFFLINE
    with loopback_only() as attempts:
        assert cookies._is_public_domain("github.io")  # a private suffix of the list
        assert cookies._is_public_domain("go.th")
        assert not cookies._is_public_domain("www.mfa.go.th")
    assert attempts == []


def test_the_project_uses_it_instead_of_scrapys_own() -> None:
    middlewares = project_crawler().settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.cookies.CookiesMiddleware"] is None
    assert middlewares["crawler.middlewares.cookies.OfflineCookiesMiddleware"] == 700
