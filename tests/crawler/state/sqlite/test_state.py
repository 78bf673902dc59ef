"""The state, on both backends: one transaction per stored version, rebuilt from the
archive in one transaction (the SQLite file: one connection for three tables)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.state.backend import State
from crawler.state.rebuild import rebuild_state
from crawler.state.schedule import Observation, article_observation
from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from tests.support.project import make_article, open_state, store_version

SITE = ["www.mfa.go.th"]


def test_a_version_survives_a_restart(open_backend: Callable[..., State]) -> None:
    state = open_backend()
    article = make_article()
    seen = article_observation(article, True)
    state.record_version(article, "articles/x/v1", "first", seen)
    state.record_version(article, "articles/x/v1", "first", seen)  # twice is harmless
    state.close()
    reopened = open_backend()
    [version] = reopened.versions.of(article.canonical_url)
    assert (version.version_key, version.content_sha256) == (
        "articles/x/v1",
        article.content_sha256,
    )
    assert reopened.versions.count() == 1 and reopened.schedule.count(SITE) == 1


def test_a_version_and_its_schedule_are_one_commit(tmp_path: Path) -> None:
    """When the schedule's write fails, the version is not recorded either."""
    state = open_state(tmp_path / "state.sqlite3")
    article = make_article()
    broken = Observation(**{**article_observation(article, True).__dict__, "url": None})
    with pytest.raises(sqlite3.IntegrityError):  # a bug, not the store being down: not retried
        state.record_version(article, "articles/x/v1", "first", broken)
    assert state.versions.count() == 0 and state.schedule.count() == 0
    state.record_version(article, "articles/x/v1", "first", article_observation(article, True))
    assert state.versions.count() == 1  # the connection is usable after the rollback


def test_reset_forgets_versions_and_schedule(state: State) -> None:
    article = make_article()
    state.record_version(article, "k", "first", article_observation(article, True))
    state.reset()
    assert state.versions.count() == 0 and state.schedule.count() == 0


def test_the_state_is_rebuilt_from_what_the_store_holds(tmp_path: Path, state: State) -> None:
    archive = Archive(LocalStorage(tmp_path / "archive"))
    first = make_article()
    later = make_article(updated="5 ม.ค. 2566").model_copy(
        update={"fetched_at": first.fetched_at + timedelta(days=3)}
    )
    keys = [store_version(archive, a, b"<html></html>", "utf-8").key for a in (first, later)]
    state.record_version(first, "articles/stale/v0", "first", article_observation(first, True))
    assert rebuild_state(archive, state) == 2
    assert [v.version_key for v in state.versions.of(first.canonical_url)] == keys
    [revisit] = state.schedule.due(SITE, later.fetched_at + timedelta(hours=21))
    assert revisit.canonical_url == first.canonical_url  # due after the latest fetch


def test_a_revert_recorded_only_in_the_pointer_survives_a_rebuild(
    tmp_path: Path, state: State
) -> None:
    archive = Archive(LocalStorage(tmp_path / "archive"))
    first = make_article()
    edited = make_article(body="แก้ไข").model_copy(
        update={"fetched_at": first.fetched_at + timedelta(days=1)}
    )
    old = store_version(archive, first, b"<html>1</html>", "utf-8").key
    store_version(archive, edited, b"<html>2</html>", "utf-8")
    back = first.model_copy(update={"fetched_at": first.fetched_at + timedelta(days=2)})
    archive.move_latest(back, old)
    rebuild_state(archive, state)
    latest = state.versions.of(first.canonical_url)[-1]
    assert latest.version_key == old and latest.fetched_at == back.fetched_at.isoformat()
