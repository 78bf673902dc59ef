"""Discovery's records: what each page a site's menus lead to was found to be, on both
backends, and how one run's notes change a record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawler.state.backend import State
from crawler.state.discovery import (
    GONE,
    LISTING,
    NOT_LISTING,
    Observed,
    SitePage,
    merged,
    next_page,
)

NOW = datetime(2026, 12, 7, tzinfo=UTC)
NEWS = "https://dili.thaiembassy.org/th/page/ข่าว?menu=60e4152e5723d0065d425342"
ABOUT = "https://dili.thaiembassy.org/th/page/about"
SITE = "dili.thaiembassy.org"


def test_records_are_kept_per_site_on_both_backends(state: State) -> None:
    news = SitePage(NEWS, SITE, LISTING, NOW, NOW, NOW, 12)
    about = SitePage(ABOUT, SITE, NOT_LISTING, NOW, NOW, None, 0, "no article cards")
    other = SitePage("https://london.thaiembassy.org/en/news", "london.thaiembassy.org", GONE, NOW)
    state.discovery.record([news, about, other])
    assert state.discovery.of_sites([SITE]) == sorted([news, about], key=lambda p: p.url)
    assert state.discovery.of_sites(["nowhere.thaiembassy.org"]) == []
    assert state.discovery.of_sites([]) == []
    moved = SitePage(NEWS, SITE, GONE, NOW, NOW + timedelta(days=1), NOW, 12, "HTTP 404", 2)
    state.discovery.record([moved])
    assert moved in state.discovery.of_sites([SITE])


def test_the_reset_of_an_archive_keeps_what_is_known_of_the_sites(state: State) -> None:
    news = SitePage(NEWS, SITE, LISTING, NOW, NOW, NOW, 3)
    state.discovery.record([news])
    state.reset()
    assert state.discovery.of_sites([SITE]) == [news]


def test_a_new_verdict_replaces_the_old_a_link_moves_the_menu_date_counts_keep_their_best() -> None:
    first = next_page(None, Observed(NEWS, SITE, linked=True, verdict=LISTING, articles=9), NOW)
    assert (first.verdict, first.first_seen, first.checked_at, first.in_menu_at) == (
        LISTING,
        NOW,
        NOW,
        NOW,
    )
    later = NOW + timedelta(days=1)
    walked = next_page(first, Observed(NEWS, SITE, articles=4), later)  # stopped early
    assert (walked.articles, walked.checked_at, walked.in_menu_at) == (9, NOW, NOW)
    missed = next_page(walked, Observed(NEWS, SITE, verdict=GONE, reason="HTTP 404"), later)
    assert (missed.verdict, missed.misses, missed.reason) == (LISTING, 1, "HTTP 404")  # once
    back = next_page(missed, Observed(NEWS, SITE, articles=2), later)  # walked again: cards
    assert (back.verdict, back.misses, back.reason) == (LISTING, 0, None)
    again = next_page(missed, Observed(NEWS, SITE, verdict=GONE, reason="HTTP 410"), later)
    assert (again.verdict, again.reason, again.misses, again.first_seen) == (
        GONE,
        "HTTP 410",
        2,
        NOW,
    )


def test_only_pages_not_listings_are_looked_at_again_and_only_after_the_recheck_age() -> None:
    week = timedelta(days=7)
    assert not SitePage(NEWS, SITE, LISTING, NOW, NOW).due_for_check(NOW + 2 * week, week)
    judged = SitePage(ABOUT, SITE, NOT_LISTING, NOW, NOW)
    assert not judged.due_for_check(NOW + timedelta(days=6), week)
    assert judged.due_for_check(NOW + week, week)
    assert SitePage(ABOUT, SITE, NOT_LISTING, NOW).due_for_check(NOW, week)  # never fetched
    assert SitePage(NEWS, SITE, GONE, NOW, NOW).due_for_check(NOW + week, week)


def test_one_runs_notes_of_a_page_merge_the_walks_word_over_the_checks() -> None:
    notes = [
        Observed(NEWS, SITE, linked=True),
        Observed(NEWS, SITE, verdict=NOT_LISTING, reason="no article cards"),
        Observed(NEWS, "", articles=3),
        Observed(NEWS, SITE, verdict=GONE, reason="HTTP 410"),
        Observed(NEWS, "", articles=2),
    ]
    [one] = merged(notes).values()
    assert one == Observed(NEWS, SITE, True, GONE, "HTTP 410", 5)
