"""The spooling store's circuit, on a fake store and a fake clock: nothing is lost while
the store is down, everything is flushed when it answers, one bad item holds up none."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from twisted.internet.defer import ensureDeferred
from twisted.internet.task import Clock

from crawler.items import FetchedPage
from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.spool.circuit import MAX_ENTRY_STRIKES, SpoolingStore, Unstorable
from crawler.storage.spool.disk import Spool
from schemas.assess import RawArticle
from tests.support.project import make_article, stats_collector

RETRY = 15.0


class FakeStore:
    """A store that is up or down, and refuses some items for good."""

    def __init__(self) -> None:
        self.up = True
        self.full = False  # a full disk: every write fails, small ones too
        self.refused: set[str] = set()
        self.written: list[str] = []

    def write(self, item: FetchedPage) -> str:
        if not self.up or item.url in self.refused:
            raise (StoreUnavailable if self.full else StorageError)(f"store refused {item.url}")
        self.written.append(item.url)
        return f"key:{item.url}"

    def probe(self) -> None:
        if not self.up or self.full:
            raise StorageError("store down")


def _item(n: int) -> FetchedPage:
    article = make_article(body=f"ย่อหน้า {n}")
    return FetchedPage(
        url=f"{article.url}&n={n}",
        canonical_url=article.canonical_url,
        site=article.site,
        language="th",
        category=None,
        fetched_at=article.fetched_at,
        html=b"<html></html>",
        encoding="utf-8",
        raw=RawArticle(),
        article=article,
        version_reason="first",
    )


async def _now(function: Callable[..., Any], *args: Any) -> Any:
    return function(*args)


def _done(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """The result of a coroutine that never waits on the clock (the fakes answer at once)."""
    results: list[Any] = []
    ensureDeferred(coroutine).addBoth(results.append)
    [result] = results
    if isinstance(result, Exception) or hasattr(result, "raiseException"):
        result.raiseException()
    return result


class Harness:
    def __init__(self, tmp_path: Path) -> None:
        self.store, self.clock, self.stats = FakeStore(), Clock(), stats_collector()
        self.stored: list[str] = []
        self.spool = Spool(tmp_path / "spool")
        self.spooling = self.make()

    def make(self, probe: bool = False) -> SpoolingStore:
        spooling = SpoolingStore(
            self.store.write,
            self.spool,
            _now,
            self.stats,
            lambda item: self.stored.append(item.url),
            RETRY,
            start=ensureDeferred,
            probe=self.store.probe if probe else None,
        )
        spooling.clock = self.clock
        return spooling

    def put(self, n: int) -> str | None:
        key: str | None = _done(self.spooling.put(_item(n)))
        return key


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    harness = Harness(tmp_path)
    _done(harness.spooling.open())
    return harness


def test_while_the_store_answers_items_are_written(harness: Harness) -> None:
    assert harness.put(1) == f"key:{_item(1).url}"
    assert len(harness.spool) == 0 and not harness.spooling.circuit.down


def test_when_the_store_fails_items_wait_in_the_spool_then_are_flushed(harness: Harness) -> None:
    harness.store.up = False
    assert harness.put(1) is None  # spooled, and the circuit opens
    assert harness.spooling.circuit.down
    attempts = len(harness.store.written)
    assert harness.put(2) is None and harness.put(3) is None  # not even tried now
    assert len(harness.spool) == 3 and harness.stats.get_value("archive/spooled") == 3
    harness.clock.advance(RETRY)  # still down: the pass stops, nothing lost
    assert len(harness.spool) == 3 and harness.store.written[attempts:] == []
    harness.store.up = True
    harness.clock.advance(RETRY)
    assert len(harness.spool) == 0 and not harness.spooling.circuit.down
    assert sorted(harness.stored) == sorted(_item(n).url for n in (1, 2, 3))
    assert harness.stats.get_value("archive/flushed") == 3
    assert harness.put(4) == f"key:{_item(4).url}"  # direct again


def test_an_item_the_store_alone_refuses_is_set_aside_after_some_passes(
    harness: Harness,
) -> None:
    """Refused while others in the same pass go through: the item is at fault, not the
    store (with no probe, that is how it is told from a store that is down)."""
    harness.store.up = False
    for n in range(3):
        harness.put(n)
    harness.store.up = True
    harness.store.refused = {_item(0).url}
    harness.clock.advance(RETRY)  # the others go through; the refused one waits
    assert len(harness.spool) == 1 and not harness.spooling.circuit.down
    n = 3
    while harness.stats.get_value("archive/set_aside") is None:  # the crawl goes on
        assert n < 3 + 3 * MAX_ENTRY_STRIKES, "never set aside"
        harness.put(n)
        harness.clock.advance(RETRY)
        n += 1
    assert len(harness.spool) == 0
    assert sorted(harness.store.written) == sorted(_item(k).url for k in range(1, n))
    [aside] = [p for p in harness.spool.directory.iterdir() if p.name.startswith(".refused-")]
    assert "store refused" in (aside / "reason.txt").read_text("utf-8")


def test_what_stays_spooled_at_close_is_counted_and_kept(harness: Harness) -> None:
    harness.store.up = False
    harness.put(1)
    assert _done(harness.spooling.close()) == 1
    assert len(harness.spool) == 1  # for the next run


def test_the_next_run_flushes_the_spool_first(harness: Harness) -> None:
    harness.store.up = False
    harness.put(1)
    _done(harness.spooling.close())
    harness.store.up = True
    second = harness.make()
    _done(second.open())
    assert len(harness.spool) == 0 and harness.stored == [_item(1).url]
    _done(second.close())


def test_one_spool_is_flushed_by_one_process_at_a_time(harness: Harness) -> None:
    """Workers of a shared crawl on one machine may share a spool: while one flushes it,
    another's pass leaves it alone (no entry stored twice), and takes it up after."""
    harness.store.up = False
    harness.put(1)
    _done(harness.spooling.close())
    harness.store.up = True
    other = Spool(harness.spool.directory)  # another process's handle on the same folder
    with other.flushing() as held:
        assert held
        second = harness.make()
        _done(second.open())  # its first pass: the spool is being flushed by the other
        assert len(harness.spool) == 1 and harness.stored == []
    _done(second.flush())
    assert len(harness.spool) == 0 and harness.stored == [_item(1).url]
    _done(second.close())


