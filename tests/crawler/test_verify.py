"""verify finds what is wrong with an archive, and --repair mends what derives."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.archive import Archive
from crawler.dedup_state import DedupState
from crawler.revisit import Policy, RevisitSchedule
from crawler.storage.local import LocalStorage
from crawler.verify import verify
from tests.crawler.test_archive import _article


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Archive, DedupState, str]:
    archive = Archive(LocalStorage(tmp_path / "archive"))
    state = DedupState(tmp_path / "state.sqlite3")
    later = _article(updated="5 ม.ค. 2566").model_copy(
        update={"fetched_at": _article().fetched_at + timedelta(days=1)}
    )
    old = archive.store_version(_article(), b"<html>1</html>", "utf-8")
    new = archive.store_version(later, b"<html>2</html>", "utf-8")
    state.record(_article(), old.key, "first")
    state.record(later, new.key, "updated")
    return archive, state, new.key


def test_a_sound_archive_verifies(stored: tuple[Archive, DedupState, str]) -> None:
    archive, state, _key = stored
    report = verify(archive, state)
    assert report.ok and report.versions == 2 and report.articles == 1
    assert report.errors == [] and report.notes == []


def test_each_kind_of_damage_is_an_error(
    tmp_path: Path, stored: tuple[Archive, DedupState, str]
) -> None:
    archive, state, key = stored
    root = tmp_path / "archive"
    (root / key / "article.txt").write_text("edited by hand", "utf-8")
    other = next(p for p in root.rglob("article.json") if key not in str(p))
    record = json.loads(other.read_text("utf-8"))
    record["body"] = ["tampered"]
    other.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    state.record(_article(body="ghost"), "articles/ghost/v", "first")
    report = verify(archive, state)
    joined = "\n".join(report.errors)
    assert "is not the rendering of its record" in joined
    assert "content_sha256 does not match" in joined
    assert "the dedup state claims articles/ghost/v" in joined
    assert not report.ok


def test_crash_leftovers_are_notes_not_errors(
    tmp_path: Path, stored: tuple[Archive, DedupState, str]
) -> None:
    archive, state, key = stored
    half = tmp_path / "archive" / key.rsplit("/", 1)[0] / "2030-01-01_0000000000000000"
    half.mkdir()
    (half / "page.html").write_bytes(b"<html>")  # parts of a version with no record
    (half / ".article.json.abc.tmp").write_bytes(b"{")
    report = verify(archive, state)
    assert report.ok
    assert any("uncommitted version" in note for note in report.notes)
    assert any("temporary files" in note for note in report.notes)


def test_repair_mends_what_derives(tmp_path: Path, stored: tuple[Archive, DedupState, str]) -> None:
    archive, state, key = stored
    root = tmp_path / "archive"
    (root / key / "article.txt").unlink()
    (root / key.rsplit("/", 1)[0] / "latest.json").write_text('{"version": "nowhere"}', "utf-8")
    state.record(_article(body="ghost"), "articles/ghost/v", "first")
    (root / "x.tmp").parent.mkdir(exist_ok=True)
    (root / ".left.tmp").write_bytes(b"")
    assert not verify(archive, state).ok
    schedule = RevisitSchedule(tmp_path / "state.sqlite3", Policy())
    repaired = verify(archive, state, repair=True, schedule=schedule)
    assert repaired.ok and repaired.repaired
    after = verify(archive, state)
    assert after.ok and after.notes == []
    assert (root / key / "article.txt").exists()
    assert state.version_keys() == {k for k, _a in archive.versions()}


def test_a_revert_is_neither_an_error_nor_undone_by_repair(
    tmp_path: Path, stored: tuple[Archive, DedupState, str]
) -> None:
    """The page went back to its first version: latest.json points back at it on purpose."""
    archive, state, newest = stored
    old_key = next(key for key in state.version_keys() if key != newest)
    back = _article().model_copy(update={"fetched_at": _article().fetched_at + timedelta(days=2)})
    archive.move_latest(back, old_key)
    state.touch(back.canonical_url, old_key, back.fetched_at)
    assert verify(archive, state).ok
    schedule = RevisitSchedule(tmp_path / "state.sqlite3", Policy())
    assert verify(archive, state, repair=True, schedule=schedule).ok
    folder = tmp_path / "archive" / old_key.rsplit("/", 1)[0]
    pointer = json.loads((folder / "latest.json").read_text())
    assert pointer["version"] == old_key
    assert state.versions(back.canonical_url)[-1].version_key == old_key  # latest again
    assert state.versions(back.canonical_url)[-1].fetched_at == back.fetched_at.isoformat()
