"""Whether a listing's walk goes on: to its end while pages show cards new to it; once
walked to its end before, while pages show an article this run asks for."""

from __future__ import annotations

from crawler.platforms.mfa import ListingCard
from crawler.spiders.walk import Walk

CARDS = [ListingCard(f"https://x.mfa.go.th/th/content/a{i}", None) for i in range(3)]
OLD = [ListingCard("https://x.mfa.go.th/th/content/old", None)]


def never(_identity: str) -> bool:
    return False


def always(_identity: str) -> bool:
    return True


def test_a_walk_to_the_end_goes_on_past_articles_another_listing_showed_first() -> None:
    walk = Walk(origins={})
    wanted, goes_on = walk.cards("A", CARDS, None, never, stop_early=False)
    assert wanted == CARDS and goes_on
    # the same articles under another listing: requested once, but B's walk goes on
    assert walk.cards("B", CARDS, None, never, stop_early=False) == ([], True)
    assert walk.cards("A", CARDS, None, never, stop_early=False) == ([], False)  # repeated page


def test_a_page_replayed_after_its_worker_died_asks_again_for_what_that_worker_marked() -> None:
    walk = Walk(origins={})
    walk.cards("A", CARDS, None, never, stop_early=False)  # marked; the worker dies here
    assert walk.cards("A", CARDS, None, never, stop_early=False) == ([], False)  # the loss
    assert walk.cards("A", CARDS, None, never, stop_early=False, replayed=True) == (CARDS, True)
    assert walk.cards("A", CARDS, None, always, stop_early=False, replayed=True) == ([], True)


def test_a_walk_that_stops_early_goes_on_while_this_run_asks_for_something() -> None:
    walk = Walk(origins={})
    walk.cards("A", CARDS, None, never, stop_early=False)  # new to the archive, requested
    assert walk.cards("C", CARDS, None, always, stop_early=True) == ([], True)
    assert walk.cards("C", OLD, None, always, stop_early=True) == ([], False)  # all known
    walk.revisit("https://x.mfa.go.th/th/content/old")  # due: it counts
    assert walk.cards("D", OLD, None, always, stop_early=True) == ([], True)
