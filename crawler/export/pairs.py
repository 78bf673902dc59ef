"""The ``pairs`` view: Thai and English articles of one site that are translations of
one another.

Candidates are the articles of the other language on the same site published within
``CANDIDATE_DAYS`` (or linked by a language switch, whatever their dates): embassies
publish a translation days after the original.  Each candidate pair is
weighed by its evidence (:mod:`.evidence`), each kind with a weight below, combined as
independent signs (one minus the product of the doubts); then pairs are taken best
first, each article in one pair at most, down to ``THRESHOLD``.

What the two share counts by how few articles of the site hold it: a photo, a name or
a number held by these two alone says which article; a banner every weekly briefing
shows, or "ASEAN", says little.  When alone (published within a day, the only
candidates of each other) never reaches the threshold: unrelated articles are often
published on the same day, and for a translation corpus a wrong pair is worse than a
missing one.  The weights are judgement, measured in the README.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from crawler.export.evidence import Signature
from crawler.storage import Storage
from crawler.storage.layout import RECORD
from schemas.export import PairRow
from schemas.models import ArchivedArticle

LINK_BOTH, LINK_ONE_WAY = 0.99, 0.95
"""A language switch leading to the other article: the page itself says so."""
MEDIA = 0.9
"""A picture or video the two alone hold; held by n articles of the site, 0.9/(n-1)
(a banner every weekly briefing shows says little)."""
SLUG = 0.9
"""One slug but for language markers (``-th``, ``-en``) and a duplicate counter."""
DATE = 0.5
"""Both slugs or titles name the same date (an event's)."""
MENTIONED = 0.3
"""Each date both bodies name (not within a day of publication), held by n articles:
0.3/(n-1)."""
NUMBER = 0.25
"""Each number in common (not a year, not a day of a month), held by n articles of the
site: 0.25/(n-1)."""
NAME = 0.3
"""Each Latin-script name in common ("BIMSTEC"), held by n articles: 0.3/(n-1)."""
TEXT_CAP = 0.45
"""Numbers and names together weigh at most this much: a Thai page with English
paragraphs shares dozens of capitalised words with any English article.  Articles
published more than a day apart need more than words in common: a link, a photo, a
slug or a date."""
SAME_DAY, NEXT_DAY, ONLY = 0.2, 0.1, 0.2
"""Published the same day, a day apart; the only candidates of each other (together at
most 0.36: below the threshold)."""
THRESHOLD = 0.5
"""Pairs below it are not exported."""
CANDIDATE_DAYS = 7
"""How far apart two articles' publications may be to be weighed as a pair at all (the
timing itself weighs only within a day)."""


@dataclass
class Held:
    """How many articles of the site hold each photo or video, name and number."""

    media: Counter[str] = field(default_factory=Counter)
    mentioned: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, articles: list[Signature]) -> Held:
        held = cls()
        for article in articles:
            held.media.update(article.media)
            held.mentioned.update(article.mentioned)
            held.names.update(article.names)
            held.numbers.update(article.numbers)
        return held


def _rare(weight: float, shared: frozenset[str], held: Counter[str]) -> list[float]:
    return [weight / max(held[token] - 1, 1) for token in sorted(shared)]


@dataclass(frozen=True)
class Pair:
    th: Signature
    en: Signature
    confidence: float
    evidence: list[str]
    days_apart: int | None


def _days(th: Signature, en: Signature) -> int | None:
    if th.published is None or en.published is None:
        return None
    return abs((th.published - en.published).days)


def score(th: Signature, en: Signature, held: Held, only: bool) -> tuple[float, list[str]]:
    """The pair's confidence and its evidence."""
    weights: list[float] = []
    evidence: list[str] = []
    there, back = en.url in th.links, th.url in en.links
    if there or back:
        weights.append(LINK_BOTH if there and back else LINK_ONE_WAY)
        way = "both" if there and back else "th-to-en" if there else "en-to-th"
        evidence.append(f"link:{way}")
    shared = th.media & en.media
    if shared:
        weights += _rare(MEDIA, shared, held.media)
        evidence.append(f"media:{len(shared)}")
    if th.slug and th.slug == en.slug:
        weights.append(SLUG)
        evidence.append("slug")
    for day in sorted(th.dates & en.dates)[:1]:
        weights.append(DATE)
        evidence.append(f"date:{day.isoformat()}")
    shared = th.mentioned & en.mentioned
    if shared:
        weights += _rare(MENTIONED, shared, held.mentioned)
        evidence.append(f"mentioned:{len(shared)}")
    days = _days(th, en)
    if not weights and (days is None or days > 1):
        return 0.0, evidence  # days apart, nothing but words in common: no pair
    text: list[float] = []
    for name, weight, tokens, counts in (
        ("numbers", NUMBER, th.numbers & en.numbers, held.numbers),
        ("names", NAME, th.names & en.names, held.names),
    ):
        if tokens:
            text += _rare(weight, tokens, counts)
            evidence.append(f"{name}:{len(tokens)}")
    weights.append(min(_combined(text), TEXT_CAP))
    if days is not None and days <= 1:
        weights.append(SAME_DAY if days == 0 else NEXT_DAY)
    if only:
        weights.append(ONLY)
        evidence.append("only-candidates")
    return round(_combined(weights), 3), evidence