def test_an_item_neither_stored_nor_spooled_is_an_error(harness: Harness, tmp_path: Path) -> None:
    harness.store.up = False
    harness.spool.directory.parent.mkdir(parents=True, exist_ok=True)
    harness.spool.directory.write_bytes(b"a file where the spool's folder should be")
    with pytest.raises(Unstorable):
        harness.put(1)


def test_with_a_probe_an_item_the_store_refuses_does_not_stop_the_others(
    harness: Harness,
) -> None:
    """The store takes the probe's write: the refused item alone waits in the spool,
    the others are written directly, and it is set aside after its strikes."""
    spooling = harness.spooling = harness.make(probe=True)
    _done(spooling.open())
    harness.store.refused = {_item(0).url}
    assert harness.put(0) is None and not spooling.circuit.down
    assert harness.put(1) == f"key:{_item(1).url}"  # written at once: the store is up
    for _ in range(MAX_ENTRY_STRIKES - 1):
        harness.clock.advance(RETRY)
    assert len(harness.spool) == 0 and harness.stats.get_value("archive/set_aside") == 1
    _done(spooling.close())


def test_a_full_disk_is_never_one_items_fault(harness: Harness) -> None:
    spooling = harness.spooling = harness.make(probe=True)
    _done(spooling.open())
    harness.store.full = True
    harness.store.refused = {_item(0).url}
    assert harness.put(0) is None and spooling.circuit.down
    for _ in range(MAX_ENTRY_STRIKES + 1):
        harness.clock.advance(RETRY)
    assert len(harness.spool) == 1 and not harness.stats.get_value("archive/set_aside")
    harness.store.full, harness.store.refused = False, set()
    harness.clock.advance(RETRY)
    assert len(harness.spool) == 0 and harness.stored == [_item(0).url]
    _done(spooling.close())
