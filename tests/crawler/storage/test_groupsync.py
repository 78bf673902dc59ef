"""Group commit: every barrier covers the writes before it, concurrent ones share flushes."""

from __future__ import annotations

import ctypes
import errno
import threading
import time
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
    flush = group._flush

    def first_flush_waits_for_everyone(pending: set[Path]) -> None:
        # the first round holds until all 16 have asked: they must then share one round
        deadline = time.monotonic() + 30
        while group.rounds == 0 and group._requested < 16 and time.monotonic() < deadline:
            time.sleep(0.001)
        flush(pending)

    monkeypatch.setattr(group, "_flush", first_flush_waits_for_everyone)

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
    assert group.rounds <= 2  # one round for the first, one shared by the other 15
    assert group._completed == group._requested == 16


def test_a_file_gone_before_the_flush_does_not_fail_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(groupsync, "_SYNCFS", None)
    group = GroupSync(tmp_path)
    group.written(tmp_path / "renamed-away.tmp", tmp_path)
    group.barrier()
    assert group.rounds == 1


def test_a_failed_flush_fails_every_barrier_it_covered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writers whose data a failed flush covered all hear of it; later rounds recover."""
    entered, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def failing_syncfs(descriptor: int) -> int:
        calls.append(descriptor)
        if len(calls) == 1:  # the first round: hold it open while others queue behind it
            entered.set()
            release.wait(timeout=30)
            return 0
        if len(calls) == 2:  # the second round, covering every queued writer, fails
            ctypes.set_errno(errno.EIO)
            return -1
        return 0

    monkeypatch.setattr(groupsync, "_SYNCFS", failing_syncfs)
    group = GroupSync(tmp_path)
    outcomes: dict[int, str] = {}

    def writer(index: int) -> None:
        try:
            group.barrier()
            outcomes[index] = "ok"
        except OSError as exc:
            outcomes[index] = f"failed: {exc.errno}"

    first = threading.Thread(target=writer, args=(0,))
    first.start()
    assert entered.wait(timeout=30)
    queued = [threading.Thread(target=writer, args=(i,)) for i in range(1, 6)]
    for thread in queued:
        thread.start()
    while group._requested < 6:  # every queued writer holds a ticket behind the running round
        time.sleep(0.01)
    release.set()
    for thread in [first, *queued]:
        thread.join(timeout=30)
    assert outcomes[0] == "ok"
    assert {outcomes[i] for i in range(1, 6)} == {f"failed: {errno.EIO}"}
    assert len(calls) == 2  # one shared failing round, not one per writer
    group.barrier()  # the next round succeeds again
    assert len(set(calls)) == 1  # one descriptor kept open across rounds
    group.close()
