"""``python -m bench.reading [--articles 1000] [--pages 400]``: CPU per article page of
the reading alone (charset, parse, platform selectors), in this process, on the bench
site's pages -- the largest part of an article's cost (docs/benchmarks.md), measured
without a crawl around it so that a change to the reader shows in seconds."""

from __future__ import annotations

import argparse
import json
import time
from functools import partial

from lxml.html import HtmlElement
from parsel import Selector

from bench.site import build
from crawler.platforms.mfa import PageContext
from crawler.platforms.reading import read_fetched

BASE = "http://127.0.0.1:8000"


def _root(body: bytes) -> HtmlElement:
    """The document as Scrapy's selector parses it."""
    root: HtmlElement = Selector(text=body.decode("utf-8")).root
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reading", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="the bench site's size")
    parser.add_argument("--pages", type=int, default=400, help="article pages read")
    parser.add_argument("--rounds", type=int, default=3, help="the best round is reported")
    args = parser.parse_args(argv)
    root = build(args.articles)
    index = json.loads((root / "index.json").read_text("utf-8"))
    chosen = list(index["articles"].items())[: args.pages]
    pages = [(BASE + path, (root / file).read_bytes()) for path, file in chosen]

    def one_round() -> float:
        started = time.process_time()
        for url, body in pages:
            context = PageContext.of(url, frozenset({"127.0.0.1:8000"}))
            read_fetched(body, "utf-8", partial(_root, body), context, 500)
        return time.process_time() - started

    one_round()  # warm: imports, caches
    best = min(one_round() for _ in range(args.rounds))
    print(
        f"{best / len(pages) * 1000:.2f} ms CPU per article page ({len(pages)} pages,"
        f" best of {args.rounds})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
