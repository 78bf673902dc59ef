"""Holding an archive: a file lock on one machine, the Redis lease for workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.state.backend import ArchiveBusy
from crawler.state.hold import crawl_id, hold_archive
from tests.support.project import project_settings


def test_workers_of_one_crawl_derive_one_name() -> None:
    one = crawl_id("mfa", {"site": "all", "lang": "th", "_job": "a1"}, "s3://b/p/")
    assert one == crawl_id("mfa", {"lang": "th", "site": "all", "_job": "b2"}, "s3://b/p/")
    assert one != crawl_id("mfa", {"site": "all"}, "s3://b/p/")
    assert one != crawl_id("mfa", {"site": "all", "lang": "th"}, "s3://b/other/")


def test_without_redis_the_archive_is_held_with_a_file_lock(tmp_path: Path) -> None:
    settings = project_settings(ARCHIVE_URI=str(tmp_path / "archive"))
    held = hold_archive(settings, "night")
    assert held.token is None
    with pytest.raises(ArchiveBusy):
        hold_archive(settings, "night")
    held.release()
    hold_archive(settings, "night").release()


@pytest.mark.redis
def test_with_redis_the_workers_of_a_crawl_share_the_lease(tmp_path: Path, redis_url: str) -> None:
    settings = project_settings(ARCHIVE_URI=str(tmp_path / "archive"), REDIS_URL=redis_url)
    one, two = hold_archive(settings, "night"), hold_archive(settings, "night")
    assert one.token is not None and one.token == two.token
    with pytest.raises(ArchiveBusy):
        hold_archive(settings, "verify")
    one.release()
    two.release()
    hold_archive(settings, "verify").release()
