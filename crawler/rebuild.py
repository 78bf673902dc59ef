"""Dedup state and revisit schedule rebuilt from what the store holds.

Both derive from the store's records, so a fresh machine, a lost state file or
``verify --repair`` can always recreate them: one pass over the records, keeping for the
schedule only the latest fetch of each article (a few fields, not the records).

A page that went back to an earlier version (``reverted``) has no record of its own:
its ``latest.json`` points at the earlier version with the later fetch time.  So for
every article with more than one version the pointer is read too, and a revert it
records makes that version the latest again, in the state and in the schedule.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from crawler.archive import RECORD, Archive
from crawler.dedup_state import DedupState
from crawler.revisit import Observation, RevisitSchedule, article_observation
from schemas.models import ArchivedArticle


def rebuild_state(archive: Archive, state: DedupState, schedule: RevisitSchedule) -> int:
    """Replace state and schedule with what ``archive`` holds; returns the versions seen."""
    latest: dict[str, Observation] = {}
    prefixes: dict[str, list[str]] = {}  # canonical URL -> its version keys

    def versions() -> Iterator[tuple[str, ArchivedArticle]]:
        for key, article in archive.versions():
            known = latest.get(article.canonical_url)
            if known is None or article.fetched_at > known.fetched_at:
                latest[article.canonical_url] = article_observation(article, changed=True)
            prefixes.setdefault(article.canonical_url, []).append(key)
            yield key, article

    total = state.rebuild(versions())
    for url, keys in prefixes.items():
        if len(keys) > 1:
            reverted = _reverted(archive, keys, latest[url].fetched_at)
            if reverted is not None:
                key, article = reverted
                state.touch(url, key, article.fetched_at)
                latest[url] = article_observation(article, changed=True)
    schedule.clear()
    for seen in latest.values():
        schedule.observe(seen)
    return total


def _reverted(
    archive: Archive, keys: list[str], newest: datetime
) -> tuple[str, ArchivedArticle] | None:
    """The earlier version ``latest.json`` points back at, as last fetched, if any."""
    data = archive.storage.get(f"{keys[0].rsplit('/', 1)[0]}/latest.json")
    pointer = json.loads(data) if data else {}
    version, fetched_at = pointer.get("version"), pointer.get("fetched_at")
    if version not in keys or not fetched_at:
        return None
    try:
        when = datetime.fromisoformat(fetched_at)
    except ValueError:
        return None
    record = archive.storage.get(f"{version}/{RECORD}")
    if when <= newest or record is None:
        return None
    article = ArchivedArticle.model_validate_json(record)
    return version, article.model_copy(update={"fetched_at": when})
