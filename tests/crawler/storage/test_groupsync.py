"""Group commit: every barrier covers the writes before it, concurrent ones share flushes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from crawler.storage import groupsync
from crawler.storage.groupsync import GroupSync


@pytest.mark.parametrize("syncfs", [True, False], ids=["syncfs", "fsync-fallback"])
def test_concurrent_barriers_all_return_and_share_flushes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool
) -> None:
    if not syncfs:
        monkeypatch.setattr(groupsync, "_SYNCFS", None)
    group = GroupSync(tmp_path)
    start = threading.Barrier(16)

    def writer(index: int) -> None:
        path = tmp_path / f"{index}.txt"
        path.write_text("x")
        group.written(path, tmp_path)
        start.wait()
        group.barrier()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    assert 1 <= group.rounds <= 16
    assert group._completed == group._requested == 16


def test_a_file_gone_before_the_flush_does_not_fail_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(groupsync, "_SYNCFS", None)
    group = GroupSync(tmp_path)
    group.written(tmp_path / "renamed-away.tmp", tmp_path)
    group.barrier()
    assert group.rounds == 1
