"""Every real page of the corpus against the fields written down by hand after reading it.

The fixtures (``fixtures/corpus/NNN.expected.json``) were written by reading each page,
independently of the parser; every corpus file must have one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from schemas import NotAnArticle, parse, render
from schemas.textform import read_raw
from tests.conftest import CORPUS, SAMPLE

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 26)
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def _page_text(path: Path) -> str:
    url_line, separator, text = path.read_text(encoding="utf-8").split("\n", 2)
    assert url_line.startswith("URL: ") and separator == "---"
    return text


def _observed(text: str) -> dict[str, Any]:
    try:
        article = parse(text, today=TODAY, first_line=3)
    except NotAnArticle as exc:
        return {"is_article": False, "error_reasons": sorted(f.reason for f in exc.findings)}
    return {
        "is_article": True,
        "title": article.title,
        "imported_date": article.imported_date and article.imported_date.isoformat(),
        "imported_date_raw": article.imported_date_raw,
        "updated_date": article.updated_date and article.updated_date.isoformat(),
        "updated_date_raw": article.updated_date_raw,
        "view_count": article.view_count,
        "body_count": len(article.body),
        "body_first": article.body[0] if article.body else None,
        "body_last": article.body[-1] if article.body else None,
        "captions": [image.caption for image in article.images],
        "warning_fields": sorted({finding.field for finding in article.warnings}),
    }


def test_corpus_is_there() -> None:
    assert len(CORPUS_FILES) == 58, f"expected the 58 corpus pages in {CORPUS}"


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.stem for p in CORPUS_FILES])
def test_corpus_page(path: Path) -> None:
    expected = json.loads((FIXTURES / "corpus" / f"{path.stem}.expected.json").read_text("utf-8"))
    observed = _observed(_page_text(path))
    if not expected["is_article"]:
        assert observed["is_article"] is False
        reasons = " ".join(observed["error_reasons"])
        for reason in expected["error_reasons"]:
            assert reason in reasons
        return
    assert observed == {key: expected[key] for key in observed}


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.stem for p in CORPUS_FILES])
def test_corpus_page_render_is_stable(path: Path) -> None:
    """Rendering a parsed page and parsing it again changes nothing (a fixed point)."""
    text = _page_text(path)
    try:
        article = parse(text, today=TODAY)
    except NotAnArticle:
        return
    assert parse(render(article), today=TODAY) == article


def test_sample_fixture() -> None:
    expected = json.loads((FIXTURES / "sample.expected.json").read_text("utf-8"))
    observed = _observed(SAMPLE.read_text(encoding="utf-8"))
    assert observed == {key: expected[key] for key in observed}


def test_nothing_of_a_page_is_lost_between_text_and_parts() -> None:
    """Every non-blank line of every page lands in a field (the header lines aside)."""
    for path in CORPUS_FILES:
        raw = read_raw(_page_text(path))
        kept = set(raw.body) | {raw.title} | {i.caption for i in raw.images}
        lines = [line for line in _page_text(path).split("\n") if line.strip()]
        header = {line for line in lines if line not in kept}
        assert all(
            ("view" in line or "ข้อมูล" in line or any(c.isdigit() for c in line)) for line in header
        ), (path.name, header)
