"""Which pages a home page's menus lead to are looked at: those the state knows nothing
of, or judged not listings long enough ago; never more than the budget per site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.spiders.discovery import Discovery
from crawler.state.discovery import (
    CHECKED,
    GONE,
    LINKED,
    LISTING,
    NOT_LISTING,
    SHOWN,
    SitePage,
)

NOW = datetime(2026, 12, 7, tzinfo=UTC)
SITE = "dili.thaiembassy.org"
BASE = f"https://{SITE}/th"


def _discovery(known: list[SitePage], budget: int = 3) -> Discovery:
    stats = MemoryStatsCollector(get_crawler())
    return Discovery(stats, known, budget, timedelta(days=30), NOW)


def test_what_is_known_recently_or_walked_is_not_looked_at_and_the_budget_holds() -> None:
    known = [
        SitePage(f"{BASE}/page/news", SITE, LISTING, NOW),
        SitePage(f"{BASE}/page/about", SITE, NOT_LISTING, NOW, NOW - timedelta(days=2)),
        SitePage(f"{BASE}/page/visa", SITE, NOT_LISTING, NOW, NOW - timedelta(days=31)),
    ]
    discovery = _discovery(known)
    links = [f"{BASE}/page/{name}" for name in ("news", "about", "visa", "a", "b", "c", "d")]
    wanted = discovery.candidates(SITE, links, walked={f"{BASE}/page/a"})
    assert wanted == [f"{BASE}/page/visa", f"{BASE}/page/b", f"{BASE}/page/c"]
    assert discovery.candidates(SITE, links, walked=set()) == []  # asked once a run
    stats = discovery.stats.get_stats()
    assert stats[f"discovery/over_budget/{SITE}"] == 3  # d; then a (not walked now) and d
    assert stats[LINKED] == [[SITE, page.url] for page in known]  # known pages, once each
    assert discovery.listings(SITE, "th") == [f"{BASE}/page/news"]
    assert discovery.listings(SITE, "en") == []
    assert discovery.is_listing(f"{BASE}/page/news") and not discovery.is_listing(links[1])


def test_verdicts_and_gone_listings_are_noted_for_the_end_of_the_run() -> None:
    discovery = _discovery([])
    discovery.judged(SITE, f"{BASE}/page/news", "listing")
    discovery.judged(SITE, f"{BASE}/page/about", "other")
    discovery.judged(SITE, f"{BASE}/page/old", "gone", "HTTP 404")
    discovery.gone(f"{BASE}/page/moved", "its first page answers HTTP 410 Gone")
    discovery.shown(f"{BASE}/page/news", 7)  # found this run: its links counted
    discovery.shown(f"{BASE}/th", 6)  # a home page: not a discovered listing
    assert discovery.stats.get_value(CHECKED) == [
        [SITE, f"{BASE}/page/news", LISTING, None],
        [SITE, f"{BASE}/page/about", NOT_LISTING, "no article cards: not a listing"],
        [SITE, f"{BASE}/page/old", NOT_LISTING, "HTTP 404"],
        [SITE, f"{BASE}/page/moved", GONE, "its first page answers HTTP 410 Gone"],
    ]
    assert discovery.stats.get_value(f"{SHOWN}{BASE}/page/news") == 7
    assert discovery.stats.get_value(f"{SHOWN}{BASE}/th") is None
    assert discovery.walks(f"{BASE}/page/news") and not discovery.walks(f"{BASE}/page/about")


def test_a_gone_listing_a_menu_names_again_is_looked_at_at_once() -> None:
    gone = SitePage(f"{BASE}/page/news", SITE, GONE, NOW, NOW - timedelta(days=1))
    assert _discovery([gone]).candidates(SITE, [gone.url], walked=set()) == [gone.url]
