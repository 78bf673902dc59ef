"""The difference between two versions of an article.

Fields first (every field of the content but the body, compared as archived), then the
body: paragraphs matched in order (``difflib``), a replaced run of paragraphs paired one
to one as *changed* (the rest added or removed), and a changed paragraph diffed word by
word.  The summary's character count comes from a character-level diff, not from the
words, so it is the same whichever segmenter is installed (exports stay byte-identical).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from crawler.diffing.words import words
from schemas.export import ChangeSummary
from schemas.models import ArchivedArticle, ArticleContent

FIELDS = tuple(
    name for name in ArticleContent.model_fields if name not in ("body", "warnings", "translations")
)
"""The content's fields compared one by one (the body is compared paragraph by paragraph;
warnings are the extractor's, not the page's; translations are navigation, not content)."""

Op = Literal["equal", "added", "removed", "changed"]


@dataclass(frozen=True)
class Piece:
    """A run of words: kept, or present in one version only."""

    op: Literal["equal", "added", "removed"]
    text: str


@dataclass(frozen=True)
class Paragraph:
    op: Op
    old: str | None
    new: str | None
    pieces: list[Piece] = field(default_factory=list)
    """For a changed paragraph, its words diffed."""


@dataclass(frozen=True)
class VersionDiff:
    fields: list[tuple[str, object, object]]
    """(field, old value, new value) of every field that differs."""
    paragraphs: list[Paragraph]
    summary: ChangeSummary


def word_pieces(old: str, new: str) -> list[Piece]:
    before, after = words(old), words(new)
    pieces = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("equal", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(after[j1:j2])))
    return pieces


def _characters(old: str, new: str) -> int:
    """Characters that differ (per differing run, the longer side)."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def diff(old: ArchivedArticle, new: ArchivedArticle, *, words: bool = True) -> VersionDiff:
    """What changed from ``old`` to ``new``; ``words=False`` leaves out the words of
    changed paragraphs (the segmenter's work), which the change summary does not need."""
    changed_fields = [
        (name, getattr(old, name), getattr(new, name))
        for name in FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    paragraphs: list[Paragraph] = []
    counts = {"added": 0, "removed": 0, "changed": 0}
    characters = 0
    matcher = SequenceMatcher(None, old.body, new.body, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            paragraphs += [Paragraph("equal", text, text) for text in old.body[i1:i2]]
            continue
        olds, news = old.body[i1:i2], new.body[j1:j2]
        for before, after in zip(olds, news, strict=False):
            pieces = word_pieces(before, after) if words else []
            paragraphs.append(Paragraph("changed", before, after, pieces))
            counts["changed"] += 1
            characters += _characters(before, after)
        for before in olds[len(news) :]:
            paragraphs.append(Paragraph("removed", before, None))
            counts["removed"] += 1
            characters += len(before)
        for after in news[len(olds) :]:
            paragraphs.append(Paragraph("added", None, after))
            counts["added"] += 1
            characters += len(after)
    summary = ChangeSummary(
        paragraphs_added=counts["added"],
        paragraphs_removed=counts["removed"],
        paragraphs_changed=counts["changed"],
        characters_changed=characters,
        fields_changed=[name for name, _old, _new in changed_fields],
    )
    return VersionDiff(changed_fields, paragraphs, summary)
