"""How a fetched item enters the archive and the state: the store first, then the state.

The state learns of a version only after the store has confirmed it, in one
transaction (the version and what its fetch tells the schedule), so a crash in
between can never make an article look stored when it is not: the next run finds
the version already stored and records it then.
"""

from __future__ import annotations

from crawler.items import FetchedPage
from crawler.state.backend import State, StateUnavailable
from crawler.state.schedule import Observation, article_observation
from crawler.storage import StoreUnavailable
from crawler.storage.archive import Archive, Version


class Committer:
    """Writes items (blocking: call it from a storage thread)."""

    def __init__(self, archive: Archive, state: State) -> None:
        self.archive, self.state = archive, state

    def prepare(self, item: FetchedPage) -> Version | None:
        """A new version's files as bytes (cheap, no I/O: done on the reactor thread, so
        that the storage threads do little but I/O and seldom contend for the GIL)."""
        if item.article is None or item.existing_key is not None:
            return None
        return self.archive.prepare_version(item.article, item.html, item.encoding)

    def commit(self, item: FetchedPage, version: Version | None = None) -> str:
        """Store one item and record it; returns its key.  Raises StorageError when the
        store (or the state's disk) fails, and the item is then kept by the caller."""
        if item.article is None:
            stored = self.archive.quarantine(
                item.url,
                item.canonical_url,
                item.html,
                item.encoding,
                item.errors,
                item.fetched_at.isoformat(),
                item.warc_record,
            )
            item.quarantined_before = not stored.created
            return stored.key
        seen = article_observation(item.article, True, item.etag, item.last_modified)
        with self.state.guard(item.article.canonical_url):
            return self._commit_version(item, seen, version)

    def _commit_version(self, item: FetchedPage, seen: Observation, version: Version | None) -> str:
        assert item.article is not None
        try:
            if item.existing_key is not None:  # reverted: no new version, latest moves back
                self.archive.move_latest(item.article, item.existing_key)
                self.state.record_revert(item.existing_key, seen)
                return item.existing_key
            known = self.state.versions.of(item.article.canonical_url)
            newest = all(v.fetched_at <= item.article.fetched_at.isoformat() for v in known)
            version = version or self.prepare(item)
            assert version is not None
            stored = self.archive.write_version(version, newest=newest)
            self.state.record_version(item.article, stored.key, item.version_reason, seen)
        except StateUnavailable as exc:  # e.g. the state's disk is full: keep the item, retry
            message = f"cannot record {item.canonical_url} in the state: {exc}"
            raise StoreUnavailable(message) from exc
        return stored.key
