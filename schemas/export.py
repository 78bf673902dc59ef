"""The rows of the archive's exports (``scrapy export``): what a dataset built from the
archive holds, one row per article (the ``latest`` view) or per version (``versions``).

A row is the archived version itself (:class:`schemas.models.ArchivedArticle`, every
field as archived: raw strings beside normalised dates, text exact) plus what only the
archive as a whole knows: where the version sits in its article's history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from schemas.models import ArchivedArticle

VIEWS: Final = ("latest", "versions")
View = Literal["latest", "versions"]


class ChangeSummary(BaseModel):
    """What changed from the previous version of the article to this one."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    paragraphs_added: int
    """Body paragraphs in this version and not in the previous one."""
    paragraphs_removed: int
    """Body paragraphs of the previous version that are gone."""
    paragraphs_changed: int
    """Paragraphs edited in place (paired in order within a run of replaced ones)."""
    characters_changed: int
    """Characters that differ in the body, added, removed or replaced (a character-level
    count: the same whichever Thai word segmenter is installed)."""
    fields_changed: list[str]
    """Other fields that differ (``title``, ``updated_date``, ``images``, ...)."""


class ExportRow(ArchivedArticle):
    """One version of an article, as exported."""

    kind: str | None = None
    """The page type named by the URL path after the language (``content``, ``page``, ...)."""
    version: str
    """The version's key in the archive (its folder): stable, unique, sortable per article."""
    version_number: int
    """1 for the article's first archived version, then 2, 3, ... by first fetch."""
    version_count: int
    """How many versions of the article the archive holds."""
    is_latest: bool
    """Whether this is the version the article's ``latest.json`` names (a page that went
    back to an earlier version makes that earlier one the latest)."""
    silent_edit: bool
    """The content changed while the page's update date did not (``version_reason`` is
    ``silent_edit``): an edit the ministry did not announce."""
    last_fetched_at: datetime
    """When the page was last fetched as this version (for the latest version, from
    ``latest.json``; for earlier ones, when they were archived)."""
    changes: ChangeSummary | None = None
    """What changed since the previous version (``None`` for the first)."""
