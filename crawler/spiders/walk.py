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

from crawler.platforms.mfa import ListingCard
from crawler.urls import canonical_url, url_key


@dataclass
class Walk:
    """What this run has requested, and what each listing has shown."""

    origins: dict[str, str]
    """Every name of a registered site -> its origin, for canonical URLs."""
    due: set[int] = field(default_factory=set)
    """Canonical URLs of the known articles this run revisits."""
    seen: set[int] = field(default_factory=set)
    """Canonical URLs of the articles requested in this crawl."""
    listed: dict[str, set[int]] = field(default_factory=dict)
    """Per start point, the articles its listing pages have shown."""

    def revisit(self, identity: str) -> None:
        """A known article due again, requested as the run starts."""
        key = url_key(identity)
        self.due.add(key)
        self.seen.add(key)

    def claim(self, url: str) -> bool:
        """Whether ``url``'s article is not requested yet (it is, from now on)."""
        key = url_key(canonical_url(url, self.origins))
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def cards(
        self, start: str, cards: list[ListingCard], since: date | None,
        known: Callable[[str], bool],
    ) -> tuple[list[ListingCard], int]:  # fmt: skip
        """The cards of one listing page to request, and how many were new to ``start``
        (``known``: archived and not due, which an incremental run skips)."""
        listed = self.listed.setdefault(start, set())
        wanted, new = [], 0
        for card in self._dated(cards, since):
            identity = canonical_url(card.url, self.origins)
            key = url_key(identity)
            if key in listed:
                continue
            listed.add(key)
            if key in self.due:  # requested at the start of the run
                new += 1
                continue
            if key in self.seen or known(identity):
                continue
            new += 1
            self.seen.add(key)
            wanted.append(card)
        return wanted, new

    @staticmethod
    def _dated(cards: list[ListingCard], since: date | None) -> Iterator[ListingCard]:
        for card in cards:
            if not (since and card.card_date and card.card_date < since):
                yield card
