"""The rows of the archive's exports (``scrapy export``): what a dataset built from the
archive holds, one row per article (the ``latest`` view) or per version (``versions``).

A row is the archived version itself (:class:`schemas.models.ArchivedArticle`, every
field as archived: raw strings beside normalised dates, text exact) plus what only the
archive as a whole knows: where the version sits in its article's history.  The
``pairs`` view (:class:`PairRow`) holds Thai and English articles found to be
translations of one another.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from schemas.models import ArchivedArticle

VIEWS: Final = ("latest", "versions", "pairs")
View = Literal["latest", "versions", "pairs"]


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
    status: Literal["live", "gone", "moved"] = "live"
    """The article's page as the last check found it: ``gone`` (taken down: 404, 410, a
    redirect away, no article any more) or ``moved`` (redirected to another article page),
    each confirmed by a second check (:mod:`schemas.events`); the same on every version
    row of the article."""
    gone_since: datetime | None = None
    """``gone`` and ``moved``: when the page was first found absent."""
    moved_to: str | None = None
    """``moved``: the canonical URL of the article page it now leads to."""


class PairRow(BaseModel):
    """A Thai article and an English one of the same site found to be translations of one
    another, each as its latest version, with how sure the pairing is and why."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    site: str
    """The site both articles belong to."""
    confidence: float
    """How sure the pairing is, 0 to 1: the evidence combined (each kind's weight, one
    minus the product of what each leaves in doubt).  Pairs below 0.5 are not exported."""
    evidence: list[str]
    """What pairs them: ``link:both``, ``link:th-to-en``, ``link:en-to-th`` (a language
    switch leads to the other); ``media:N`` (N pictures or videos in common, each
    weighed by how few articles of the site hold it); ``slug`` (one slug but for language markers);
    ``date:YYYY-MM-DD`` (both slugs or titles name that date); ``mentioned:N`` (N dates
    both bodies name, not within a day of publication); ``numbers:N`` and
    ``names:N`` (numbers and Latin-script names in common); ``only-candidates`` (the
    only article of the other language published within a day, each way)."""
    days_apart: int | None
    """Days between the two publication dates (``None`` when one shows none)."""
    th_url: str
    """The Thai article's canonical URL."""
    en_url: str
    """The English article's canonical URL."""
    th_version: str
    """The key of the Thai article's latest version in the archive."""
    en_version: str
    """The key of the English article's latest version."""
    th_title: str | None
    """The Thai title, exactly as published."""
    en_title: str | None
    """The English title, exactly as published."""
    th_imported_date: date | None
    """The Thai article's publication date (Gregorian)."""
    en_imported_date: date | None
    """The English article's publication date (Gregorian)."""
    th_body: list[str]
    """The Thai body paragraphs, exactly as published."""
    en_body: list[str]
    """The English body paragraphs, exactly as published."""
