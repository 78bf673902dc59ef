"""The controls of the replica's sites of the platform do what a site's editors do between
two crawls: a new listing in the menu, a listing out of the menu but still served, a
listing gone; and the reset undoes them, so that tests stay independent."""

from __future__ import annotations

import urllib.error
from typing import Any

import pytest

from tests.replica.conftest import card_links, menu_links
from tests.support.harness import Platform

pytestmark = pytest.mark.crawl


def _listing(platform: Platform, k: int, path: str) -> dict[str, Any]:
    listings: list[dict[str, Any]] = platform.platform()["sites"][k]["listings"]
    [found] = [item for item in listings if item["path"] == path]
    return found


def _status(platform: Platform, k: int, href: str) -> int:
    try:
        platform.get(k, href)
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def test_addlisting_names_a_new_listing_of_new_articles_in_the_menu(sites: Platform) -> None:
    loaded = sites.platform()["sites"]
    before = loaded[2]
    added = sites.control(2, "addlisting", lang="en")
    path, articles = added["path"], added["articles"]
    assert path.startswith("/en/") and 4 <= len(articles) <= 8
    assert path in menu_links(sites.get(2, "/en")) and path not in menu_links(sites.get(2, "/th"))
    assert card_links(sites.get(2, path)) == articles
    listing = _listing(sites, 2, path)
    assert listing["in_menu"] and listing["served"] and listing["articles"] == articles
    known = {h.split("?")[0] for item in before["listings"] for h in item["articles"]}
    assert not known & {href.split("?")[0] for href in articles}
    after = sites.platform()["sites"]
    assert set(after[2]["articles"]) >= {href.split("?")[0] for href in articles}
    assert after[1]["listings"] == loaded[1]["listings"]  # the other sites untouched
    second = sites.control(2, "addlisting", lang="en")["path"]
    assert second != path and {path, second} <= set(menu_links(sites.get(2, "/en")))


def test_hidelisting_takes_a_listing_out_of_the_menus_but_serves_it(sites: Platform) -> None:
    site = sites.platform()["sites"][1]
    listing = next(item for item in site["listings"] if item["language"] == "th")
    sites.control(1, "hidelisting", path=listing["path"])
    assert listing["path"] not in menu_links(sites.get(1, "/th"))
    assert card_links(sites.get(1, listing["path"]))[:10] == listing["articles"][:10]
    now = _listing(sites, 1, listing["path"])
    assert (now["in_menu"], now["served"]) == (False, True)
    assert sites.platform()["sites"][1]["articles"] == site["articles"]


def test_droplisting_ends_a_listing_but_not_its_articles(sites: Platform) -> None:
    site = sites.platform()["sites"][0]
    listing = max(site["listings"], key=lambda item: item["pages"])
    sites.control(0, "droplisting", path=listing["path"])
    assert listing["path"] not in menu_links(sites.get(0, f"/{listing['language']}"))
    assert _status(sites, 0, listing["path"]) == 404
    assert _status(sites, 0, f"{listing['path']}{'&' if '?' in listing['path'] else '?'}p=2") == 404
    assert all(_status(sites, 0, href) == 200 for href in listing["articles"])
    now = sites.platform()["sites"][0]
    assert [(i["in_menu"], i["served"]) for i in now["listings"] if i["id"] == listing["id"]] == [
        (False, False)
    ]
    others = {h.split("?")[0] for i in now["listings"] if i["served"] for h in i["articles"]}
    assert set(now["articles"]) < set(site["articles"])  # a deep listing's tail is unreachable
    assert set(now["articles"]) >= others


def test_reset_restores_every_site_as_loaded(sites: Platform) -> None:
    loaded = sites.platform()
    listing = loaded["sites"][3]["listings"][0]["path"]
    sites.control(3, "addlisting", lang="th")
    sites.control(3, "droplisting", path=listing)
    sites.control(4, "hidelisting", path=loaded["sites"][4]["listings"][-1]["path"])
    assert sites.platform() != loaded
    sites.control(3, "reset")
    again = sites.platform()
    for site in again["sites"]:
        site["fetched"] = {}
    for site in loaded["sites"]:
        site["fetched"] = {}
    assert again == loaded
    assert _status(sites, 3, listing) == 200


def test_a_control_of_no_listing_or_action_says_so(sites: Platform) -> None:
    for action, params in (("hidelisting", {"path": "/th/page/none"}), ("nothing", {})):
        with pytest.raises(urllib.error.HTTPError) as answer:
            sites.control(0, action, **params)
        assert answer.value.code == 404
