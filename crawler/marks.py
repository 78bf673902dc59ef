"""Named sets of article keys a crawl keeps while it runs (which articles it asked for,
which each listing showed): in this process, or shared by a crawl's workers on Redis
(:class:`crawler.scaleout.marks.SharedMarks`).  The sets hold 8-byte keys of canonical
URLs (:func:`crawler.urls.url_key`), so memory stays small on a large site."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


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


@dataclass
class LocalMarks:
    """The marks of a crawl run by one process."""

    sets: dict[str, set[int]] = field(default_factory=dict)
    shared = False

    def add(self, name: str, keys: list[int]) -> list[bool]:
        marked, fresh = self.sets.setdefault(name, set()), []
        for key in keys:
            fresh.append(key not in marked)
            marked.add(key)
        return fresh

    def has(self, name: str, keys: list[int]) -> list[bool]:
        marked = self.sets.get(name, set())
        return [key in marked for key in keys]

    def count(self, name: str) -> int:
        return len(self.sets.get(name, ()))
