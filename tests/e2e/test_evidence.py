"""Every field confirmed by a second source, or flagged: a crawl of the replica records
which sources agreed, and a template switched to one that misleads the reader makes the
run unhealthy on its first run, naming the site and the field (issue 24)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import pytest_twisted

from schemas import ArchivedArticle
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl


def _records(archive: Path) -> list[ArchivedArticle]:
    return [
        ArchivedArticle.model_validate_json(p.read_bytes()) for p in archive.rglob("article.json")
    ]


@pytest_twisted.ensureDeferred
async def test_a_crawl_records_which_sources_confirmed_each_title(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}")
    assert result.returncode == 0, result.log[-3000:]
    assert "disagreement" not in result.summary["rules_broken"]
    records = _records(tmp_path / "archive")
    titled = [r for r in records if r.title]
    # the card that linked each, and one of the page's own claims at least (an og:title
    # may name an older title: the document title then agrees)
    assert titled and all("card" in r.evidence["title"] for r in titled)
    assert all({"og:title", "title", "json-ld"} & set(r.evidence["title"]) for r in titled)
    assert not any(w.reason.startswith("disagrees with") for r in records for w in r.warnings)


@pytest_twisted.ensureDeferred
async def test_a_template_that_misleads_the_reader_is_an_alarm_on_the_first_run(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    """Every page's title heading shows its category's name (the title shows nowhere):
    the reader reads the category as the title, and the page's og:title and the card
    that linked it say otherwise -- the run ends unhealthy, naming the site and field."""
    titles = {page["path"]: page["title"] for page in fresh_replica.pages() if page["title"]}
    fresh_replica.control("retitle")
    result = await crawl(tmp_path, f"start_urls={fresh_replica.listing_urls()}")
    assert result.returncode == 1 and "disagreement" in result.summary["rules_broken"]
    [problem] = [p for p in result.summary["problems"] if "disagree with their own" in p]
    site = fresh_replica.url.removeprefix("http://")
    assert f"articles of {site} disagree" in problem and "(title " in problem
    records = _records(tmp_path / "archive")
    flagged = {
        unquote(urlsplit(r.url).path)
        for r in records
        if any(w.field == "title" and w.reason.startswith("disagrees with") for w in r.warnings)
    }
    for record in records:  # every page whose title was hidden says so, or was read right
        path = unquote(urlsplit(record.url).path)
        if path in titles and path not in flagged:  # its body shows its title after all
            assert record.title == titles[path] and "title" in record.evidence
    assert len(flagged) >= 0.8 * len(titles)
    report = json.loads(next((tmp_path / "archive" / "runs").glob("*.json")).read_text())
    assert report["sites"][site]["disagreeing"] == len(flagged)
