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

from tests.e2e.conftest import ARTICLES
from tests.support.crawling import crawl
from tests.support.harness import Replica
from tests.support.s3server import S3Server, archive_settings, bucket_objects

pytestmark = [pytest.mark.crawl, pytest.mark.s3]


def _comparable(key: str, data: bytes) -> Any:
    """Bytes, except for what differs between two crawls: the fetch time, and which WARC
    record holds the fetch (each crawl's WARC file has a name and record ids of its own)."""
    if key.endswith(("article.json", "latest.json", "reasons.json")):
        record = json.loads(data)
        record.pop("fetched_at", None)
        record.pop("warc_record", None)
        return record
    return data


def _own(keys: dict[str, bytes], prefix: str) -> tuple[dict[str, bytes], list[str]]:
    """The keys but those under ``prefix`` (a run's own files), and those."""
    own = sorted(key for key in keys if key.startswith(prefix))
    return {k: v for k, v in keys.items() if not k.startswith(prefix)}, own


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
    for prefix, files in (("runs/", 1), ("warc/", 2)):  # each run's report, WARC and index
        on_disk, local_own = _own(on_disk, prefix)
        in_bucket, remote_own = _own(in_bucket, prefix)
        assert len(local_own) == len(remote_own) == files, (local_own, remote_own)
    [warc_key, _index_key] = remote_own[::-1]  # .warc.gz sorts after .cdxj
    pointers = {
        json.loads(v)["warc_record"]["file"]
        for k, v in in_bucket.items()
        if k.endswith("article.json")
    }
    assert pointers == {warc_key}
    assert sorted(in_bucket) == sorted(on_disk)  # same keys
    for key, data in on_disk.items():  # same bytes (fetch times aside)
        assert _comparable(key, in_bucket[key]) == _comparable(key, data), key
    raw = s3_server.admin
    text_key = next(key for key in in_bucket if key.endswith("article.txt"))
    head = raw.head_object(Bucket=bucket, Key=f"archive/{text_key}", ChecksumMode="ENABLED")
    assert head["ContentType"] == "text/plain; charset=utf-8" and head["ChecksumSHA256"]
    warc = raw.head_object(Bucket=bucket, Key=f"archive/{warc_key}")
    assert warc["ContentType"] == "application/warc"


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
