"""Dedup by the page's own update date: the decision, and the pipeline on a real state."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem

from crawler.context import CrawlContext
from crawler.items import FetchedPage, NotModified
from crawler.pipelines.dedup import DedupPipeline, decide
from crawler.state.schedule import article_observation
from crawler.state.versions import KnownVersion
from schemas import ArchivedArticle
from schemas.assess import RawArticle
from tests.support.project import make_article, project_settings, stats_collector, store_version

D1, D2, D0 = date(2022, 11, 28), date(2023, 1, 5), date(2021, 1, 1)


def _known(*versions: tuple[date | None, str]) -> list[KnownVersion]:
    return [
        KnownVersion(d, sha, f"k{i}", f"2026-01-0{i + 1}") for i, (d, sha) in enumerate(versions)
    ]


@pytest.mark.parametrize(
    ("known", "updated", "sha", "expected"),
    [
        (_known(), D1, "a", "first"),
        (_known((D1, "a")), D1, "a", None),  # same date, same content: not again
        (_known((D1, "a")), D2, "a", "updated"),  # newer update date: new version
        (_known((D1, "a")), D2, "b", "updated"),
        (_known((D1, "a")), D1, "b", "silent_edit"),  # same date, new content: flagged
        (_known((D1, "a"), (D2, "b")), D1, "a", None),  # an older version seen again
        (_known((D1, "a"), (D2, "b")), D0, "c", "changed"),  # date went backwards: kept
        (_known((None, "a")), None, "a", None),  # no update date: content hash alone
        (_known((None, "a")), None, "b", "changed"),
        (_known((D1, "a")), None, "a", None),
        (_known((None, "a")), D1, "a", "updated"),
    ],
)
def test_decide(
    known: list[KnownVersion], updated: date | None, sha: str, expected: str | None
) -> None:
    assert decide(known, updated, sha).reason == expected


def test_a_page_back_to_an_earlier_version_points_at_it() -> None:
    known = _known((D1, "a"), (D1, "b"))  # a, then a silent edit b
    decision = decide(known, D1, "a")  # and back to a
    assert decision.reason is None
    assert decision.existing is not None and decision.existing.version_key == "k0"


def _fetched(article: ArchivedArticle) -> FetchedPage:
    return FetchedPage(
        url=article.url,
        canonical_url=article.canonical_url,
        site=article.site,
        language=article.language,
        category=None,
        fetched_at=article.fetched_at,
        html=b"<html></html>",
        encoding="utf-8",
        raw=RawArticle(),
        article=article,
    )


@pytest.fixture
def pipeline(tmp_path: Path) -> DedupPipeline:
    context = CrawlContext(project_settings(ARCHIVE_URI=str(tmp_path / "archive")))
    return DedupPipeline(context, stats_collector())


def _store(pipeline: DedupPipeline, article: ArchivedArticle, reason: str) -> str:
    stored = store_version(pipeline.context.archive, article, b"<html></html>", "utf-8")
    seen = article_observation(article, True)
    pipeline.state.record_version(article, stored.key, reason, seen)
    return stored.key


def test_new_articles_and_new_versions_go_on_with_their_reason(pipeline: DedupPipeline) -> None:
    item = pipeline.process_item(_fetched(make_article()))
    assert item.version_reason == "first" and item.article.version_reason == "first"
    _store(pipeline, make_article(), "first")
    edited = pipeline.process_item(_fetched(make_article(body="แก้ไข")))
    assert edited.version_reason == "silent_edit"
    updated = pipeline.process_item(_fetched(make_article(updated="5 ม.ค. 2566")))
    assert updated.version_reason == "updated"


def test_an_unchanged_article_is_dropped_and_waits_longer(pipeline: DedupPipeline) -> None:
    article = make_article()
    _store(pipeline, article, "first")
    later = article.model_copy(update={"fetched_at": article.fetched_at + timedelta(days=1)})
    with pytest.raises(DropItem, match="unchanged"):
        pipeline.process_item(_fetched(later))
    assert pipeline.stats.get_value("archive/unchanged") == 1
    assert pipeline.stats.get_value("archive/unchanged/www.mfa.go.th") == 1
    due = pipeline.state.schedule.due(["www.mfa.go.th"], later.fetched_at + timedelta(hours=39))
    assert due == []  # 20 hours doubled: not due before 40 hours after the second fetch
    assert pipeline.state.schedule.due(["www.mfa.go.th"], later.fetched_at + timedelta(hours=41))


def test_a_page_back_at_an_earlier_version_is_a_revert_not_a_new_version(
    pipeline: DedupPipeline,
) -> None:
    first = _store(pipeline, make_article(), "first")
    edited = make_article(body="แก้ไข").model_copy(
        update={"fetched_at": make_article().fetched_at + timedelta(days=1)}
    )
    _store(pipeline, edited, "silent_edit")
    back = make_article().model_copy(
        update={"fetched_at": make_article().fetched_at + timedelta(days=2)}
    )
    item = pipeline.process_item(_fetched(back))
    assert item.version_reason == "reverted" and item.existing_key == first
    assert item.article.version_reason is None  # no new version, no new record


def test_a_304_is_unchanged(pipeline: DedupPipeline) -> None:
    article = make_article()
    _store(pipeline, article, "first")
    not_modified = NotModified(
        url=article.url,
        canonical_url=article.canonical_url,
        site=article.site,
        category=None,
        fetched_at=article.fetched_at + timedelta(days=1),
        etag='"v2"',
    )
    with pytest.raises(DropItem, match="304"):
        pipeline.process_item(not_modified)
    assert pipeline.stats.get_value("archive/unchanged") == 1
    [revisit] = pipeline.state.schedule.due(
        ["www.mfa.go.th"], article.fetched_at + timedelta(days=9)
    )
    assert revisit.etag == '"v2"'
