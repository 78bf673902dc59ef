"""The baseline: a bare Scrapy spider that fetches the same pages and yields only the URL.

Listings page by page (``?p=N`` until a page brings no new article link), every article
once; no extraction, no pipelines.  Run with ``scrapy runspider`` outside the project so
that only the settings given on the command line apply.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

ARTICLE = re.compile(r"^/[a-z]{2}/(content|page|publicservice)/[^/?#]+")


def _next_page(url: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["p"] = str(int(query.get("p", "1")) + 1)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start_urls: str = "", count_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.starts = [u for u in start_urls.split(",") if u]
        self.count_file = count_file
        self.seen: set[str] = set()
        self.fetched = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.starts:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        new = 0
        for href in response.xpath("//a/@href").getall():
            path = urlsplit(response.urljoin(href)).path
            if ARTICLE.match(path) and path not in self.seen:
                self.seen.add(path)
                new += 1
                yield response.follow(href, callback=self.parse_article)
        if new:
            yield scrapy.Request(_next_page(response.url), callback=self.parse_listing)

    def parse_article(self, response: Response) -> Iterator[dict[str, str]]:
        self.fetched += 1
        yield {"url": response.url}

    def closed(self, reason: str) -> None:
        if self.count_file:
            with open(self.count_file, "w", encoding="utf-8") as handle:  # noqa: PTH123
                handle.write(str(self.fetched))
