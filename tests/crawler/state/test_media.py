"""The files the archive holds, by URL, on both backends: kept, forgotten with the archive
they described, rebuilt from the archive's own entries."""

from __future__ import annotations

from pathlib import Path

from crawler.state.backend import State
from crawler.state.media import KnownFile
from crawler.state.rebuild import rebuild_state
from crawler.storage.archive import Archive
from crawler.storage.layout import JSON_TYPE, media_key, media_url_key
from crawler.storage.local import LocalStorage

PICTURE = KnownFile(
    "https://image.mfa.go.th/mfa/0/k/a.jpg",
    "a" * 64,
    48_213,
    "image/jpeg",
    "2026-12-07T00:00:00+00:00",
)
FORM = KnownFile(
    "https://x.thaiembassy.org/f.pdf", "b" * 64, 90_000, None, "2026-12-07T00:00:00+00:00"
)


def test_entries_are_kept_by_url_and_forgotten_with_the_archive(state: State) -> None:
    state.media.record([PICTURE, FORM])
    assert state.media.known([PICTURE.url, "https://nowhere.org/x.jpg"]) == {PICTURE.url: PICTURE}
    assert state.media.count() == 2
    state.reset()
    assert state.media.known([PICTURE.url, FORM.url]) == {}


def test_a_state_rebuilt_from_the_archive_knows_its_files(state: State, tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path / "archive")
    storage.put(media_url_key(PICTURE.url), PICTURE.dump(), JSON_TYPE)
    storage.put(media_key(PICTURE.sha256), b"the picture", "image/jpeg")
    lost = KnownFile("https://i.org/lost.jpg", "c" * 64, 1, None, PICTURE.fetched_at)
    storage.put(media_url_key(lost.url), lost.dump(), JSON_TYPE)  # its file is not there
    storage.put(media_url_key(FORM.url), b"not an entry", JSON_TYPE)  # unreadable: skipped
    state.media.record([FORM])  # an entry the archive does not hold: gone after the rebuild
    rebuild_state(Archive(storage), state)
    assert state.media.known([PICTURE.url, FORM.url, lost.url]) == {PICTURE.url: PICTURE}
