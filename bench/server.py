"""The benchmark's site server: a Twisted resource serving a generated replica's files.

Fast enough not to be the bottleneck (no rendering per request: the pages are files,
read from the page cache).  Each page answers with an ``ETag`` and a ``Last-Modified``
and honours ``If-None-Match`` / ``If-Modified-Since`` with 304, as a CDN in front of the
platform does.  ``POST /_bench/update?count=K&scope=recent|old`` re-renders K articles
with a later update date and a changed body (the 1% update of the incremental run) and
answers with their paths.  ``POST /_bench/media?on=1`` makes the pages name their
pictures and files on this server (``/mfa/...``, served at realistic sizes:
:mod:`replica.media`), ``on=0`` on the image host again; each answers with the files and
bytes served since the last.  Updated pages go to a directory of this server's own: the
cached site is never written, so every benchmark run starts from the same pages (an
update written into the cache made the next run's update change nothing).

    python -m bench.server SITE_DIR [--port 0]   # prints READY <url>
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import cast
from urllib.parse import parse_qs, unquote, urlsplit

from twisted.internet import reactor
from twisted.internet.interfaces import IReactorCore, IReactorTCP
from twisted.web.resource import Resource
from twisted.web.server import Request, Site

from bench.site import TODAY, pages_for, write_page
from replica.conditional import answer_conditionally
from replica.content import format_date
from replica.media import media_file
from replica.render import Theme

ROBOTS = b"User-agent: *\nDisallow: /_bench/\n"
IMAGE_HOST = b"https://image.mfa.go.th/mfa/"


class BenchSite(Resource):
    """Files by URL path, with validators; listings by language and ``?p=``."""

    isLeaf = True  # noqa: N815 - Twisted's name

    def __init__(self, root: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.root = root
        index = json.loads((root / "index.json").read_text("utf-8"))
        self.articles: dict[str, str] = index["articles"]
        self.listings = {
            entry["name"]: (language, entry["pages"])
            for language, entry in index["listings"].items()
        }
        self.modified: dict[str, float] = {}
        self.overlay = Path(tempfile.mkdtemp(prefix="mfa-bench-updates-"))
        self.updated: dict[str, Path] = {}  # URL path -> its updated page in the overlay
        self.generation = 1_700_000_000.0  # Last-Modified of every page until it is updated
        self.n = int(index["n"])
        self.media: bytes | None = None  # pages name their files here (POST /_bench/media)
        self.media_served = [0, 0]  # files and bytes served

    def _file(self, path: str, query: dict[str, list[str]]) -> tuple[str, str] | None:
        """(file, validator key) for a URL path, or None."""
        parts = path.strip("/").split("/")
        if len(parts) == 3 and parts[1] == "content-category" and parts[2] in self.listings:
            language, files = self.listings[parts[2]]
            number = query.get("p", ["1"])[0]
            page = int(number) if number.isdigit() and int(number) >= 1 else 1
            return files[min(page, len(files)) - 1], f"l:{language}:{page}"
        name = self.articles.get(path)
        return (name, path) if name else None

    def render_GET(self, request: Request) -> bytes:  # noqa: N802 - Twisted's name
        split = urlsplit(request.uri.decode("ascii", "replace"))
        path = unquote(split.path)
        if path == "/robots.txt":
            request.setHeader(b"content-type", b"text/plain")  # type: ignore[no-untyped-call]
            return ROBOTS
        if path.startswith("/mfa/"):  # the pages' pictures and files, at realistic sizes
            body, kind = media_file(path)
            self.media_served[0] += 1
            self.media_served[1] += len(body)
            request.setHeader(b"content-type", kind)  # type: ignore[no-untyped-call]
            return body
        found = self._file(path, parse_qs(split.query))
        if found is None:
            request.setResponseCode(404)
            return b"not found"
        name, key = found
        body = self.updated.get(key, self.root / name).read_bytes()
        if self.media is not None:
            body = body.replace(IMAGE_HOST, self.media)
        request.setHeader(b"content-type", b"text/html; charset=utf-8")  # type: ignore[no-untyped-call]
        return answer_conditionally(request, body, self.modified.get(key, self.generation))

    def render_POST(self, request: Request) -> bytes:  # noqa: N802 - Twisted's name
        split = urlsplit(request.uri.decode())
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        request.setHeader(b"content-type", b"application/json")  # type: ignore[no-untyped-call]
        if split.path == "/_bench/media":  # pages name their files on this server, or not
            host = (request.getHeader("host") or "").encode()
            self.media = b"http://" + host + b"/mfa/" if query.get("on") == "1" else None
            served, self.media_served = self.media_served, [0, 0]
            return json.dumps({"files": served[0], "bytes": served[1]}).encode()
        count, scope = int(query.get("count", "1")), query.get("scope", "recent")
        pages = pages_for(self.n)
        chosen = range(count) if scope == "recent" else range(self.n - count, self.n)
        theme = Theme(seed=self.n)
        self.generation += 1
        updated = []
        for i in chosen:
            page = pages[i]
            if page.imported_raw is None:
                continue
            bumped = replace(
                page, updated_raw=format_date(TODAY, page.language), body=[*page.body, "updated"]
            )
            name = write_page(self.overlay, i, bumped, theme, pages[i + 1 : i + 4])
            self.updated[page.path] = self.overlay / name
            self.modified[page.path] = self.generation
            updated.append(page.path)
        return json.dumps(updated).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.server")
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    resource = BenchSite(args.site)
    site = Site(resource)  # type: ignore[no-untyped-call]
    site.noisy = False
    tcp, core = cast("IReactorTCP", reactor), cast("IReactorCore", reactor)
    port = tcp.listenTCP(args.port, site, interface="127.0.0.1")  # type: ignore[arg-type]
    print(f"READY http://127.0.0.1:{port.getHost().port}", flush=True)  # type: ignore[misc]
    try:
        core.run()  # type: ignore[misc]
    finally:
        shutil.rmtree(resource.overlay, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
