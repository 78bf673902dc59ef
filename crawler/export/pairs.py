"""The ``pairs`` view: Thai and English articles of one site that are translations of
one another.

Candidates are the articles of the other language on the same site published within
``CANDIDATE_DAYS`` (embassies publish a translation days after the original), or linked
by a language switch whatever their dates.  Each candidate pair is weighed
(:mod:`.scoring`); pairs are taken best first, each article in one pair at most, down
to the threshold.

A site is paired as soon as the archive's listing has passed it (its keys come
together), so what is held is one site's signatures; candidates are made one Thai
article at a time and only pairs above the threshold are kept.  The view is always
the whole archive's pairs (``--since-run`` does not narrow it: a new article may take
an article from the pair it was in), and the date and kind filters choose which pairs
are written, not which articles are weighed: what two articles share counts by how
many articles of the whole site hold it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from crawler.export.evidence import Signature
from crawler.export.scoring import THRESHOLD, Held, days_apart, score
from crawler.storage import Storage
from crawler.storage.layout import RECORD
from schemas.export import PairRow
from schemas.models import ArchivedArticle

CANDIDATE_DAYS = 7
"""How far apart two articles' publications may be to be weighed as a pair at all (the
timing itself weighs only within a day)."""


@dataclass(frozen=True)
class Pair:
    """A Thai article and its English translation, as found."""

    th: Signature
    en: Signature
    confidence: float
    evidence: list[str]
    days_apart: int | None


def _by_day(articles: list[Signature]) -> dict[int, list[int]]:
    days: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        if article.published is not None:
            days[article.published.toordinal()].append(index)
    return days


def _near(days: dict[int, list[int]], article: Signature, reach: int) -> list[int]:
    if article.published is None:
        return []
    day = article.published.toordinal()
    return [i for d in range(day - reach, day + reach + 1) for i in days.get(d, [])]


def match_site(articles: list[Signature]) -> list[Pair]:
    """One site's pairs, best first, each article in one pair at most."""
    ths = sorted((a for a in articles if a.language == "th"), key=lambda a: a.key)
    ens = sorted((a for a in articles if a.language == "en"), key=lambda a: a.key)
    held = Held.of(articles)
    th_days, en_days = _by_day(ths), _by_day(ens)
    en_index = {en.key: j for j, en in enumerate(ens)}
    linked_to: dict[str, set[int]] = defaultdict(set)  # Thai key -> English linking to it
    for j, en in enumerate(ens):
        for key in en.links:
            linked_to[key].add(j)
    within_a_day = Counter(j for j, en in enumerate(ens) for _ in _near(th_days, en, 1))
    scored = []
    for th in ths:
        close = set(_near(en_days, th, 1))
        reach = set(_near(en_days, th, CANDIDATE_DAYS))
        reach |= {en_index[key] for key in th.links if key in en_index} | linked_to[th.key]
        for j in sorted(reach):
            only = len(close) == 1 and j in close and within_a_day[j] == 1
            confidence, evidence = score(th, ens[j], held, only)
            if confidence >= THRESHOLD:
                scored.append(Pair(th, ens[j], confidence, evidence, days_apart(th, ens[j])))
    scored.sort(key=lambda p: (-p.confidence, p.th.key, p.en.key))
    taken: set[str] = set()
    chosen = []
    for pair in scored:
        if pair.th.key not in taken and pair.en.key not in taken:
            taken |= {pair.th.key, pair.en.key}
            chosen.append(pair)
    return chosen


class Pairing:
    """Takes an export's articles in the archive's order and pairs each site's as soon
    as the next site begins."""

    def __init__(self) -> None:
        self.site: str | None = None
        self.articles: list[Signature] = []
        self.found: list[Pair] = []
        self.done: set[str] = set()

    def add(self, signature: Signature) -> None:
        """One more article (other languages than Thai and English are left out)."""
        if signature.site != self.site:
            self._close()
            if signature.site in self.done:  # the listing's order keeps a site together
                raise ValueError(f"the archive listed {signature.site} in two parts")
            self.site = signature.site
        if signature.language in ("th", "en"):
            self.articles.append(signature)

    def _close(self) -> None:
        if self.site is not None:
            self.found += match_site(self.articles)
            self.done.add(self.site)
        self.site, self.articles = None, []

    def pairs(self) -> Iterator[Pair]:
        """Every pair of which an article was selected, by site and Thai URL (stable)."""
        self._close()
        chosen = (p for p in self.found if p.th.selected or p.en.selected)
        yield from sorted(chosen, key=lambda p: (p.th.site, p.th.url))


def pair_row(storage: Storage, pair: Pair) -> PairRow:
    """The pair's row, its texts read from the two latest records."""
    th, en = (_record(storage, s.version) for s in (pair.th, pair.en))
    return PairRow(
        site=pair.th.site,
        confidence=pair.confidence,
        evidence=pair.evidence,
        days_apart=pair.days_apart,
        th_url=pair.th.url,
        en_url=pair.en.url,
        th_version=pair.th.version,
        en_version=pair.en.version,
        th_title=th.title,
        en_title=en.title,
        th_imported_date=th.imported_date,
        en_imported_date=en.imported_date,
        th_body=th.body,
        en_body=en.body,
    )


def _record(storage: Storage, version: str) -> ArchivedArticle:
    data = storage.get(f"{version}/{RECORD}")
    if data is None:
        raise ValueError(f"{version}/{RECORD} is gone from the archive during the export")
    return ArchivedArticle.model_validate_json(data)
