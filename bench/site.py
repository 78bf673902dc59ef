"""A large replica of the platform, generated once from the corpus and kept on disk.

``build(n)`` writes ``n`` article pages (the 59 sample and corpus pages cycled under new
slugs, with import dates spread evenly over the ten years before today, newest first),
their category listings (10 cards a page, per language, served and linked by the
pager as ``/<lang>/content-category/<name>``) and an index, under
``bench/.cache/site-<n>/``.  Pages are rendered by the test replica's templates, so they
have the platform's structure and noise.  A second call finds the cache, which nothing
writes to after it is built (the server keeps its updates apart).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from replica.content import Page
from replica.generated import generated_pages
from replica.render import LISTINGS, PAGE_SIZE, Theme, article_html, listing_html
from tests.conftest import SHARED

CACHE = Path(__file__).parent / ".cache"
FORMAT = 8  # bump when the generated pages change (8: a gallery on every page, issue 26)
TODAY = date.today()  # the replica's dates are spread back from the day it is built


def site_dir(n: int) -> Path:
    return CACHE / f"site-{n}-v{FORMAT}-{TODAY.isoformat()}"


def pages_for(n: int) -> list[Page]:
    """``n`` articles from the corpus, newest first, import dates over ten years; each
    with a gallery of 3 to 8 pictures, as the platform's news pages have (the corpus
    texts are the first part of each page and rarely reach the gallery)."""
    pages = generated_pages(SHARED, n, TODAY)
    return [
        page if page.captions else replace(page, captions=_captions(page, i))
        for i, page in enumerate(pages)
    ]


def _captions(page: Page, index: int) -> list[str]:
    word = "ภาพที่" if page.language == "th" else "Picture"
    return [f"{word} {k + 1}" for k in range(3 + index % 6)]


def write_page(root: Path, index: int, page: Page, theme: Theme, others: list[Page]) -> str:
    name = f"a/{index // 1000}/{index}.html"
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(article_html(theme, page, others, "http://127.0.0.1" + page.href).encode())
    return name


def build(n: int) -> Path:
    """Generate (or find) the replica of ``n`` articles; returns its directory."""
    root = site_dir(n)
    if (root / "index.json").exists():
        return root
    theme = Theme(seed=n)
    pages = pages_for(n)
    index: dict[str, object] = {"articles": {}, "listings": {}, "n": n}
    articles: dict[str, str] = {}
    for i, page in enumerate(pages):
        others = pages[i + 1 : i + 4]
        articles[page.path] = write_page(root, i, page, theme, others)
    for language, name in LISTINGS.items():
        own = [p for p in pages if p.language == language]
        count = -(-len(own) // PAGE_SIZE) + 1  # one empty page past the end
        files = []
        for number in range(1, count + 1):
            path = root / "l" / f"{language}-{number}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            html = listing_html(theme, language, own, number, form="category")  # as served
            path.write_bytes(html.encode())
            files.append(f"l/{language}-{number}.html")
        index["listings"] = {**index["listings"], language: {"name": name, "pages": files}}  # type: ignore[dict-item]
    index["articles"] = articles
    (root / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return root


if __name__ == "__main__":
    for size in sys.argv[1:] or ["10000"]:
        print(build(int(size)))
