"""Every site of a registry in one run, each at its own politeness budget.

The replica is reached under several loopback names, registered as separate sites in a
registry of the test's own (``SITE_REGISTRY``): ``127.0.0.1:PORT`` and ``localhost:PORT``
with plain http and a port, the second with a budget of its own.  The replica holds
every answer a little and counts the requests each host name has in flight, so the
politeness is seen from the server's side.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import pytest_twisted

from tests.e2e.conftest import ARTICLES
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl
LISTINGS = """
listings.th = ["/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"]
listings.en = ["/en/content-category/press-release"]
"""


def _registry(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(
        f'[[site]]\nhost = "127.0.0.1:{port}"\nscheme = "http"\n{LISTINGS}\n'
        f'[[site]]\nhost = "localhost:{port}"\nscheme = "http"\nconcurrency = 2\n{LISTINGS}',
        encoding="utf-8",
    )
    return path


@pytest_twisted.ensureDeferred
async def test_all_sites_in_one_run_each_at_its_own_budget(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    port = int(urlsplit(fresh_replica.url).port or 0)
    sites = [f"127.0.0.1:{port}", f"localhost:{port}"]
    fresh_replica.control("pace", seconds="0.03")
    result = await crawl(
        tmp_path,
        "site=all",
        settings={
            "SITE_REGISTRY": str(_registry(tmp_path, port)),
            "ALLOW_PRIVATE_HOSTS": "127.0.0.1,localhost",
            "CONCURRENT_REQUESTS": "16",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
        },
    )
    peaks = fresh_replica.control("peaks")["peaks"]
    assert result.returncode == 0, result.log[-3000:]
    for site in sites:  # every site archived, each under its own host
        assert result.summary["per_site"][site]["new"] == ARTICLES
        folder = tmp_path / "archive" / "articles" / site.replace(":", "_")
        assert len(list(folder.rglob("article.json"))) == ARTICLES
    assert 2 < peaks[sites[0]] <= 4  # the crawl's own budget, used, never passed
    assert peaks[sites[1]] == 2  # the registry's budget for this site


@pytest_twisted.ensureDeferred
async def test_a_site_of_which_nothing_is_read_fails_the_run_and_is_named(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """Two sites at a loopback address, no ALLOW_PRIVATE_HOSTS: the one whose registry entry
    says it answers at a private address is crawled; the other is refused by the address
    filter, and the run is unhealthy, naming it and why (was: exit 0, "OK")."""
    port = int(urlsplit(fresh_replica.url).port or 0)
    registry = tmp_path / "sites.toml"
    registry.write_text(
        f'[[site]]\nhost = "127.0.0.1:{port}"\nscheme = "http"\nprivate_address = true\n'
        f'{LISTINGS}\n[[site]]\nhost = "localhost:{port}"\nscheme = "http"\n{LISTINGS}',
        encoding="utf-8",
    )
    result = await crawl(tmp_path, "site=all", settings={"SITE_REGISTRY": str(registry)})
    assert result.returncode == 1, result.log[-3000:]
    assert result.summary["per_site"][f"127.0.0.1:{port}"]["new"] == ARTICLES
    [problem] = result.summary["problems"]
    assert problem.startswith(f"nothing was read from localhost:{port}: none of its pages")
    assert "localhost is a loopback address" in problem
