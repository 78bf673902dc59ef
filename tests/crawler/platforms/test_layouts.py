"""The layout fuzzer: every page of the sample and the corpus in many layouts.

Each page is rendered by the replica in ``LAYOUTS`` layouts drawn from seeds
(:class:`replica.layouts.Layout`), and extraction must give the page's record
field for field: title, both dates raw and normalised, the view count, the body,
images (original and served URL, caption), videos and attachments.  A failure names
the page and the layout, so that it can be replayed with ``Layout.draw(seed)``.  The
unit tier draws the first ``UNIT_LAYOUTS`` (6) of them, the whole suite the rest too
(``-m wide``); ``MFA_LAYOUTS=N`` draws more.  The fuzz tier (``-m fuzz``, run by CI
after the whole suite) draws ``MFA_SILENT_LAYOUTS`` (200) more a page and asks less and
more: a field may come out wrong there only with a warning on it -- never wrong in
silence.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from lxml import html as lxml_html

from crawler.platforms.mfa import PageContext, extract_article
from replica.article_page import article_page
from replica.content import Page, load_pages
from replica.layouts import Layout
from schemas import NotAnArticle, build_content
from schemas.models import COPY_FIELDS
from tests.conftest import SHARED

LAYOUTS = int(os.environ.get("MFA_LAYOUTS", "30"))
UNIT_LAYOUTS = min(6, LAYOUTS)
PAGES = load_pages(SHARED)
BASE = "https://www.mfa.go.th"


def _seed(page: Page, n: int) -> int:
    return int(page.image_seed[:8], 16) * 1000 + n


FLAGGED_AS = {
    "title": "title",
    "imported_date_raw": "imported_date",
    "updated_date_raw": "updated_date",
    "view_count": "view_count",
    "body": "body",
    "images": "images",
    "videos": "videos",
    "attachments": "attachments",
    "dates": "imported_date",
}
"""The field a warning names when a reading of this key is in doubt."""


def _observed(page: Page, layout: Layout) -> tuple[dict[str, Any], dict[str, Any]]:
    others = [p for p in PAGES if p.language == page.language and p.path != page.path][:3]
    url = BASE + page.href
    text, expected = article_page(page, others, url, layout)
    raw = extract_article(lxml_html.document_fromstring(text.encode()), PageContext.of(url))
    observed: dict[str, Any] = {
        "title": raw.title,
        "imported_date_raw": raw.imported_date_raw,
        "updated_date_raw": raw.updated_date_raw,
        "view_count": raw.view_count,
        "body": raw.body,
        "images": [i.model_dump(exclude=set(COPY_FIELDS)) for i in raw.images],
        "videos": [v.model_dump(exclude=set(COPY_FIELDS)) for v in raw.videos],
        "attachments": [a.model_dump(exclude=set(COPY_FIELDS)) for a in raw.attachments],
    }
    flagged = {finding.field for finding in raw.notes}
    try:
        content = build_content(raw)
        observed["dates"] = (content.imported_date, content.updated_date)
        flagged |= {finding.field for finding in content.warnings}
    except NotAnArticle:
        observed["dates"] = "not an article"
    observed["flagged"] = flagged
    return observed, expected


def _wrong(page: Page, n: int) -> tuple[Layout, dict[str, Any], set[str]]:
    """The layout drawn, the keys read wrong (observed, expected), and the fields flagged."""
    layout = Layout.draw(_seed(page, n))
    observed, expected = _observed(page, layout)
    expected["dates"] = _expected_dates(page)
    if expected["dates"] == "not an article":
        expected = {"dates": expected["dates"]}
    wrong = {k: (observed[k], expected[k]) for k in expected if observed[k] != expected[k]}
    return layout, wrong, observed["flagged"]


def _expected_dates(page: Page) -> object:
    from schemas.dates import parse_platform_date

    if page.imported_raw is None and page.updated_raw is None:
        return "not an article"
    raw = (page.imported_raw, page.updated_raw if page.template != "bare" else None)
    return tuple(parse_platform_date(r) if r else None for r in raw)


IDS = [p.path.rsplit("/", 1)[-1][:24] for p in PAGES]


def _read_right(page: Page, layouts: range) -> None:
    failures = []
    for n in layouts:
        layout, wrong, _flagged = _wrong(page, n)
        if wrong:
            failures.append((layout.seed, wrong))
    assert not failures, f"{len(failures)} of {len(layouts)} layouts wrong; first: {failures[0]}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_reads_right_in_every_layout(page: Page) -> None:
    _read_right(page, range(UNIT_LAYOUTS))


@pytest.mark.wide
@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_reads_right_in_more_layouts(page: Page) -> None:
    """The layouts the unit tier leaves to the whole suite (the same seeds as ever)."""
    _read_right(page, range(UNIT_LAYOUTS, LAYOUTS))


SILENT_LAYOUTS = int(os.environ.get("MFA_SILENT_LAYOUTS", "200"))


@pytest.mark.fuzz
@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_field_is_wrong_in_silence(page: Page) -> None:
    """Over many more layouts (``MFA_SILENT_LAYOUTS``, 200 a page): a field read wrong
    carries a warning -- the evidence disagreed, or the part was found missing -- so
    that a reading gone wrong is never archived as if it were right."""
    silent = []
    for n in range(LAYOUTS, LAYOUTS + SILENT_LAYOUTS):
        layout, wrong, flagged = _wrong(page, n)
        unflagged = {k: v for k, v in wrong.items() if FLAGGED_AS[k] not in flagged}
        if unflagged:
            silent.append((layout.seed, unflagged))
    assert not silent, f"{len(silent)} of {SILENT_LAYOUTS} layouts wrong in silence: {silent[0]}"
