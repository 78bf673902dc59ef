"""Words of a paragraph, for a word-by-word diff.

Thai is written without spaces between words, so words come from PyThaiNLP's
dictionary segmenter (``word_tokenize``, engine ``newmm``, its bundled dictionary: no
network) when it is installed (``pip install '.[thai]'``); else from character runs:
each Thai character (with the marks above and below it) alone, Latin letters and digits
in runs, spaces in runs, any other character alone.  Either way the words joined are
the paragraph, exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

_RUNS = re.compile(r"[A-Za-z0-9]+|\s+|.", re.DOTALL)


def character_runs(text: str) -> list[str]:
    """The fallback segmentation (a combining mark stays with its base character)."""
    words: list[str] = []
    for match in _RUNS.finditer(text):
        piece = match.group()
        if words and len(piece) == 1 and unicodedata.category(piece) == "Mn":
            words[-1] += piece
        else:
            words.append(piece)
    return words


@cache
def segmenter() -> tuple[str, Callable[[str], list[str]]]:
    """(name, function) of the segmenter in use."""
    try:
        from pythainlp.tokenize import word_tokenize
    except ImportError:
        return "character runs", character_runs

    def thai_words(text: str) -> list[str]:
        found: list[str] = word_tokenize(text, engine="newmm", keep_whitespace=True)
        return found if "".join(found) == text else character_runs(text)

    return "pythainlp newmm", thai_words


def words(text: str) -> list[str]:
    return segmenter()[1](text)
