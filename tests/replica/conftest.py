"""The replica's own tests: a platform of a few sites, and how a test reads its pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import html as lxml_html

from tests.support.harness import Platform, start_platform
from tests.support.processes import stop

SITES = 6
"""Enough for every variation of a site: a dropdown in the menu (odd sites), the menu in
``<div role="navigation">`` (every third), listings of one, two and three pages."""


@pytest.fixture(scope="session")
def small_platform() -> Iterator[Platform]:
    server = start_platform(sites=SITES, seed=7)
    yield server
    stop(server.process)


@pytest.fixture
def sites(small_platform: Platform) -> Iterator[Platform]:
    """The small platform as loaded, before and after the test."""
    small_platform.control(0, "reset")
    yield small_platform
    small_platform.control(0, "reset")


def menu_links(body: bytes) -> list[str]:
    """The hrefs of the page banner's menu (``<nav>`` or ``role="navigation"``)."""
    return _hrefs(body, "//header//*[self::nav or @role='navigation']//ul//li/a/@href")


def card_links(body: bytes) -> list[str]:
    """The article hrefs the page's cards link, in order, once each (a card may link its
    article twice: thumbnail and title)."""
    return list(dict.fromkeys(_hrefs(body, "//main//a[contains(@href, '/content/')]/@href")))


def _hrefs(body: bytes, xpath: str) -> list[str]:
    found = lxml_html.document_fromstring(body).xpath(xpath)
    assert isinstance(found, list)
    return [str(href) for href in found]
