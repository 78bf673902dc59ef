"""A large site made from the corpus: ``n`` articles with dates over ten years.

The 59 sample and corpus pages are cycled under new slugs (``<slug>-<i>``), newest
first, with import dates spread evenly over the ten years before ``today``: a site the
size of a real one, for the benchmark (:mod:`bench.site`) and for the crawl tier's
incremental test (``python -m replica --articles N``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from replica.content import Page, format_date, load_pages


def _slug(page: Page) -> str:
    return page.href.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def generated_pages(shared: Path, n: int, today: date) -> list[Page]:
    """``n`` articles from the corpus, newest first, import dates over ten years."""
    sources = load_pages(shared)
    pages = []
    for i in range(n):
        source = sources[i % len(sources)]
        kind = source.href.split("/")[2]
        imported = today - timedelta(days=1 + i * 3650 // max(n, 1))  # an update can be later
        raw = format_date(imported, source.language)
        has_dates = source.imported_raw is not None or source.updated_raw is not None
        pages.append(
            replace(
                source,
                href=f"/{source.language}/{kind}/{_slug(source)}-{i}",
                imported_raw=raw if has_dates else None,
                updated_raw=raw if source.updated_raw is not None else None,
                image_seed=f"{i:024x}",
            )
        )
    return pages
