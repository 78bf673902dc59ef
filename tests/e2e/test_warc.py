"""``-s WARC_ENABLED=True``: a crawl of the replica leaves WARC files in the archive that
warcio reads back, holding what the server sent for every archived page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.e2e.harness import Replica, run_crawl

pytestmark = pytest.mark.process


def test_every_archived_page_is_in_the_warc_files_as_received(
    tmp_path: Path, fresh_replica: Replica
) -> None:
    settings = {"WARC_ENABLED": "True", "WARC_DIR": str(tmp_path / "warc-here")}
    start = f"start_urls={fresh_replica.listing_urls()}"
    result = run_crawl(tmp_path, start, settings=settings)
    assert result.returncode == 0, result.log[-3000:]
    archive = tmp_path / "archive"
    files = sorted((archive / "warc").glob("*.warc.gz"))
    assert files and not list((tmp_path / "warc-here").iterdir())  # all published
    payloads: dict[str, bytes] = {}
    kinds: list[str] = []
    for path in files:
        with path.open("rb") as file:
            for record in ArchiveIterator(file):
                kinds.append(record.rec_type)
                if record.rec_type == "response":
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    payloads[uri] = record.content_stream().read()
    assert kinds[0] == "warcinfo"
    assert kinds.count("request") == kinds.count("response") + kinds.count("revisit")
    pages = 0
    for latest in archive.glob("articles/**/latest.json"):
        version = json.loads(latest.read_text("utf-8"))["version"]
        record = json.loads((archive / version / "article.json").read_text("utf-8"))
        assert payloads[record["url"]] == (archive / version / "page.html").read_bytes()
        pages += 1
    assert pages == 58
