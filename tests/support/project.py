"""The project's own settings and components, built for unit tests (no crawl, no reactor)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector, StatsCollector

from crawler.state.schedule import Policy
from crawler.state.sqlite.state import StateDB
from crawler.storage.archive import Archive, Stored
from schemas import ArchivedArticle, content_sha256
from schemas.models import ArticleContent

if TYPE_CHECKING:
    from crawler.state.redis.state import RedisState


def project_settings(**overrides: Any) -> Settings:
    """``crawler/settings.py`` with ``overrides``, as ``-s NAME=value`` would give them."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(overrides, priority="cmdline")
    return settings


def project_crawler(**overrides: Any) -> Crawler:
    """A crawler (not crawling) with the project's settings and ``overrides``; its
    extensions are off unless ``EXTENSIONS`` is given (the crawl context would open the
    archive named by ``ARCHIVE_URI``)."""
    from scrapy.utils.test import get_crawler

    import crawler.settings as module

    values = {name: getattr(module, name) for name in dir(module) if name.isupper()}
    return get_crawler(settings_dict={**values, "EXTENSIONS": {}, **overrides})


def policy(**overrides: Any) -> Policy:
    """The revisit policy of the project's settings."""
    return Policy.from_settings(project_settings(**overrides))


def open_state(path: Path, **overrides: Any) -> StateDB:
    """A state file at ``path`` with the project's revisit policy."""
    return StateDB(path, policy(**overrides))


def open_redis_state(url: str, location: str, **overrides: Any) -> RedisState:
    """The state of the archive at ``location`` on the Redis at ``url``."""
    from crawler.state.redis.connection import StateConnection
    from crawler.state.redis.keys import Keys
    from crawler.state.redis.state import RedisState

    return RedisState(StateConnection.open(url, Keys.for_archive(location)), policy(**overrides))


def stats_collector() -> StatsCollector:
    """Scrapy's stats collector, without a crawl."""
    crawler = cast("Crawler", SimpleNamespace(settings=project_settings()))
    return MemoryStatsCollector(crawler)


URL = "https://www.mfa.go.th/th/content/aseancanada2020"


def make_article(body: str = "ย่อหน้า", updated: str = "28 พ.ย. 2565") -> ArchivedArticle:
    """An archived article of the sample's site, with this body and update date."""
    content = ArticleContent(
        title="หัวข้อ",
        imported_date=date(2020, 9, 11),
        imported_date_raw="11 ก.ย. 2563",
        updated_date=date(2022, 11, 28) if updated == "28 พ.ย. 2565" else date(2023, 1, 5),
        updated_date_raw=updated,
        view_count=10,
        body=[body],
    )
    return ArchivedArticle(
        **content.model_dump(),
        url=URL + "?cate=5d5bcb4e15e39c306000683d",
        canonical_url=URL,
        site="www.mfa.go.th",
        language="th",
        fetched_at=datetime(2026, 11, 26, tzinfo=UTC),
        content_sha256=content_sha256(content),
    )


def store_version(archive: Archive, article: ArchivedArticle, html: bytes, encoding: str) -> Stored:
    """Prepare and write one version, as the store pipeline does in two steps."""
    return archive.write_version(archive.prepare_version(article, html, encoding))
