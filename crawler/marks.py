"""Named sets of article keys a crawl keeps while it runs (which articles it asked for,
which each listing showed): in this process, or shared by a crawl's workers on Redis
(:class:`crawler.scaleout.marks.SharedMarks`).  The sets hold 8-byte keys of canonical
URLs (:func:`crawler.urls.url_key`), so memory stays small on a large site."""

from __future__ import annotations

import secrets
from array import array
from dataclasses import dataclass, field
from typing import Protocol

_MASK = 2**64 - 1


class Marks(Protocol):
    """Named sets of article keys: in this process, or shared by a crawl's workers
    (:class:`crawler.scaleout.marks.SharedMarks`, where one call is one round trip:
    hence the batches)."""

    def add(self, name: str, keys: list[int]) -> list[bool]:
        """Mark ``keys`` in ``name``, in order; for each, whether it was new."""

    def has(self, name: str, keys: list[int]) -> list[bool]: ...

    def count(self, name: str) -> int: ...

    @property
    def shared(self) -> bool:
        """Whether the marks are the crawl's workers' (each call a round trip), not kept
        in this process (lost when a crawl resumes from its ``JOBDIR``)."""


class KeySet:
    """A set of 8-byte keys in 16 to 32 bytes a key: an open-addressing table of
    unsigned 64-bit slots (linear probing, a quarter to a half full).

    A Python ``set`` of such keys costs some 78 bytes a key (a 36-byte ``int`` each and
    a table of 16-byte entries), and a crawl keeps two of them as large as its site:
    about 15 MB at 100,000 articles, much of what its memory grew by with the site.
    A key's slot is the high bits of its product with a random odd number drawn for
    the set (multiplicative hashing): keys are unkeyed hashes of URLs a site chooses,
    and slots taken from their low bits alone would let a hostile site cluster them.
    0 marks an empty slot; the key 0 is kept aside."""

    def __init__(self) -> None:
        self._multiplier = secrets.randbits(64) | 1
        self._slots = array("Q", [0]) * 8
        self._shift = 64 - 3
        self._used = 0
        self._zero = False

    def add(self, key: int) -> bool:
        """Add ``key`` (an unsigned 64-bit int); whether it was new."""
        if key == 0:
            fresh, self._zero = not self._zero, True
            return fresh
        index = self._probe(key)
        if self._slots[index] == key:
            return False
        self._slots[index] = key
        self._used += 1
        if 2 * self._used > len(self._slots):
            self._grow()
        return True

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, int):
            return False
        if key == 0:
            return self._zero
        return self._slots[self._probe(key)] == key

    def _probe(self, key: int) -> int:
        """The slot holding ``key``, or the empty one where it would go."""
        slots, mask = self._slots, len(self._slots) - 1
        index = ((key * self._multiplier) & _MASK) >> self._shift
        while (found := slots[index]) != key and found:
            index = (index + 1) & mask
        return index

    def __len__(self) -> int:
        return self._used + self._zero

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", [0]) * (2 * len(old))
        self._shift -= 1
        for key in old:
            if key:
                self._slots[self._probe(key)] = key


@dataclass
class LocalMarks:
    """The marks of a crawl run by one process."""

    sets: dict[str, KeySet] = field(default_factory=dict)
    shared = False

    def add(self, name: str, keys: list[int]) -> list[bool]:
        marked = self.sets.get(name)
        if marked is None:
            marked = self.sets[name] = KeySet()
        return [marked.add(key) for key in keys]

    def has(self, name: str, keys: list[int]) -> list[bool]:
        marked = self.sets.get(name)
        return [marked is not None and key in marked for key in keys]

    def count(self, name: str) -> int:
        marked = self.sets.get(name)
        return 0 if marked is None else len(marked)
