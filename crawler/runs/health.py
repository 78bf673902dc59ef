"""When a run counts as failed: declarative health rules, in the manner of spidermon.

Each :class:`Rule` names a stat, what it is compared with (nothing: any occurrence is
a problem; or a rate of another stat, above the threshold a setting names, with at
least ``HEALTH_MIN_COUNT`` occurrences so that one bad page of three is not an alarm)
and the message the summary shows.  :data:`RULES` is the table; :func:`verdict`
applies it to a run's stats.  A rule ``per_site`` is checked for every site that the
stat names (``<stat>/<site>``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scrapy.settings import BaseSettings

ARCHIVED = ("first", "updated", "unchanged", "silent_edit", "reverted", "changed")
SITE_READ, SITE_UNREAD = "archive/site_read", "archive/site_unread"
"""Per site (``<stat>/<site>``): the pages of it read; set by the run summary to 1 for a
site of the crawl of which no page was read."""
KNOWN = "archive/quarantined_again"
"""Pages quarantined before for the same reasons: every run fetches them, none is news."""


@dataclass(frozen=True)
class Thresholds:
    """The settings the rules compare with (``HEALTH_*``, defaults in settings.py)."""

    max_quarantine_rate: float
    max_failed_rate: float
    min_count: int
    max_incomplete_walks: int = 3
    max_disagreement_rate: float = 0.2

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Thresholds:
        return cls(
            max_quarantine_rate=settings.getfloat("HEALTH_MAX_QUARANTINE_RATE"),
            max_failed_rate=settings.getfloat("HEALTH_MAX_FAILED_RATE"),
            min_count=settings.getint("HEALTH_MIN_COUNT"),
            max_incomplete_walks=settings.getint("HEALTH_MAX_INCOMPLETE_WALKS"),
            max_disagreement_rate=settings.getfloat("HEALTH_MAX_DISAGREEMENT_RATE"),
        )


@dataclass(frozen=True)
class Rule:
    """A run is unhealthy when ``stat`` (a count) breaks this rule."""

    name: str
    stat: str
    message: str
    """Formatted with ``count``, ``total``, ``site`` and the stats of ``details``."""
    rate_of: str | None = None
    """The stat ``stat`` is a fraction of; None: any occurrence counts."""
    threshold: str | None = None
    """The :class:`Thresholds` field the rate must stay under."""
    unless: tuple[str, ...] = ()
    """Stats any of which, when non-zero, make the rule hold."""
    minus: tuple[str, ...] = ()
    """Stats subtracted from ``stat`` first (what is no news: a known non-article)."""
    per_site: bool = False


RULES: tuple[Rule, ...] = (
    Rule(
        "nothing_fetched",
        "archive/fetch_failed",
        "nothing could be fetched ({count} failed; {first_failure})",
        unless=(
            "archive/articles",
            "archive/not_an_article",
            "archive/listing_pages",
            "revisit/fetched",
        ),
    ),
    Rule(
        "nothing_read",
        "archive/nothing_read",
        "nothing was read: no listing or article page answered ({first_refusal})",
        unless=("archive/fetch_failed",),
    ),
    Rule(
        "site_unread",
        SITE_UNREAD,
        "nothing was read from {site}: none of its pages answered ({site_reason})",
        per_site=True,
    ),
    Rule(
        "nothing_archived",
        "archive/article_pages",
        "nothing archived from {site} although {count} article pages came",
        unless=tuple(f"archive/{o}" for o in ARCHIVED),
        minus=(KNOWN,),
        per_site=True,
    ),
    Rule(
        "disagreement",
        "archive/disagree",
        "{count} of {total} articles of {site} disagree with their own evidence ({fields}):"
        " its template may have changed (see the records' warnings)",
        rate_of="archive/article_pages",
        threshold="max_disagreement_rate",
        per_site=True,
    ),
    Rule(
        "quarantine_rate",
        "archive/quarantined",
        "{count} of {total} article pages quarantined",
        rate_of="revisit/fetched",
        threshold="max_quarantine_rate",
        minus=(KNOWN,),
    ),
    Rule(
        "failed_rate",
        "archive/fetch_failed",
        "{count} of {total} requests failed for good",
        rate_of="downloader/request_count",
        threshold="max_failed_rate",
        unless=("archive/nothing_read",),  # "nothing could be fetched" says it all
    ),
    Rule(
        "stuck_walk",
        "walk/stuck",
        "listings left incomplete by {walk_runs} or more runs in a row, each walking them"
        " again: {count} ({stuck_first})",
    ),
    Rule(
        "store_failed", "archive/store_failed", "{count} items could be neither stored nor spooled"
    ),
    Rule(
        "set_aside",
        "archive/set_aside",
        "{count} spooled items the store refused were set aside (see the log)",
    ),
    Rule(
        "item_errors",
        "archive/item_errors",
        "{count} items failed in an item pipeline (quarantined with the error: see the summary)",
    ),
    Rule(
        "invalid",
        "archive/invalid",
        "{count} pages the schema refused (quarantined with the reason)",
    ),
    Rule("spider_errors", "spider_exceptions/count", "{count} errors in the spider (see the log)"),
    Rule(
        "lease_lost",
        "shared/lease_lost",
        "the archive's Redis lease was lost mid-crawl (Redis restarted, or a worker stalled):"
        " the shared queue may be lost; run the crawl again",
    ),
    Rule(
        "still_spooled",
        "archive/still_spooled",
        "{count} items stay spooled (the store did not answer); the next run stores them first",
    ),
)


@dataclass(frozen=True)
class Problem:
    """A rule a run broke, and what the summary says about it."""

    rule: str
    message: str


def _count(rule: Rule, stats: Mapping[str, Any], suffix: str) -> int:
    count = int(stats.get(rule.stat + suffix, 0) or 0)
    return count - sum(int(stats.get(s + suffix, 0) or 0) for s in rule.minus)


def _broken(rule: Rule, stats: Mapping[str, Any], suffix: str, limits: Thresholds) -> bool:
    count = _count(rule, stats, suffix)
    if count <= 0 or any(stats.get(s + suffix) for s in rule.unless):
        return False
    if rule.rate_of is None:
        return True
    assert rule.threshold is not None
    total = _total(rule, stats, suffix)
    return count >= limits.min_count and count > getattr(limits, rule.threshold) * total


def _total(rule: Rule, stats: Mapping[str, Any], suffix: str) -> int:
    """What a rate rule's count is out of; never fewer than the count (a request refused
    before the downloader counted it -- its name not found -- failed all the same)."""
    if rule.rate_of is None:
        return 0
    total = int(stats.get(rule.rate_of + (suffix if rule.per_site else ""), 0) or 0)
    return max(total, _count(rule, stats, suffix))


def _sites(rule: Rule, stats: Mapping[str, Any]) -> list[str]:
    prefix = rule.stat + "/"
    return sorted({key[len(prefix) :] for key in stats if key.startswith(prefix)})


def _fields(stats: Mapping[str, Any], site: str) -> str:
    """The fields a site's articles disagree on, the most first: ``title 9, images 2``."""
    counts = {
        key.split("/")[2]: int(value or 0)
        for key, value in stats.items()
        if key.startswith("archive/disagree_on/") and key.endswith(f"/{site}")
    }
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda i: -i[1]))


def verdict(
    stats: Mapping[str, Any], limits: Thresholds, details: Mapping[str, str] | None = None
) -> list[Problem]:
    """Every rule the run broke, in the table's order (empty for a healthy run)."""
    problems = []
    for rule in RULES:
        for site in _sites(rule, stats) if rule.per_site else [""]:
            suffix = f"/{site}" if site else ""
            if _broken(rule, stats, suffix, limits):
                total = _total(rule, stats, suffix)
                values = {
                    "count": _count(rule, stats, suffix),
                    "site": site,
                    "total": total,
                    "fields": _fields(stats, site),
                    "site_reason": (details or {}).get(f"{SITE_UNREAD}/{site}", ""),
                    **(details or {}),
                }
                problems.append(Problem(rule.name, rule.message.format(**values)))
    return problems
