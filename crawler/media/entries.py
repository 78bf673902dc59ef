"""Which files an archived article shows, and the article told what the archive holds.

An article's files are its pictures (``images[].url``: the original rendition on the
platform's image host), its video thumbnails (``videos[].thumbnail_url``; the players
are not downloaded) and its attachments (``attachments[].url``).  Each entry is told its
copy (``file``) or why there is none (``missing``): the record says, per file, what the
archive holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from schemas.models import ArchivedArticle, StoredFile

Outcome = StoredFile | str
"""The archive's copy of a file, or why it has none."""


def media_urls(article: ArchivedArticle) -> list[str]:
    """The URLs of the article's files, each once, in the record's order."""
    return list(dict.fromkeys(url for url, _file, _missing in article.file_entries() if url))


def told(
    article: ArchivedArticle, outcomes: Mapping[str, Outcome], only_these: bool = False
) -> ArchivedArticle:
    """The article with each entry's copy or reason, from ``outcomes`` (by URL); with
    ``only_these``, entries whose URL is not in ``outcomes`` stay as they were."""

    def fields(url: str | None, file: str, missing: str) -> dict[str, object]:
        if only_these and url not in outcomes:
            return {}
        outcome = outcomes.get(url) if url else None
        if isinstance(outcome, StoredFile):
            return {file: outcome, missing: None}
        return {file: None, missing: outcome}

    images = [i.model_copy(update=fields(i.url, "file", "missing")) for i in article.images]
    videos = [
        v.model_copy(update=fields(v.thumbnail_url, "thumbnail_file", "thumbnail_missing"))
        for v in article.videos
    ]
    attachments = [
        a.model_copy(update=fields(a.url, "file", "missing")) for a in article.attachments
    ]
    return article.model_copy(
        update={"images": images, "videos": videos, "attachments": attachments}
    )
