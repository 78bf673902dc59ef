"""The bilingual sites the replica can serve instead of the corpus, each with its true
Thai-English pairs written down by someone who had not seen the matcher."""

from __future__ import annotations

import importlib
from typing import Final

from replica.content import Page

SCENARIOS: Final = {
    "pairs": "replica.pairs",  # www.mfa.go.th press releases, Sep-Oct 2024
    "pairs-embassy": "replica.pairs_embassy",  # an embassy site
    "pairs-department": "replica.pairs_department",  # the consular department's
}


def bilingual(name: str) -> tuple[list[Page], list[tuple[str, str]]]:
    """The scenario's pages and its true pairs, (Thai path, English path)."""
    module = importlib.import_module(SCENARIOS[name])
    pages: tuple[list[Page], list[tuple[str, str]]] = module.bilingual_pages()
    return pages
