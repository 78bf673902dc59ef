"""Dedup by the page's own update date; the state survives restarts and can be rebuilt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crawler.dedup_state import DedupState, KnownVersion
from crawler.pipelines.dedup import decide
from tests.crawler.test_archive import _article

D1, D2, D0 = date(2022, 11, 28), date(2023, 1, 5), date(2021, 1, 1)


def _known(*versions: tuple[date | None, str]) -> list[KnownVersion]:
    return [
        KnownVersion(d, sha, f"k{i}", f"2026-01-0{i + 1}") for i, (d, sha) in enumerate(versions)
    ]


@pytest.mark.parametrize(
    ("known", "updated", "sha", "expected"),
    [
        (_known(), D1, "a", "first"),
        (_known((D1, "a")), D1, "a", None),  # same date, same content: not again
        (_known((D1, "a")), D2, "a", "updated"),  # newer update date: new version
        (_known((D1, "a")), D2, "b", "updated"),
        (_known((D1, "a")), D1, "b", "silent_edit"),  # same date, new content: flagged
        (_known((D1, "a"), (D2, "b")), D1, "a", None),  # an older version seen again
        (_known((D1, "a"), (D2, "b")), D0, "c", "changed"),  # date went backwards: kept
        (_known((None, "a")), None, "a", None),  # no update date: content hash alone
        (_known((None, "a")), None, "b", "changed"),
        (_known((D1, "a")), None, "a", None),
        (_known((None, "a")), D1, "a", "updated"),
    ],
)
def test_decide(
    known: list[KnownVersion], updated: date | None, sha: str, expected: str | None
) -> None:
    assert decide(known, updated, sha).reason == expected


def test_a_page_back_to_an_earlier_version_points_at_it() -> None:
    known = _known((D1, "a"), (D1, "b"))  # a, then a silent edit b
    decision = decide(known, D1, "a")  # and back to a
    assert decision.reason is None
    assert decision.existing is not None and decision.existing.version_key == "k0"


def test_state_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state" / "dedup.sqlite3"
    state = DedupState(path)
    article = _article()
    state.record(article, "articles/x/v1", "first")
    state.record(article, "articles/x/v1", "first")  # recording twice is harmless
    state.close()
    reopened = DedupState(path)
    [version] = reopened.versions(article.canonical_url)
    assert (version.updated_date, version.content_sha256) == (D1, article.content_sha256)
    assert reopened.count() == 1


def test_state_is_rebuilt_from_what_the_store_holds(tmp_path: Path) -> None:
    state = DedupState(tmp_path / "dedup.sqlite3")
    state.record(_article(), "articles/stale/v0", "first")
    versions = [("articles/x/v1", _article()), ("articles/x/v2", _article(updated="5 ม.ค. 2566"))]
    assert state.rebuild(versions) == 2
    assert [v.version_key for v in state.versions(_article().canonical_url)] == [
        "articles/x/v1",
        "articles/x/v2",
    ]
