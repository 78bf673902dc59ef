"""The layout fuzzer: every page of the sample and the corpus in many layouts.

Each page is rendered by the replica in ``LAYOUTS`` layouts drawn from seeds
(:class:`tests.replica.layouts.Layout`), and extraction must give the page's record
field for field: title, both dates raw and normalised, the view count, the body,
images (original and served URL, caption), videos and attachments.  A failure names
the page and the layout, so that it can be replayed with ``Layout.draw(seed)``.
``MFA_LAYOUTS=N`` draws more.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from lxml import html as lxml_html

from crawler.platforms.mfa import PageContext, extract_article
from schemas import NotAnArticle, build_content
from tests.conftest import SHARED
from tests.replica.article_page import article_page
from tests.replica.content import Page, load_pages
from tests.replica.layouts import Layout

LAYOUTS = int(os.environ.get("MFA_LAYOUTS", "30"))
PAGES = load_pages(SHARED)
BASE = "https://www.mfa.go.th"


def _seed(page: Page, n: int) -> int:
    return int(page.image_seed[:8], 16) * 1000 + n


def _observed(page: Page, layout: Layout) -> tuple[dict[str, Any], dict[str, Any]]:
    others = [p for p in PAGES if p.language == page.language and p.path != page.path][:3]
    url = BASE + page.href
    text, expected = article_page(page, others, url, layout)
    raw = extract_article(lxml_html.document_fromstring(text.encode()), PageContext.of(url))
    observed: dict[str, Any] = {
        "title": raw.title, "imported_date_raw": raw.imported_date_raw,
        "updated_date_raw": raw.updated_date_raw, "view_count": raw.view_count, "body": raw.body,
        "images": [i.model_dump() for i in raw.images],
        "videos": [v.model_dump() for v in raw.videos],
        "attachments": [a.model_dump() for a in raw.attachments],
    }  # fmt: skip
    try:
        content = build_content(raw)
        observed["dates"] = (content.imported_date, content.updated_date)
    except NotAnArticle:
        observed["dates"] = "not an article"
    return observed, expected


def _expected_dates(page: Page) -> object:
    from schemas.dates import parse_platform_date

    if page.imported_raw is None and page.updated_raw is None:
        return "not an article"
    raw = (page.imported_raw, page.updated_raw if page.template != "bare" else None)
    return tuple(parse_platform_date(r) if r else None for r in raw)


@pytest.mark.parametrize("page", PAGES, ids=[p.path.rsplit("/", 1)[-1][:24] for p in PAGES])
def test_every_page_reads_right_in_every_layout(page: Page) -> None:
    failures = []
    for n in range(LAYOUTS):
        layout = Layout.draw(_seed(page, n))
        observed, expected = _observed(page, layout)
        expected["dates"] = _expected_dates(page)
        if expected["dates"] == "not an article":
            expected = {"dates": expected["dates"]}
        wrong = {k: (observed[k], expected[k]) for k in expected if observed[k] != expected[k]}
        if wrong:
            failures.append((layout.seed, wrong))
    assert not failures, f"{len(failures)} of {LAYOUTS} layouts wrong; first: {failures[0]}"
