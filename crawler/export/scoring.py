"""How sure a Thai and an English article are translations of one another: each kind of
evidence (:mod:`.evidence`) with a weight, combined as independent signs (one minus the
product of what each leaves in doubt).

What the two share counts by how few articles of the site hold it: a photo, a slug, a
date, a name or a number held by these two alone says which article; a banner every
weekly briefing shows, a slug stem every notice shares, or "ASEAN", says little.  Timing
alone (published within a day, the only candidates of each other) never reaches the
threshold: unrelated articles are often published on the same day, and for a
translation corpus a wrong pair is worse than a missing one.  The weights are judgement,
measured in docs/datasets.md against three written-down truths.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from crawler.export.evidence import Signature

LINK_BOTH, LINK_ONE_WAY = 0.99, 0.95
"""A language switch leading to the other article: the page itself says so."""
MEDIA = 0.9
"""Each picture or video in common, held by n articles of the site: 0.9/(n-1)."""
SLUG = 0.9
"""One slug but for language markers (``-th``, ``-en``) and a duplicate counter, the
stem held by n articles: 0.9/(n-1)."""
DATE = 0.45
"""A date both slugs or titles name (an event's), held by n articles: 0.45/(n-1); alone,
below the threshold."""
MENTIONED = 0.3
"""Each date both bodies name (not within a day of publication), held by n: 0.3/(n-1)."""
NUMBER = 0.25
"""Each number in common (not a year, not a day of a month), held by n: 0.25/(n-1)."""
NAME = 0.3
"""Each Latin-script name in common ("BIMSTEC"), held by n: 0.3/(n-1)."""
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


@dataclass
class Held:
    """How many articles of the site hold each thing two articles may share."""

    media: Counter[str] = field(default_factory=Counter)
    slugs: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    mentioned: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, articles: Iterable[Signature]) -> Held:
        held = cls()
        for article in articles:
            held.media.update(article.media)
            held.slugs.update([article.slug] if article.slug else [])
            held.dates.update(day.isoformat() for day in article.dates)
            held.mentioned.update(article.mentioned)
            held.names.update(article.names)
            held.numbers.update(article.numbers)
        return held


def combined(weights: Iterable[float]) -> float:
    """Independent signs together: one minus the product of what each leaves in doubt."""
    return 1 - math.prod(1 - w for w in weights)


def _rare(weight: float, shared: Iterable[str], held: Counter[str]) -> list[float]:
    return [weight / max(held[token] - 1, 1) for token in sorted(shared)]


def days_apart(th: Signature, en: Signature) -> int | None:
    if th.published is None or en.published is None:
        return None
    return abs((th.published - en.published).days)


def score(th: Signature, en: Signature, held: Held, only: bool) -> tuple[float, list[str]]:
    """The pair's confidence and its evidence (codes: :class:`schemas.export.PairRow`)."""
    weights: list[float] = []
    evidence: list[str] = []
    there, back = en.key in th.links, th.key in en.links
    if there or back:
        weights.append(LINK_BOTH if there and back else LINK_ONE_WAY)
        evidence.append(f"link:{'both' if there and back else 'th-to-en' if there else 'en-to-th'}")
    identity = (
        ("media", MEDIA, th.media & en.media, held.media),
        ("slug", SLUG, {th.slug} & {en.slug} - {""}, held.slugs),
        ("date", DATE, {d.isoformat() for d in th.dates & en.dates}, held.dates),
        ("mentioned", MENTIONED, th.mentioned & en.mentioned, held.mentioned),
    )
    for name, weight, shared, counts in identity:
        if shared:
            weights += _rare(weight, shared, counts)
            evidence.append(name if name == "slug" else f"{name}:{len(shared)}")
    days = days_apart(th, en)
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
    weights.append(min(combined(text), TEXT_CAP))
    if days is not None and days <= 1:
        weights.append(SAME_DAY if days == 0 else NEXT_DAY)
    if only:
        weights.append(ONLY)
        evidence.append("only-candidates")
    return round(combined(weights), 3), evidence
