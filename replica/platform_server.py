"""The platform's sites served together: one port each, one process (``--sites N``).

Routes of every port, for the site of that port (:mod:`replica.platform`)::

    GET  /th, /en                        home page: the menu, the six newest articles
    GET  /                               302 to /th
    GET  <listing path>[?|&]p=N          a listing's page N (404 once the listing is dropped)
    GET  /<lang>/page/<name>[?menu=id]   a menu page that is no listing (about, contact)
    GET  /<lang>/content/<slug>          an article (query ignored)
    GET  /robots.txt                     as the single-site replica's
    GET  /_replica/platform              JSON of every site (what a crawl should find)
    GET  /_replica/fetched               JSON: GETs per path of this port's site
    POST /_replica/addlisting?lang=th|en       a new listing in the menu (4-8 new articles)
    POST /_replica/hidelisting?path=P          out of the menus, still served
    POST /_replica/droplisting?path=P          out of the menus, its pages 404
    POST /_replica/reset                       every site as loaded, counts cleared
    POST /_replica/pace|peaks|gate             as the single-site replica's, per Host header

One :class:`Pacing` serves every port, so that a test sees a crawl's requests in flight
per site (the ``Host`` header names the port) from one place.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from twisted.internet import reactor
from twisted.internet.interfaces import IReactorCore, IReactorTCP
from twisted.web.resource import Resource
from twisted.web.server import Request, Site

from replica.conditional import answer_conditionally
from replica.pacing import Pacing
from replica.platform import (
    LANGUAGES,
    LATEST_PATH,
    PlatformSite,
    add_listing,
    build_platform,
    corpus,
)
from replica.platform_html import home_html, listing_html, menu_page_html
from replica.render import article_html, error_html

HTML = b"text/html; charset=utf-8"
JSON = b"application/json"


class Platform:
    """Every site as loaded and as changed since, and what the servers counted."""

    def __init__(self, shared: Path, count: int, seed: int, today: date, robots: bytes) -> None:
        self.sources, self.seed, self.count, self.today = corpus(shared), seed, count, today
        self.robots = robots
        self.hosts = [""] * count  # "127.0.0.1:<port>", once listening
        self.pacing = Pacing()
        self.reset()

    def reset(self) -> None:
        self.sites = build_platform(self.sources, self.seed, self.count, self.today)
        self.fetched: list[Counter[str]] = [Counter() for _ in range(self.count)]
        self.started = time.time()  # Last-Modified of the articles
        self.pacing.reset()

    def describe(self, k: int) -> dict[str, Any]:
        """What site ``k`` holds: its listings, menu pages and reachable articles."""
        site = self.sites[k]
        return {
            "index": k,
            "host": self.hosts[k],
            "listings": [
                {
                    "path": item.path,
                    "name": item.name,
                    "language": item.language,
                    "form": item.form,
                    "id": item.ident,
                    "pages": item.page_count(),
                    "articles": [page.href for page in item.articles],
                    "in_menu": item.in_menu,
                    "served": item.served,
                }
                for item in site.listings
            ],
            "pages": [page.path for page in site.pages],
            "articles": site.reachable(),
            "fetched": dict(self.fetched[k]),
        }


class SiteResource(Resource):
    """The routes of one port: the site ``index`` of the platform."""

    isLeaf = True  # noqa: N815 - Twisted's name

    def __init__(self, platform: Platform, index: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.platform, self.index = platform, index

    @property
    def site(self) -> PlatformSite:
        return self.platform.sites[self.index]

    def _reply(self, request: Request, body: bytes, ctype: bytes = HTML, code: int = 200) -> bytes:
        request.setResponseCode(code)
        request.setHeader(b"content-type", ctype)  # type: ignore[no-untyped-call]
        return body

    def render_GET(self, request: Request) -> bytes | int:  # noqa: N802 - Twisted's name
        split = urlsplit(request.uri.decode("ascii", "replace"))
        path = unquote(split.path).rstrip("/") or "/"
        query = parse_qs(split.query)
        if path == "/_replica/platform":
            sites = [self.platform.describe(k) for k in range(self.platform.count)]
            return self._reply(request, json.dumps({"sites": sites}).encode(), JSON)
        if path == "/_replica/fetched":
            return self._reply(
                request, json.dumps(self.platform.fetched[self.index]).encode(), JSON
            )
        self.platform.fetched[self.index][
            path + (f"?p={query['p'][0]}" if "p" in query else "")
        ] += 1
        answer = self._get(request, path, query)
        return self.platform.pacing.hold(request, answer) if isinstance(answer, bytes) else answer

    def _get(self, request: Request, path: str, query: dict[str, list[str]]) -> bytes | int:
        site, language = self.site, path.strip("/").split("/")[0]
        language = language if language in LANGUAGES else "th"
        if path == "/robots.txt":
            return self._reply(request, self.platform.robots, b"text/plain")
        if path == "/":
            request.redirect(b"/th")  # type: ignore[no-untyped-call]
            return self._reply(request, b"", code=302)
        if path.strip("/") in LANGUAGES:
            return self._reply(request, home_html(site, language).encode())
        latest = site.latest()
        if path == LATEST_PATH and latest is not None:  # a menu item that redirects
            request.redirect(latest.encode())  # type: ignore[no-untyped-call]
            return self._reply(request, b"", code=302)
        listing = site.listing(path)
        if listing is not None and listing.served:
            number = query.get("p", ["1"])[0]
            page_number = max(1, int(number)) if number.isdigit() else 1
            return self._reply(request, listing_html(site, listing, page_number).encode())
        menu_page = next((page for page in site.pages if page.key == path), None)
        if menu_page is not None:
            return self._reply(request, menu_page_html(site, menu_page).encode())
        article = site.articles.get(path)
        if article is None:
            return self._reply(request, error_html(site.theme, language).encode(), code=404)
        others = [p for p in site.newest(article.language, 4) if p.path != article.path][:3]
        body = article_html(
            site.theme, article, others, f"http://{self._host(request)}{article.href}"
        )
        self._reply(request, b"")  # status 200 and content type, unless it is a 304:
        return answer_conditionally(request, body.encode(), self.platform.started)

    @staticmethod
    def _host(request: Request) -> str:
        return str(request.getHeader("host") or "")

    def render_POST(self, request: Request) -> bytes:  # noqa: N802 - Twisted's name
        split = urlsplit(request.uri.decode("ascii", "replace"))
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        action = split.path.removeprefix("/_replica/")
        answer: dict[str, Any] | None = {"ok": True}
        if action == "reset":
            self.platform.reset()
        elif action in ("pace", "peaks"):
            if action == "pace":
                self.platform.pacing.reset(float(query.get("seconds", "0")))
            answer = self.platform.pacing.report()
        elif action == "gate":
            self.platform.pacing.gate(opened=query.get("open", "1") == "1")
        elif action == "addlisting":
            language = query.get("lang", "th")
            if language not in LANGUAGES:
                return self._reply(request, b'{"error": "no such language"}', JSON, 400)
            p = self.platform
            listing = add_listing(self.site, p.sources, p.seed, language, p.today)
            answer = {"path": listing.path, "articles": [page.href for page in listing.articles]}
        elif action in ("hidelisting", "droplisting"):
            answer = self._withdraw(query.get("path", ""), dropped=action == "droplisting")
        else:
            answer = None
        if answer is None:
            return self._reply(request, b'{"error": "no such action or listing"}', JSON, 404)
        return self._reply(request, json.dumps(answer).encode(), JSON)

    def _withdraw(self, path: str, dropped: bool) -> dict[str, Any] | None:
        """Take a listing out of the menus; ``dropped``: and stop serving it."""
        listing = self.site.listing(path)
        if listing is None:
            return None
        listing.in_menu = False
        listing.served = listing.served and not dropped
        return {"path": listing.path, "in_menu": False, "served": listing.served}


def serve_platform(shared: Path, sites: int, seed: int, host: str, port: int, robots: bytes) -> int:
    """Listen for ``sites`` sites (on free ports with ``port`` 0, else from ``port`` on),
    print ``READY`` and every site's base URL, and serve until stopped."""
    platform = Platform(shared, sites, seed, date.today(), robots)
    tcp, core = cast("IReactorTCP", reactor), cast("IReactorCore", reactor)
    urls = []
    for k in range(sites):
        site = Site(SiteResource(platform, k))  # type: ignore[no-untyped-call]
        site.noisy = False
        listening = tcp.listenTCP(port + k if port else 0, site, interface=host)  # type: ignore[arg-type]
        platform.hosts[k] = f"{host}:{listening.getHost().port}"  # type: ignore[misc]
        urls.append(f"http://{platform.hosts[k]}")
    print("READY " + " ".join(urls), flush=True)
    core.run()  # type: ignore[misc]
    return 0
