"""The replica's HTTP server: a Twisted web resource on 127.0.0.1.

Routes (paths as the real platform has them)::

    GET  /robots.txt
    GET  /<lang>/content-category/<name>?p=N     a listing, 10 cards a page (ข่าวเด่น,
    GET  /<lang>/page/<name>?menu=<id>&p=N        press-release), in the platform's card markup
    GET  /<lang>/content|page|publicservice/...  article pages (query ignored), each in a
                                                 layout of its own (``--layouts classic``: one)
    GET  /<lang>                                 home page: the latest articles
    GET  /_replica/pages                         JSON list of the pages (for tests)
    (``--content pairs|pairs-embassy|pairs-department``: a bilingual site, Thai and
    English translations among its pages, :mod:`replica.scenarios`, instead of
    the shared corpus; ``--articles N``: N articles, the corpus cycled)
    POST /_replica/bump?path=P[&date=RAW]        later update date
    POST /_replica/edit?path=P                   silent edit (content, same dates)
    POST /_replica/break?path=P&mode=error|notitle
    POST /_replica/template?path=P&name=labels|bare
    POST /_replica/retitle                       every page's title heading shows its
                                                 category's name instead (og:title and the
                                                 cards still name the title)
    POST /_replica/unmedia?path=/mfa/...[&status=N]  a picture or file taken down (404)
    GET  /mfa/<op>/<key>/<name>                  with ``--media``: the pages' pictures and
                                                 files, served here (replica.media)
    POST /_replica/reset                         everything as loaded

Started with ``--port 0`` it picks a free port and prints ``READY <base url>`` once
listening, which is what the test fixtures wait for.  ``--sites N`` serves N sites of the
platform instead, a port each, for tests of site discovery (:mod:`replica.platform_server`).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from twisted.web.resource import Resource
from twisted.web.server import Request

from replica.conditional import answer_conditionally
from replica.content import Page, bumped, load_pages, silently_edited
from replica.faults import Fault, Faults, respond
from replica.hostile import hostile_pages
from replica.media import media_file
from replica.pacing import Pacing
from replica.render import LISTINGS, Theme, article_html, error_html, listing_html

ROBOTS = b"User-agent: *\nDisallow: /_replica/\nDisallow: /th/private/\n"
HTML = b"text/html; charset=utf-8"


class Replica(Resource):
    """All routes in one resource: the site is small and its state is one dict."""

    isLeaf = True  # noqa: N815 - Twisted's name

    def __init__(
        self,
        shared: Path,
        seed: int | None = None,
        fuzz: bool = True,
        pages: list[Page] | None = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.shared, self.theme = shared, Theme(seed, fuzz)
        loaded = load_pages(shared) if pages is None else pages
        self.original = {page.path: page for page in loaded}
        self.pages = dict(self.original)
        self.started = time.time()  # Last-Modified of a page nobody changed
        self.modified: dict[str, float] = {}
        self.faults = Faults()
        self.fetched: Counter[str] = Counter()  # GETs per page (POST /_replica/fetched)
        self.pacing = Pacing()
        self.media = False  # pictures and files served here (--media)
        self.removed: dict[str, int] = {}  # files taken down: their status (POST unmedia)

    def _ordered(self, language: str) -> list[Page]:
        pages = [p for p in self.pages.values() if p.language == language]
        return sorted(pages, key=Page.sort_date, reverse=True)

    def _reply(self, request: Request, body: bytes, ctype: bytes = HTML, code: int = 200) -> bytes:
        request.setResponseCode(code)
        request.setHeader(b"content-type", ctype)  # type: ignore[no-untyped-call]
        return body

    def render_GET(self, request: Request) -> bytes | int:  # noqa: N802 - Twisted's name
        answer = self._get(request)
        return self.pacing.hold(request, answer) if isinstance(answer, bytes) else answer

    def _get(self, request: Request) -> bytes | int:
        url = request.uri.decode("ascii", "replace")
        path = unquote(urlsplit(url).path).rstrip("/") or "/"
        if path in self.pages:
            self.fetched[path] += 1
        if self.media and path.startswith("/mfa/"):
            self.fetched[path] += 1
            if path in self.removed:
                return self._reply(request, b"not here", b"text/plain", self.removed[path])
            body, kind = media_file(path)
            return self._reply(request, body, kind)
        query = parse_qs(urlsplit(url).query)
        language = path.strip("/").split("/")[0]
        language = language if language in LISTINGS else "th"
        number = query.get("p", ["1"])[0]
        fault = self.faults.take(f"{self._listing_key(path)}?p={number}") or self.faults.take(path)
        if fault is not None and fault.kind == "manylinks":
            links = [page.href.split("?")[0] for page in self._ordered(language)]
            links = [link for link in links if link.isascii() and "%" not in link]
            cards = "".join(
                f'<div><a href="{escape(links[i % len(links)])}?cate={i}">{i}</a></div>'
                for i in range(int(fault.seconds))
            )
            return self._reply(request, f"<html><body><main>{cards}</main></body></html>".encode())
        if fault is not None:
            code, body = self._answer(request, path, query)
            return respond(request, fault, body, error_html(self.theme, language).encode())
        code, body = self._answer(request, path, query)
        if code == 200 and path in self.pages and not self.pages[path].broken:
            self._reply(request, b"")  # status 200 and content type, unless it is a 304:
            return answer_conditionally(request, body, self.modified.get(path, self.started))
        ctype = HTML if path.startswith(("/th", "/en")) or code == 404 else b"application/json"
        return self._reply(request, body, b"text/plain" if path == "/robots.txt" else ctype, code)

    @staticmethod
    def _listing_key(path: str) -> str:
        """A listing's path under one of its two URL forms (faults of one page of it)."""
        segments = path.strip("/").split("/")
        listing = len(segments) == 3 and segments[1] == "page" and segments[0] in LISTINGS
        if listing and segments[2] == LISTINGS[segments[0]]:
            return f"/{segments[0]}/content-category/{segments[2]}"
        return path

    def _answer(
        self, request: Request, path: str, query: dict[str, list[str]]
    ) -> tuple[int, bytes]:
        """The status and body a path gets when nothing goes wrong."""
        if path == "/robots.txt":
            return 200, ROBOTS
        if path == "/_replica/pages":
            listing = [
                {"path": p.path, "href": p.href, "title": p.title} for p in self.pages.values()
            ]
            return 200, json.dumps(listing).encode()
        segments = path.strip("/").split("/")
        language = segments[0] if segments[0] in LISTINGS else "th"
        forms = (["content-category", LISTINGS[language]], ["page", LISTINGS[language]])
        if len(segments) == 3 and segments[1:] in forms:
            number = query.get("p", ["1"])[0]
            page_number = int(number) if number.isdigit() else 1
            form = "category" if segments[1] == "content-category" else "page"
            return 200, listing_html(
                self.theme, language, self._ordered(language), page_number, form
            ).encode()
        if len(segments) == 1 and segments[0] in LISTINGS:
            return 200, listing_html(self.theme, language, self._ordered(language), 1).encode()
        page = self.pages.get(path)
        if page is None:
            return 404, error_html(self.theme, language).encode()
        if page.broken == "error":
            return 200, error_html(self.theme, language).encode()
        others = [p for p in self._ordered(page.language) if p.path != page.path][:3]
        base = f"http://{request.getHeader('host')}"
        return 200, article_html(self.theme, page, others, base + page.href).encode()

    def _add_hostile_pages(self) -> list[str]:
        base = next(p for p in self.original.values() if "aseancanada2020" in p.href)
        added = []
        for key, page in hostile_pages(base):
            self.pages[key] = page
            added.append(page.href)
        return added

    def _observe(self, action: str, query: dict[str, str]) -> object | None:
        """The controls that count, pace and gate, and take a file down; None: another."""
        if action in ("pace", "peaks"):
            if action == "pace":
                self.pacing.reset(float(query.get("seconds", "0")))
            return self.pacing.report()
        if action == "gate":
            self.pacing.gate(opened=query.get("open", "1") == "1")
            return {"ok": True}
        if action == "unmedia":  # a picture or file taken down: 404 (or ``status``) now
            self.removed[unquote(query["path"])] = int(query.get("status", "404"))
            return {"ok": True}
        if action == "fetched":
            return dict(self.fetched)
        if action == "faults-served":
            return self.faults.served
        return None

    def render_POST(self, request: Request) -> bytes:  # noqa: N802 - Twisted's name
        split = urlsplit(request.uri.decode("ascii", "replace"))
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        action = split.path.removeprefix("/_replica/")
        if action == "reset":
            self.pages = dict(self.original)
            self.started, self.modified = max(time.time(), self.started + 1), {}
            self.faults.clear()
            self.pacing.reset()
            self.fetched.clear()
            self.removed.clear()
            return self._reply(request, b'{"ok": true}', b"application/json")
        answer = self._observe(action, query)
        if answer is not None:
            return self._reply(request, json.dumps(answer).encode(), b"application/json")
        if action == "fault":
            fault = Fault(
                kind=query["kind"],
                times=int(query.get("times", "1")),
                seconds=float(query.get("seconds", "1")),
                to=query.get("to", ""),
            )
            target, _sep, number = unquote(query["path"]).partition("?p=")
            target = target.rstrip("/") or "/"
            key = f"{self._listing_key(target)}?p={number}" if number else target
            self.faults.add(key, fault)
            return self._reply(request, b'{"ok": true}', b"application/json")
        if action == "retitle":  # a site-wide template change the reader cannot know
            shown = {key: replace(p, shows=LISTINGS[p.language]) for key, p in self.pages.items()}
            self.pages = shown
            self.started = max(time.time(), self.started + 1)
            return self._reply(request, b'{"ok": true}', b"application/json")
        if action == "hostile":
            added = self._add_hostile_pages()
            return self._reply(request, json.dumps(added).encode(), b"application/json")
        page = self.pages.get(unquote(query.get("path", "")).rstrip("/"))
        if page is None:
            return self._reply(request, b'{"error": "no such page"}', b"application/json", 404)
        changes: dict[str, Any] = {}
        if action == "bump":
            page = bumped(page, query.get("date"))
        elif action == "edit":
            page = silently_edited(page)
        elif action == "break":
            changes["broken"] = query.get("mode", "error")
        elif action == "template":
            changes["template"] = query.get("name", "bare")
        else:
            return self._reply(request, b'{"error": "no such action"}', b"application/json", 404)
        self.pages[page.path] = replace(page, **changes)
        self.modified[page.path] = max(time.time(), self.modified.get(page.path, self.started) + 1)
        answer = {"path": page.path, "updated_raw": self.pages[page.path].updated_raw}
        return self._reply(request, json.dumps(answer).encode(), b"application/json")
