"""Every site of the platform from its host name alone: its listings found from its home
pages' menus, every article of every site archived once, the next runs starting from
the listings found.

The replica serves 20 sites, a port each (``python -m replica --sites 20``), each with
its own menus, 2 to 4 listings a language of both URL forms and different depths, some
articles shared between listings, and menu pages that are not listings.  The registry
of the test holds, per site, only what a site on a private address needs: its host,
``http`` and ``private_address = true`` -- no listing.  What was archived is counted
against what the replica says each site holds (``/_replica/platform``).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import pytest_twisted

from crawler.runs import history
from crawler.storage.local import LocalStorage
from crawler.urls import canonical_url
from tests.support.commands import run_command
from tests.support.crawling import CrawlResult, crawl
from tests.support.harness import Platform

pytestmark = pytest.mark.crawl


def _registry(tmp_path: Path, platform: Platform, sites: int | None = None) -> Path:
    path = tmp_path / "sites.toml"
    entries = [
        f'[[site]]\nhost = "{url.removeprefix("http://")}"\nscheme = "http"\n'
        "private_address = true\n"
        for url in platform.urls[:sites]
    ]
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def _archived(archive: Path) -> dict[str, set[str]]:
    """Canonical URLs of the archived articles, per site."""
    found: dict[str, set[str]] = {}
    for record in archive.glob("articles/**/article.json"):
        article = json.loads(record.read_text("utf-8"))
        found.setdefault(article["site"], set()).add(article["canonical_url"])
    return found


def _held(site: dict[str, Any]) -> set[str]:
    origin = f"http://{site['host']}"
    return {canonical_url(origin + href, {}) for href in site["articles"]}


def _fetched(site: dict[str, Any], path: str) -> int:
    return int(site["fetched"].get(unquote(path.split("?")[0]), 0))


async def _crawl(tmp_path: Path, registry: Path, *args: str) -> CrawlResult:
    return await crawl(
        tmp_path,
        "site=all",
        *args,
        settings={
            "SITE_REGISTRY": str(registry),
            "CONCURRENT_REQUESTS": "32",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
        },
    )


@pytest_twisted.ensureDeferred
async def test_every_article_of_every_site_from_its_host_name_then_from_the_listings_found(
    tmp_path: Path, fresh_platform: Platform
) -> None:
    registry = _registry(tmp_path, fresh_platform)
    fresh_platform.control(0, "pace", seconds="0.01")
    first = await _crawl(tmp_path, registry)
    held = fresh_platform.platform()["sites"]
    peaks = fresh_platform.control(0, "peaks")["peaks"]
    assert first.returncode == 0, first.log[-3000:]
    archived = _archived(tmp_path / "archive")
    assert len(held) == 20
    for site in held:  # every article of every site, each once (a folder per article)
        assert archived.get(site["host"]) == _held(site), site["host"]
        assert 0 < peaks[site["host"]] <= 4  # the politeness budget of each site, seen
        for listing in site["listings"]:  # every listing walked to its end
            assert _fetched(site, listing["path"]) >= 1, listing["path"]
    archives = [item for site in held for item in site["listings"] if item["form"] == "archive"]
    assert any(item["pages"] > 1 for item in archives)  # paged, though of neither form
    for site in held[::4]:  # a menu's page that robots.txt forbids: never asked
        assert _fetched(site, "/th/private/intranet") == 0
    found = first.summary["discovery"]
    in_menus = sum(len(site["listings"]) for site in held)
    assert sum(found["listings_known"].values()) == len(found["listings_found"]) == in_menus
    assert found["pages_not_listings"] >= len(held)  # the about pages at least
    assert first.summary["walk"] == "complete"
    [report] = history.reports(LocalStorage(tmp_path / "archive"))  # kept with the run
    assert report.scope["discovery"]["listings_known"] == found["listings_known"]

    fresh_platform.control(0, "reset")  # counts from zero; the sites as they were
    second = await _crawl(tmp_path, registry)
    assert second.returncode == 0, second.log[-3000:]
    assert second.summary["mode"] == "incremental"
    assert second.summary["discovery"]["listings_found"] == []
    for site in fresh_platform.platform()["sites"]:
        for page in site["pages"]:  # judged not a listing last run: not asked again
            assert _fetched(site, page) == 0, page
        for listing in site["listings"]:  # the listings found: start points now
            assert _fetched(site, listing["path"]) >= 1, listing["path"]
    assert second.summary["totals"]["new"] == 0

    added = fresh_platform.control(3, "addlisting", lang="th")
    third = await _crawl(tmp_path, registry)
    assert third.returncode == 0, third.log[-3000:]
    host = fresh_platform.urls[3].removeprefix("http://")
    [new_listing] = third.summary["discovery"]["listings_found"]
    assert new_listing["site"] == host
    assert unquote(new_listing["url"]).endswith(unquote(added["path"]))
    site = fresh_platform.platform()["sites"][3]
    assert _archived(tmp_path / "archive")[host] == _held(site)
    assert third.summary["per_site"][host]["new"] == len(added["articles"])

    # scrapy sites: per site its listings found, articles, oldest and newest, last run
    ran = run_command(
        "sites", "--json", ARCHIVE_URI=str(tmp_path / "archive"), SITE_REGISTRY=str(registry)
    )
    assert ran.status == 0, ran.err
    shown = {entry["host"]: entry for entry in json.loads(ran.out)["sites"]}
    assert len(shown) == 20
    entry = shown[host]
    assert entry["articles"] == len(_held(site))
    assert {
        unquote(known["url"]).removeprefix(f"http://{host}") for known in entry["listings"]
    } == {unquote(listing["path"]) for listing in site["listings"]}
    assert all(known["source"] == "discovered" for known in entry["listings"])
    highlights = [k for k in entry["listings"] if k["articles"]]
    assert len(highlights) == len(entry["listings"])  # each led to its articles
    assert entry["oldest"] < entry["newest"] and entry["last_healthy"] is not None
    text = run_command(
        "sites",
        f"--site={host}",
        ARCHIVE_URI=str(tmp_path / "archive"),
        SITE_REGISTRY=str(registry),
    )
    assert text.status == 0 and text.out.count("discovered ") == len(site["listings"])
    assert f"{host} (th, en): {len(_held(site))} articles" in text.out


@pytest_twisted.ensureDeferred
async def test_a_listing_out_of_the_menus_is_walked_until_it_answers_nothing_twice(
    tmp_path: Path, fresh_platform: Platform
) -> None:
    registry = _registry(tmp_path, fresh_platform)
    host = fresh_platform.urls[1].removeprefix("http://")
    settings = {"SITE_REGISTRY": str(registry)}
    first = await crawl(tmp_path, f"site={host}", settings=settings)
    assert first.returncode == 0, first.log[-3000:]
    site = fresh_platform.platform()["sites"][1]
    hidden, dropped = site["listings"][0]["path"], site["listings"][1]["path"]
    fresh_platform.control(1, "hidelisting", path=hidden)
    fresh_platform.control(1, "droplisting", path=dropped)
    counts = [fresh_platform.platform()["sites"][1]]
    summaries = []
    for _run in range(3):
        result = await crawl(tmp_path, f"site={host}", settings=settings)
        assert result.returncode == 0, result.log[-3000:]  # a listing gone is no failure
        summaries.append(result.summary["discovery"])
        counts.append(fresh_platform.platform()["sites"][1])
    for before, after in itertools.pairwise(counts):
        assert _fetched(after, hidden) > _fetched(before, hidden)  # out of the menus, walked
    # one 404 drops nothing: said, and walked again; the second in a row drops it
    [missed] = summaries[0]["listings_missed"]
    assert unquote(missed["url"]).endswith(unquote(dropped)) and "404" in missed["reason"]
    assert summaries[0]["listings_gone"] == []
    assert _fetched(counts[2], dropped) > _fetched(counts[1], dropped)
    [gone] = summaries[1]["listings_gone"]
    assert unquote(gone["url"]).endswith(unquote(dropped)) and "404" in gone["reason"]
    assert _fetched(counts[3], dropped) == _fetched(counts[2], dropped)  # not asked again
    assert summaries[2]["listings_gone"] == summaries[2]["listings_missed"] == []


@pytest_twisted.ensureDeferred
async def test_a_budget_too_small_for_the_menus_leaves_the_rest_to_the_next_runs_and_says_so(
    tmp_path: Path, fresh_platform: Platform
) -> None:
    registry = _registry(tmp_path, fresh_platform)
    host = fresh_platform.urls[2].removeprefix("http://")
    settings = {"SITE_REGISTRY": str(registry), "DISCOVERY_MAX_PAGES": "3"}
    site = fresh_platform.platform()["sites"][2]
    first = await crawl(tmp_path, f"site={host}", settings=settings)
    assert first.returncode == 0, first.log[-3000:]
    left = first.summary["discovery"]["pages_left_for_next_runs"][host]
    assert left > 0 and "pages left for the next runs (DISCOVERY_MAX_PAGES reached)" in first.log
    runs = 1
    while first.summary["discovery"]["pages_left_for_next_runs"]:
        first = await crawl(tmp_path, f"site={host}", settings=settings)
        assert first.returncode == 0, first.log[-3000:]
        runs += 1
        assert runs <= 8, "the pages left are never looked at"
    assert first.summary["discovery"]["listings_known"][host] == len(site["listings"])
    assert _archived(tmp_path / "archive")[host] == _held(site)
