"""The spider's arguments are checked before anything is fetched, each error naming the
argument and what it accepts."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.registry import Registry
from crawler.spiders.arguments import ArgumentError, CrawlArguments


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"since": "yesterday"}, "since must be a date, YYYY-MM-DD, not 'yesterday'"),
        ({"lang": "fr"}, "lang must be th or en, not 'fr'"),
        ({"max_pages": "-1"}, "max_pages must be a whole number of pages, 1 or more, not '-1'"),
        ({"max_pages": "0"}, "max_pages must be a whole number of pages, 1 or more, not '0'"),
        ({"mode": "sometimes"}, "mode must be full or incremental, not 'sometimes'"),
        ({"sitee": "x"}, "unknown argument sitee; accepted: site, lang, start_urls, max_pages,"),
        ({"start_urls": "www.mfa.go.th/th"}, "start_urls must be http(s) URLs"),
    ],
)
def test_a_wrong_argument_is_named_with_what_is_accepted(given: dict[str, str], said: str) -> None:
    with pytest.raises(ArgumentError) as refused:
        CrawlArguments.parse(**given)
    assert str(refused.value).startswith(said)


def test_an_unknown_site_lists_the_registered_ones() -> None:
    arguments = CrawlArguments.parse(site="nowhere.example")
    with pytest.raises(
        ArgumentError, match=r"unknown site 'nowhere\.example'; registered sites: all, "
    ):
        arguments.start_points(Registry.load())


def test_all_sites_and_a_list_of_sites() -> None:
    registry = Registry.load()
    every = CrawlArguments.parse(site="all").start_points(registry)
    assert {url.split("/")[2] for url in every} == set(registry.sites)
    english = CrawlArguments.parse(site="all", lang="en").start_points(registry)
    publishing = {host for host, site in registry.sites.items() if "en" in site.languages}
    assert {url.split("/")[2] for url in english} == publishing  # those with English only
    assert all("/en" in url for url in english) and len(publishing) < len(registry.sites)
    two = CrawlArguments.parse(site="www.mfa.go.th,london.thaiembassy.org", lang="th")
    hosts = {url.split("/")[2] for url in two.start_points(registry)}
    assert hosts == {"www.mfa.go.th", "london.thaiembassy.org"}


def test_good_arguments_are_read() -> None:
    arguments = CrawlArguments.parse(since="2025-01-31", max_pages="3", mode="full")
    assert (arguments.since, arguments.max_pages, arguments.mode) == (date(2025, 1, 31), 3, "full")
    assert arguments.limited


def test_scrapyds_job_id_is_accepted_and_kept() -> None:
    arguments = CrawlArguments.parse(_job="5f1c0a8e", mode="full")
    assert arguments.job == "5f1c0a8e" and not arguments.limited
