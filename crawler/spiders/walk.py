"""Which articles a run asks for: each once per crawl, the due ones first, and whether a
listing's next page is worth reading.

"New" is counted per start point (a listing that repeats its last page, or runs out,
stops), while each article is requested once per crawl however many listings link it.
The sets hold 8-byte keys of canonical URLs (:func:`crawler.urls.url_key`), so memory
stays small on a large site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from crawler.platforms.mfa import ListingCard
from crawler.urls import canonical_url, url_key


class Marks(Protocol):
    """Named sets of article keys: in this process, or shared by a crawl's workers
    (:class:`crawler.scaleout.marks.SharedMarks`, where one call is one round trip:
    hence the batches)."""

    def add(self, name: str, keys: list[int]) -> list[bool]:
        """Mark ``keys`` in ``name``, in order; for each, whether it was new."""

    def has(self, name: str, keys: list[int]) -> list[bool]: ...

    def count(self, name: str) -> int: ...


@dataclass
class LocalMarks:
    """The marks of a crawl run by one process."""

    sets: dict[str, set[int]] = field(default_factory=dict)

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


DUE, SEEN = "due", "seen"
"""Canonical URLs of the known articles this run revisits, and of every article it
requested; ``listed:<start point>``: the articles a start point's listing pages showed."""


@dataclass
class Walk:
    """What this run has requested, and what each listing has shown."""

    origins: dict[str, str]
    """Every name of a registered site -> its origin, for canonical URLs."""
    marks: Marks = field(default_factory=LocalMarks)

    def revisit(self, identity: str) -> None:
        """A known article due again, requested as the run starts."""
        key = url_key(identity)
        self.marks.add(DUE, [key])
        self.marks.add(SEEN, [key])

    @property
    def due(self) -> int:
        """How many known articles this run revisits."""
        return self.marks.count(DUE)

    def claim(self, url: str) -> bool:
        """Whether ``url``'s article is not requested yet (it is, from now on)."""
        return self.marks.add(SEEN, [url_key(canonical_url(url, self.origins))])[0]

    def cards(
        self, start: str, cards: list[ListingCard], since: date | None,
        known: Callable[[str], bool],
    ) -> tuple[list[ListingCard], int]:  # fmt: skip
        """The cards of one listing page to request, and how many were new to ``start``
        (``known``: archived and not due, which an incremental run skips)."""
        marks = self.marks
        dated = [
            (card, canonical_url(card.url, self.origins)) for card in self._dated(cards, since)
        ]
        keys = [url_key(identity) for _card, identity in dated]
        shown = marks.add(f"listed:{start}", keys)
        listed = [(c, i, k) for (c, i), k, s in zip(dated, keys, shown, strict=True) if s]
        lookups = [k for _c, _i, k in listed]
        due, seen = marks.has(DUE, lookups), marks.has(SEEN, lookups)
        new, candidates = sum(due), []
        for (card, identity, key), is_due, is_seen in zip(listed, due, seen, strict=True):
            if not is_due and not is_seen and not known(identity):
                new += 1
                candidates.append((card, key))
        claimed = marks.add(SEEN, [key for _card, key in candidates])
        # another worker may have claimed one meanwhile: it is then not wanted here
        wanted = [card for (card, _key), mine in zip(candidates, claimed, strict=True) if mine]
        return wanted, new

    @staticmethod
    def _dated(cards: list[ListingCard], since: date | None) -> Iterator[ListingCard]:
        for card in cards:
            if not (since and card.card_date and card.card_date < since):
                yield card
