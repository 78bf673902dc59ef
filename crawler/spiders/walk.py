"""Which articles a run asks for: each once per crawl, the due ones first, and whether a
listing's next page is worth reading.

A listing is walked to its end, or, once an earlier run has walked it to its end,
until a page brings nothing new (:mod:`crawler.state.walks`); each article is requested
once per crawl however many listings link it.
The sets hold 8-byte keys of canonical URLs (:func:`crawler.urls.url_key`), so memory
stays small on a large site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from scrapy.statscollectors import StatsCollector

from crawler.marks import LocalMarks, Marks
from crawler.platforms.mfa import ListingCard
from crawler.redact import redact_text, redact_url
from crawler.state.walks import BROKEN, DEAD_PAGES, ENDED
from crawler.urls import canonical_url, page_kind, url_key

DUE, SEEN = "due", "seen"
"""Canonical URLs of the known articles this run revisits, and of every article it
requested; ``listed:<start point>``: the articles a start point's listing pages showed."""


@dataclass
class Walk:
    """What this run has requested, and what each listing has shown."""

    origins: dict[str, str]
    """Every name of a registered site -> its origin, for canonical URLs."""
    marks: Marks = field(default_factory=LocalMarks)
    listed: int = 0
    """How many article links the last listing page read showed for the first time in
    its listing this run (what a listing leads to: :mod:`crawler.spiders.discovery`)."""

    def listings(self, start_points: list[str]) -> dict[str, str]:
        """The start points that are walked (not articles), by URL without credentials
        (the state keeps them) -> their site."""
        return {
            redact_url(url): urlsplit(canonical_url(url, self.origins)).netloc
            for url in start_points
            if page_kind(url) not in ("content", "publicservice")
        }

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

    def fetched(self, identity: str, marked: object = None) -> None:
        """An article's page came back: its URL marked requested (no card asks for it
        again), unless its request was marked under this very URL (``marked``) and the
        marks are shared: there a mark is a round trip to Redis for nothing, while marks
        kept in this process cost nothing and are lost when a crawl resumes from its
        ``JOBDIR``, queue and all."""
        if not (self.marks.shared and marked == identity):
            self.claim(identity)

    def cards(
        self,
        start: str,
        cards: list[ListingCard],
        since: date | None,
        known: Callable[[str], bool],
        stop_early: bool,
        replayed: bool = False,
    ) -> tuple[list[ListingCard], bool]:
        """The cards of one listing page to request (``known``: archived and not due,
        which an incremental run does not ask for again), and whether the walk of
        ``start`` goes on to the next page.

        A walk to the end goes on while a page shows articles its listing had not shown
        yet (a listing that repeats its last page, or runs out, ends).  A walk that stops
        early (its listing was walked to the end before) goes on while a page shows an
        article this run asks for: due, new to the archive, or found new through another
        listing this run.

        ``replayed``: the page of a worker that died reading it (a shared crawl), read
        again: the marks it set of this page's cards are not trusted (it may have died
        before queueing their requests), so every card not due and not ``known`` is
        wanted, even if marked -- an article may be fetched twice, none is lost."""
        marks = self.marks
        dated = [
            (card, canonical_url(card.url, self.origins)) for card in self._dated(cards, since)
        ]
        keys = [url_key(identity) for _card, identity in dated]
        shown = marks.add(f"listed:{start}", keys)
        if replayed:  # shown once per page all the same
            shown = [key not in keys[:at] for at, key in enumerate(keys)]
        listed = [(c, i, k) for (c, i), k, s in zip(dated, keys, shown, strict=True) if s]
        self.listed = len(listed)
        lookups = [k for _c, _i, k in listed]
        due, seen = marks.has(DUE, lookups), marks.has(SEEN, lookups)
        if replayed:
            seen = [False] * len(lookups)
        wanted_by_run, candidates = 0, []
        for (card, identity, key), is_due, is_seen in zip(listed, due, seen, strict=True):
            if is_due or is_seen:
                wanted_by_run += 1
            elif not known(identity):
                wanted_by_run += 1
                candidates.append((card, key))
        claimed = marks.add(SEEN, [key for _card, key in candidates])
        # another worker may have claimed one meanwhile: it is then not wanted here
        wanted = [
            card for (card, _key), mine in zip(candidates, claimed, strict=True) if mine or replayed
        ]
        return wanted, bool(wanted_by_run if stop_early else listed)

    @staticmethod
    def _dated(cards: list[ListingCard], since: date | None) -> Iterator[ListingCard]:
        for card in cards:
            if not (since and card.card_date and card.card_date < since):
                yield card


class WalkLog:
    """What happened to each walk, written to the crawl's stats as it happens (start
    points and reasons without credentials: stats reach logs and reports)."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self._broken: set[str] = set()

    def _append(self, key: str, value: object) -> None:
        self.stats.set_value(key, [*self.stats.get_value(key, []), value])

    def ended(self, start: str) -> None:
        """The walk of ``start`` reached its end (a page past the last, or with nothing
        new; the article a start point turned out to be)."""
        self._append(ENDED, redact_url(start))

    def broken(self, start: str, reason: str) -> None:
        """The walk of ``start`` was cut short: a page of it, or an article it showed,
        could not be fetched (the first reason is kept)."""
        if start not in self._broken:
            self._broken.add(start)
            self._append(BROKEN, [redact_url(start), redact_text(reason)])

    def dead_page(self, start: str, url: str, reason: str) -> None:
        """A listing page answered 404 or 410: the listing ends there."""
        self._append(DEAD_PAGES, [redact_url(url), redact_text(reason)])
        self.stats.inc_value("archive/dead_listing_pages")
        self.ended(start)
