"""The state rebuilt from what the store holds.

Versions, schedule, the standings of articles not live (their latest events) and the
files held by URL (``media/urls/``) derive from the store, so a fresh machine, a lost
state file or ``verify --repair`` can always recreate them: one pass over the records,
keeping
for the schedule only the latest fetch of each article (a few fields, not the records),
all in one transaction (a crash midway leaves the old state).  What is kept of each
version is a few short strings, not its record, so 100k versions fit in memory.

A page that went back to an earlier version (``reverted``) has no record of its own:
its ``latest.json`` points at the earlier version with the later fetch time.  So for
every article with more than one version the pointer is read too, and a revert it
records makes that version the latest again, in the versions and in the schedule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from crawler.state.backend import State
from crawler.state.media import KnownFile
from crawler.state.schedule import Observation, article_observation
from crawler.state.standings import standing_of
from crawler.state.versions import VersionRow
from crawler.storage.archive import Archive
from crawler.storage.events import latest_events
from crawler.storage.layout import MEDIA, MEDIA_URLS, article_of
from schemas.models import ArchivedArticle


def rebuild_state(archive: Archive, state: State) -> int:
    """Replace versions and schedule with what ``archive`` holds; returns the versions."""
    latest: dict[str, Observation] = {}
    rows: dict[str, list[VersionRow]] = {}  # canonical URL -> its versions
    for key, article in archive.versions():
        url = article.canonical_url
        known = latest.get(url)
        if known is None or article.fetched_at > known.fetched_at:
            latest[url] = article_observation(article, changed=True)
        rows.setdefault(url, []).append(VersionRow.of(article, key, article.version_reason))
    for url, stored in rows.items():
        if len(stored) > 1:
            reverted = _reverted(
                archive, [row.version_key for row in stored], latest[url].fetched_at
            )
            if reverted is not None:
                key, article = reverted
                when = article.fetched_at.isoformat()
                rows[url] = [
                    replace(r, fetched_at=when) if r.version_key == key else r for r in stored
                ]
                latest[url] = article_observation(article, changed=True)
    standings = [
        standing
        for url, event in latest_events(archive.storage).items()
        if (standing := standing_of(event, urlsplit(url).netloc.lower())) is not None
    ]
    versions = [row for stored in rows.values() for row in stored]
    total = state.load(versions, list(latest.values()), standings)
    held = {
        key.rsplit("/", 1)[-1]
        for key in archive.storage.list(MEDIA)
        if not key.startswith(MEDIA_URLS)
    }
    files = [  # an entry whose file is not there is no file held: fetched again
        entry
        for key in archive.storage.list(MEDIA_URLS)
        if (entry := KnownFile.read(archive.storage.get(key) or b"")) is not None
        and entry.sha256 in held
    ]
    for start in range(0, len(files), 1000):
        state.media.record(files[start : start + 1000])
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
