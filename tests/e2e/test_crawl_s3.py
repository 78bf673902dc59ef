"""The crawl with ``ARCHIVE_URI=s3://...`` on the replica, against a real S3 server.

The S3 server is moto's standalone server (or ``S3_TEST_ENDPOINT``), reached over HTTP;
outages and slowness are made by a TCP proxy in front of it, so the server keeps its
data through an outage as a real store does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted

from tests.crawling import crawl
from tests.e2e.harness import Replica
from tests.s3server import S3Server, archive_settings, bucket_objects

pytestmark = [pytest.mark.crawl, pytest.mark.s3]
ARTICLES = 58


def _comparable(key: str, data: bytes) -> Any:
    """Bytes, except for the fetch time that differs between two crawls."""
    if key.endswith(("article.json", "latest.json", "reasons.json")):
        record = json.loads(data)
        record.pop("fetched_at", None)
        return record
    return data


@pytest_twisted.ensureDeferred
async def test_s3_archive_equals_the_local_archive(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    start = f"start_urls={fresh_replica.listing_urls()}"
    local = await crawl(tmp_path / "local", start)
    bucket = s3_server.new_bucket()
    remote = await crawl(tmp_path / "s3", start, settings=archive_settings(bucket, tmp_path / "s3"))
    assert local.returncode == 0 and remote.returncode == 0, remote.log[-3000:]
    assert remote.totals == local.totals
    root = tmp_path / "local" / "archive"
    on_disk = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }
    in_bucket = bucket_objects(bucket)
    runs = [key for key in in_bucket if key.startswith("runs/")]  # each run's own report
    assert len(runs) == 1 and len([k for k in on_disk if k.startswith("runs/")]) == 1
    on_disk = {k: v for k, v in on_disk.items() if not k.startswith("runs/")}
    in_bucket = {k: v for k, v in in_bucket.items() if not k.startswith("runs/")}
    assert sorted(in_bucket) == sorted(on_disk)  # same keys
    for key, data in on_disk.items():  # same bytes (fetch times aside)
        assert _comparable(key, in_bucket[key]) == _comparable(key, data), key
    raw = s3_server.client()
    text_key = next(key for key in in_bucket if key.endswith("article.txt"))
    head = raw.head_object(  # type: ignore[attr-defined]
        Bucket=bucket, Key=f"archive/{text_key}", ChecksumMode="ENABLED"
    )
    assert head["ContentType"] == "text/plain; charset=utf-8" and head["ChecksumSHA256"]


@pytest_twisted.ensureDeferred
async def test_a_fresh_machine_does_not_store_everything_again(
    tmp_path: Path, fresh_replica: Replica, s3_server: S3Server
) -> None:
    bucket = s3_server.new_bucket()
    start = f"start_urls={fresh_replica.listing_urls()}"
    await crawl(tmp_path / "one", start, settings=archive_settings(bucket, tmp_path / "one"))
    other = await crawl(
        tmp_path / "two", start, "mode=full", settings=archive_settings(bucket, tmp_path / "two")
    )
    assert other.totals["new"] == 0 and other.totals["unchanged"] == ARTICLES
    assert "dedup state rebuilt from the archive: 58 versions" in other.log
