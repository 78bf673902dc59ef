"""The crawl's state: one SQLite file, one connection, one lock, seven kinds of table.

- ``versions``: which versions of which articles the store has confirmed (dedup);
- ``schedule``: when each known article is next due (the revisit policy);
- ``listing_walks``: which listings a run has walked to their end (the stop rule);
- ``standings``: articles found absent (:mod:`crawler.state.standings`);
- ``captures``: each URL's last full WARC capture (:mod:`crawler.state.captures`);
- ``site_pages``: what discovery found the pages the sites' menus link to be
  (:mod:`crawler.state.discovery`);
- ``media``: the files the archive holds a copy of, by URL (:mod:`crawler.state.media`).

Everything the crawl learns about one version is one transaction, so the tables never
disagree with each other; all of it derives from the archive
(:func:`crawler.state.rebuild.rebuild_state`).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from crawler.state.schedule import Observation, Policy
from crawler.state.sqlite import (
    captures,
    discovery,
    media,
    schedule,
    standings,
    versions,
    walks,
)
from crawler.state.sqlite.captures import Captures
from crawler.state.sqlite.database import Database
from crawler.state.sqlite.discovery import Discovery
from crawler.state.sqlite.media import Media
from crawler.state.sqlite.schedule import Schedule
from crawler.state.sqlite.standings import Standings
from crawler.state.sqlite.versions import Versions
from crawler.state.sqlite.walks import Walks
from crawler.state.standings import Standing
from crawler.state.versions import VersionRow
from schemas.models import ArchivedArticle


class StateDB:
    """The state file of one archive, opened once per crawl (or command)."""

    def __init__(self, path: Path, policy: Policy) -> None:
        self.path = path
        self.db = Database(
            path,
            versions.SCHEMA
            + schedule.SCHEMA
            + walks.SCHEMA
            + captures.SCHEMA
            + standings.SCHEMA
            + discovery.SCHEMA
            + media.SCHEMA,
        )
        self.versions = Versions(self.db)
        self.schedule = Schedule(self.db, policy)
        self.walks = Walks(self.db)
        self.captures = Captures(self.db)
        self.standings = Standings(self.db)
        self.discovery = Discovery(self.db)
        self.media = Media(self.db)

    def record_version(
        self, article: ArchivedArticle, key: str, reason: str | None, seen: Observation
    ) -> None:
        """A version the store has confirmed, and what its fetch tells the schedule."""
        with self.db.transaction():
            self.versions.add(VersionRow.of(article, key, reason))
            self.schedule.observe(seen)

    def record_revert(self, key: str, seen: Observation) -> None:
        """The page is an earlier stored version again (``key``): it is the latest now."""
        with self.db.transaction():
            self.versions.touch(seen.canonical_url, key, seen.fetched_at)
            self.schedule.observe(seen)

    def load(
        self, rows: list[VersionRow], latest: list[Observation], standings: list[Standing]
    ) -> int:
        """Replace everything with ``rows``, the schedule of their ``latest`` fetches and
        the ``standings``, in one transaction (the rebuild); returns how many versions."""
        with self.db.transaction():
            total = self.versions.replace(rows)
            self.schedule.clear()
            for seen in latest:
                self.schedule.observe(seen)
            self.standings.clear()
            for standing in standings:
                self.standings.put(standing)
            self.captures.clear()  # they may name WARC records the archive lost
            self.media.clear()  # reloaded from the archive's entries after
        return total

    def guard(self, canonical_url: str) -> AbstractContextManager[None]:
        """Nothing to hold: one crawl at a time holds the file (``flock``), and its
        storage threads never write one article twice at once (the store pipeline)."""
        return nullcontext()

    def reset(self) -> None:
        """Forget every version and schedule entry (the archive they described is gone)."""
        with self.db.transaction():
            self.versions.replace([])
            self.schedule.clear()
            self.captures.clear()
            self.standings.clear()
            self.media.clear()  # they would name files the archive lacks

    def close(self) -> None:
        self.db.close()
