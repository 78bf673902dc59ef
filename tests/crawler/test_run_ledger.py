"""The run ledger: a scope counts as walked only for the sites a complete walk covered."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from crawler.run_ledger import RunLedger, walk_scopes

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def test_a_language_walk_is_covered_by_itself_or_by_a_walk_of_all(tmp_path: Path) -> None:
    ledger = RunLedger(tmp_path / "state.sqlite3")
    th = walk_scopes("th", [])
    assert not ledger.covered(["www.mfa.go.th"], th)
    ledger.record_walk(["www.mfa.go.th"], walk_scopes(None, [])[0], NOW)
    assert ledger.covered(["www.mfa.go.th"], th)
    assert not ledger.covered(["www.mfa.go.th", "ottawa.thaiembassy.org"], th)


def test_start_url_walks_cover_exactly_their_start_urls(tmp_path: Path) -> None:
    ledger = RunLedger(tmp_path / "state.sqlite3")
    one = walk_scopes(None, ["https://a/th/x", "https://a/en/y"])
    assert one == walk_scopes(None, ["https://a/en/y", "https://a/th/x"])  # order does not matter
    ledger.record_walk(["a"], one[0], NOW)
    assert ledger.covered(["a"], one)
    assert not ledger.covered(["a"], walk_scopes(None, ["https://a/th/x"]))
    assert not ledger.covered(["a"], walk_scopes(None, []))
