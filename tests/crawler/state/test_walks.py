"""The walks: each listing's record (complete, or incomplete so many runs in a row, and
why), the default mode that follows from them, and the per-site walks of earlier state
files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.state.backend import State
from crawler.state.redis.walks import SEPARATOR, RedisWalks
from crawler.state.sqlite.walks import Walks
from crawler.state.walks import (
    ListingWalk,
    WalkOutcome,
    default_mode,
    known_walks,
    next_walk,
    walk_scopes,
)
from tests.support.project import open_state

NOW = datetime(2026, 11, 26, tzinfo=UTC)
TH = "https://www.mfa.go.th/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
EN = "https://www.mfa.go.th/en/content-category/press-release"
SITE = "www.mfa.go.th"


def test_a_complete_walk_resets_the_count_and_a_cut_short_one_adds_to_it() -> None:
    first = next_walk(None, WalkOutcome(TH, SITE, "p=2: HTTP 503"), NOW)
    assert (first.complete, first.incomplete_runs, first.reason) == (False, 1, "p=2: HTTP 503")
    second = next_walk(first, WalkOutcome(TH, SITE, "p=3: timeout"), NOW)
    assert (second.incomplete_runs, second.reason) == (2, "p=3: timeout")
    done = next_walk(second, WalkOutcome(TH, SITE), NOW)
    assert (done.complete, done.completed_at, done.incomplete_runs, done.reason) == (
        True,
        NOW,
        0,
        None,
    )
    # a listing walked to its end before, then cut short: behind the failure lies the
    # unknown, so it is walked to its end again
    again = next_walk(done, WalkOutcome(TH, SITE, "p=2: HTTP 503"), NOW)
    assert not again.complete and again.incomplete_runs == 1


def test_records_are_kept_per_listing_and_read_back(state: State) -> None:
    assert state.walks.listings([TH, EN]) == {}
    walks = [ListingWalk(TH, SITE, NOW, 0, None), ListingWalk(EN, SITE, None, 2, "p=9: 503")]
    state.walks.record(walks)
    assert state.walks.listings([TH, EN, "https://other/th"]) == {w.listing: w for w in walks}
    state.walks.record([ListingWalk(EN, SITE, NOW + timedelta(hours=1), 0, None)])
    assert state.walks.listings([EN])[EN].complete


def test_the_default_mode_is_incremental_once_one_listing_was_walked_to_its_end() -> None:
    never = {TH: ListingWalk(TH, SITE, None, 1, "x"), EN: ListingWalk(EN, SITE)}
    assert default_mode({}, known=True) == "full"
    assert default_mode(never, known=True) == "full"
    one = {**never, EN: ListingWalk(EN, SITE, NOW)}
    assert default_mode(one, known=True) == "incremental"


def test_a_state_file_with_per_site_walks_counts_its_listings_walked(tmp_path: Path) -> None:
    """State files from before listings had records of their own hold complete walks per
    site and scope: their listings are complete (no full crawl after an upgrade), in the
    scope the old walk covered."""
    path = tmp_path / "state" / "dedup.sqlite3"
    open_state(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO walks VALUES (?, ?, ?)", (SITE, "lang:all", NOW.isoformat())
        )
    state = open_state(path)
    try:
        listings = {TH: SITE, EN: SITE}
        found = known_walks(state.walks, listings, walk_scopes("th", []))
        assert {url: w.completed_at for url, w in found.items()} == {TH: NOW, EN: NOW}
        assert known_walks(state.walks, listings, walk_scopes(None, [TH])) == {}
        state.walks.record([ListingWalk(TH, SITE, None, 1, "p=2: 503")])  # its own record wins
        found = known_walks(state.walks, listings, walk_scopes(None, []))
        assert not found[TH].complete
        # and the site's old walk is retired: a listing with no record of its own (added
        # to the registry later, say) no longer passes for walked on its strength
        assert EN not in found
    finally:
        state.close()


def test_the_old_walks_are_retired_on_either_backend(state: State) -> None:
    """Recording a listing of a site retires that site's per-site walks, on both backends."""
    walks = state.walks
    assert walks.site_walked(SITE, ("lang:all",)) is None
    if isinstance(walks, Walks):  # SQLite: the table as an earlier version wrote it
        with walks.db.locked() as connection:
            connection.execute(
                "INSERT INTO walks VALUES (?, ?, ?)", (SITE, "lang:all", NOW.isoformat())
            )
    else:
        assert isinstance(walks, RedisWalks)
        walks.client.hset(walks.keys.walks, f"{SITE}{SEPARATOR}lang:all", NOW.isoformat())
    assert walks.site_walked(SITE, ("lang:all",)) == NOW
    walks.record([ListingWalk(TH, SITE, NOW, 0, None)])
    assert walks.site_walked(SITE, ("lang:all",)) is None
