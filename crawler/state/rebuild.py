"""The state rebuilt from what the store holds.

Versions and schedule derive from the store's records, so a fresh machine, a lost state
file or ``verify --repair`` can always recreate them: one pass over the records, keeping
for the schedule only the latest fetch of each article (a few fields, not the records),
all in one transaction (a crash midway leaves the old state).

A page that went back to an earlier version (``reverted``) has no record of its own:
its ``latest.json`` points at the earlier version with the later fetch time.  So for
every article with more than one version the pointer is read too, and a revert it
records makes that version the latest again, in the versions and in the schedule.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from crawler.state.db import StateDB
from crawler.state.schedule import Observation, article_observation
from crawler.storage.archive import Archive
from crawler.storage.layout import article_of
from schemas.models import ArchivedArticle


def rebuild_state(archive: Archive, state: StateDB) -> int:
    """Replace versions and schedule with what ``archive`` holds; returns the versions."""
    latest: dict[str, Observation] = {}
    keys: dict[str, list[str]] = {}  # canonical URL -> its version keys

    def versions() -> Iterator[tuple[str, ArchivedArticle]]:
        for key, article in archive.versions():
            known = latest.get(article.canonical_url)
            if known is None or article.fetched_at > known.fetched_at:
                latest[article.canonical_url] = article_observation(article, changed=True)
            keys.setdefault(article.canonical_url, []).append(key)
            yield key, article

    with state.db.transaction():
        total = state.versions.replace(versions())
        for url, stored in keys.items():
            if len(stored) > 1:
                reverted = _reverted(archive, stored, latest[url].fetched_at)
                if reverted is not None:
                    key, article = reverted
                    state.versions.touch(url, key, article.fetched_at)
                    latest[url] = article_observation(article, changed=True)
        state.schedule.clear()
        for seen in latest.values():
            state.schedule.observe(seen)
    return total


def _reverted(
    archive: Archive, keys: list[str], newest: datetime
) -> tuple[str, ArchivedArticle] | None:
    """The earlier version ``latest.json`` points back at, as last fetched, if any."""
    pointer = archive.latest(article_of(keys[0]))
    if pointer is None or pointer.version not in keys:
        return None
    try:
        when = datetime.fromisoformat(pointer.fetched_at)
    except ValueError:
        return None
    if when <= newest:
        return None
    article = archive.record(pointer.version)
    if article is None:
        return None
    return pointer.version, article.model_copy(update={"fetched_at": when})