def _combined(weights: list[float]) -> float:
    """Independent signs together: one minus the product of what each leaves in doubt."""
    return 1 - math.prod(1 - w for w in weights)


def _candidates(ths: list[Signature], ens: list[Signature]) -> set[tuple[int, int]]:
    by_day: dict[int, list[int]] = defaultdict(list)
    for j, en in enumerate(ens):
        if en.published is not None:
            by_day[en.published.toordinal()].append(j)
    index = {en.url: j for j, en in enumerate(ens)}
    found = set()
    for i, th in enumerate(ths):
        if th.published is not None:
            day = th.published.toordinal()
            near = range(day - CANDIDATE_DAYS, day + CANDIDATE_DAYS + 1)
            found |= {(i, j) for d in near for j in by_day.get(d, [])}
        found |= {(i, index[url]) for url in th.links if url in index}
    linked_back = {th.url: i for i, th in enumerate(ths)}
    for j, en in enumerate(ens):
        found |= {(linked_back[url], j) for url in en.links if url in linked_back}
    return found


def match_site(articles: list[Signature]) -> list[Pair]:
    """One site's pairs, best first, each article in one pair at most."""
    ths = sorted((a for a in articles if a.language == "th"), key=lambda a: a.url)
    ens = sorted((a for a in articles if a.language == "en"), key=lambda a: a.url)
    held = Held.of(articles)
    candidates = _candidates(ths, ens)
    dated = {(i, j) for i, j in candidates if (d := _days(ths[i], ens[j])) is not None and d <= 1}
    per_th, per_en = Counter(i for i, _ in dated), Counter(j for _, j in dated)
    scored = []
    for i, j in candidates:
        only = per_th[i] == 1 and per_en[j] == 1 and (i, j) in dated
        confidence, evidence = score(ths[i], ens[j], held, only)
        if confidence >= THRESHOLD:
            pair = Pair(ths[i], ens[j], confidence, evidence, _days(ths[i], ens[j]))
            scored.append(pair)
    scored.sort(key=lambda p: (-p.confidence, p.th.url, p.en.url))
    taken: set[str] = set()
    chosen = []
    for pair in scored:
        if pair.th.url not in taken and pair.en.url not in taken:
            taken |= {pair.th.url, pair.en.url}
            chosen.append(pair)
    return chosen


class Pairing:
    """Collects the signatures of an export's articles, then pairs them site by site."""

    def __init__(self) -> None:
        self.sites: dict[str, list[Signature]] = defaultdict(list)

    def add(self, signature: Signature) -> None:
        if signature.language in ("th", "en"):
            self.sites[signature.site].append(signature)

    def pairs(self) -> Iterator[Pair]:
        """Every site's pairs, by site and Thai URL (an export's order is stable); with
        ``--since-run``, those of which an article changed after the run."""
        for site in sorted(self.sites):
            found = match_site(self.sites[site])
            yield from sorted((p for p in found if p.th.fresh or p.en.fresh),
                              key=lambda p: p.th.url)  # fmt: skip


def pair_row(storage: Storage, pair: Pair) -> PairRow:
    """The pair's row, its texts read from the two latest records."""
    th, en = (_record(storage, s.version) for s in (pair.th, pair.en))
    return PairRow(
        site=pair.th.site, confidence=pair.confidence, evidence=pair.evidence,
        days_apart=pair.days_apart, th_url=pair.th.url, en_url=pair.en.url,
        th_version=pair.th.version, en_version=pair.en.version, th_title=th.title,
        en_title=en.title, th_imported_date=th.imported_date,
        en_imported_date=en.imported_date, th_body=th.body, en_body=en.body,
    )  # fmt: skip


def _record(storage: Storage, version: str) -> ArchivedArticle:
    data = storage.get(f"{version}/{RECORD}")
    if data is None:
        raise ValueError(f"{version}/{RECORD} is gone from the archive during the export")
    return ArchivedArticle.model_validate_json(data)
