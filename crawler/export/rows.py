"""Export rows from an article's versions, and which articles an export selects."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from crawler.diffing.versions import diff
from crawler.export.histories import ArticleVersions
from crawler.urls import path_segments
from schemas.export import ExportRow
from schemas.models import ArchivedArticle


def kind_of(article: ArchivedArticle) -> str | None:
    """The page type in the article's path: the segment after the language, when a slug
    follows it (``/th/content/<slug>`` is ``content``)."""
    segments = path_segments(article.canonical_url)
    if article.language and len(segments) >= 3 and segments[0] == article.language:
        return segments[1]
    return None


@dataclass(frozen=True)
class Selection:
    """Which articles to export: every filter left empty selects everything.  Site,
    language and kind are the article's; the dates are the latest version's import
    (publication) date, or its update date when it shows none, inclusive.  With
    ``changed_after`` (the end of a run: ``--since-run``), only what the archive gained
    after it: versions archived later, and latest rows whose latest version changed."""

    sites: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    changed_after: datetime | None = None

    def fresh(self, row: ExportRow, view: str) -> bool:
        if self.changed_after is None:
            return True
        when = row.last_fetched_at if view == "latest" else row.fetched_at
        return when > self.changed_after

    def takes(self, latest: ArchivedArticle) -> bool:
        if self.sites and latest.site not in self.sites:
            return False
        if self.languages and latest.language not in self.languages:
            return False
        if self.kinds and kind_of(latest) not in self.kinds:
            return False
        published = latest.imported_date or latest.updated_date
        if self.since is not None and (published is None or published < self.since):
            return False
        return not (self.until is not None and (published is None or published > self.until))


def version_rows(history: ArticleVersions) -> Iterator[ExportRow]:
    """Every version of the article, oldest first."""
    count = len(history.versions)
    removed = history.removal
    previous: ArchivedArticle | None = None
    for number, version in enumerate(history.versions, start=1):
        article = version.article
        changes = diff(previous, article, words=False).summary if previous is not None else None
        previous = article
        latest = version.key == history.latest
        last = article.fetched_at
        if latest and history.latest_fetched_at:
            last = datetime.fromisoformat(history.latest_fetched_at)
        yield ExportRow(
            **dict(article),
            kind=kind_of(article),
            version=version.key,
            version_number=number,
            version_count=count,
            is_latest=latest,
            silent_edit=article.version_reason == "silent_edit",
            last_fetched_at=last,
            changes=changes,
            status=history.status,
            gone_since=removed.since if removed is not None else None,
            moved_to=removed.moved_to if removed is not None else None,
        )


def latest_of(history: ArticleVersions) -> ArchivedArticle:
    [found] = [v.article for v in history.versions if v.key == history.latest]
    return found
