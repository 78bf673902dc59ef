"""Dedup state and revisit schedule rebuilt from what the store holds.

Both derive from the store's records, so a fresh machine, a lost state file or
``verify --repair`` can always recreate them: one pass over the records, keeping for the
schedule only the latest fetch of each article (a few fields, not the records).
"""

from __future__ import annotations

from collections.abc import Iterator

from crawler.archive import Archive
from crawler.dedup_state import DedupState
from crawler.revisit import Observation, RevisitSchedule, article_observation
from schemas.models import ArchivedArticle


def rebuild_state(archive: Archive, state: DedupState, schedule: RevisitSchedule) -> int:
    """Replace state and schedule with what ``archive`` holds; returns the versions seen."""
    latest: dict[str, Observation] = {}

    def versions() -> Iterator[tuple[str, ArchivedArticle]]:
        for key, article in archive.versions():
            known = latest.get(article.canonical_url)
            if known is None or article.fetched_at > known.fetched_at:
                latest[article.canonical_url] = article_observation(article, changed=True)
            yield key, article

    total = state.rebuild(versions())
    schedule.clear()
    for seen in latest.values():
        schedule.observe(seen)
    return total
