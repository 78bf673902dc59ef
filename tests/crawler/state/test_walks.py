"""The walks: a scope counts as walked only for the sites a complete walk covered, and
the default mode follows from them."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.state.backend import State
from crawler.state.walks import default_mode, walk_scopes

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def test_a_language_walk_is_covered_by_itself_or_by_a_walk_of_all(state: State) -> None:
    ledger = state.walks
    th = walk_scopes("th", [])
    assert not ledger.covered(["www.mfa.go.th"], th)
    ledger.record_walk(["www.mfa.go.th"], walk_scopes(None, [])[0], NOW)
    assert ledger.covered(["www.mfa.go.th"], th)
    assert not ledger.covered(["www.mfa.go.th", "ottawa.thaiembassy.org"], th)


def test_start_url_walks_cover_exactly_their_start_urls(state: State) -> None:
    ledger = state.walks
    one = walk_scopes(None, ["https://a/th/x", "https://a/en/y"])
    assert one == walk_scopes(None, ["https://a/en/y", "https://a/th/x"])  # order does not matter
    ledger.record_walk(["a"], one[0], NOW)
    assert ledger.covered(["a"], one)
    assert not ledger.covered(["a"], walk_scopes(None, ["https://a/th/x"]))
    assert not ledger.covered(["a"], walk_scopes(None, []))


def test_the_default_mode_is_full_until_a_complete_walk_covers_the_run(state: State) -> None:
    walks = state.walks
    scopes = walk_scopes(None, [])
    assert default_mode(walks, ["www.mfa.go.th"], scopes, known=True) == "full"
    walks.record_walk(["www.mfa.go.th"], scopes[0], NOW)
    assert default_mode(walks, ["www.mfa.go.th"], scopes, known=True) == "incremental"
    assert default_mode(walks, ["www.mfa.go.th", "x.mfa.go.th"], scopes, known=True) == "full"
