"""The crawl under hostile and mistaken input: credentials in a start URL, a crawl that
reads nothing, a cookie (no download of the Public Suffix List), a body past the size
cap without a length, and random secrets in start URLs, redirects and errors, which
reach no file and no log line (a property test)."""

from __future__ import annotations

import gzip
import secrets
import string
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
import pytest_twisted
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.crawling import crawl
from tests.support.harness import Replica, run_crawl
from tests.support.network import loopback_only
from tests.support.project import open_state

pytestmark = pytest.mark.hostile
Record = Callable[..., None]
TH_LISTING = "/th/page/ข่าวเด่น?menu=5d5bd3d815e39c306002aac4"
FAST = {"RETRY_TIMES": "0", "HEALTH_MIN_COUNT": "1000"}


def _written(folder: Path) -> bytes:
    """Every byte the crawl wrote under ``folder`` (WARC files decompressed)."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            parts.append(gzip.decompress(data) if path.name.endswith(".gz") else data)
    return b"\n".join(parts)


@pytest.mark.process
def test_a_start_url_with_a_password_is_refused_and_the_password_said_nowhere(
    tmp_path: Path, fresh_replica: Replica, record_hostile: Record
) -> None:
    host = fresh_replica.url.removeprefix("http://")
    result = run_crawl(tmp_path, f"start_urls=http://user:S3cret@{host}/th/content/x")
    assert result.returncode == 2 and "S3cret" not in result.log
    assert "carries credentials" in result.log and "http://REDACTED@" in result.log
    assert b"S3cret" not in _written(tmp_path)
    record_hostile(
        "-a start_urls=http://user:S3cret@HOST/...",
        "refused before the crawl (exit 2, one line, password redacted)",
    )


@pytest_twisted.ensureDeferred
@pytest.mark.crawl
async def test_a_crawl_that_reads_nothing_is_unhealthy_and_records_no_walk(
    tmp_path: Path, fresh_replica: Replica, record_hostile: Record
) -> None:
    start = f"{fresh_replica.url}/th/private/news"  # robots.txt disallows it
    result = await crawl(tmp_path, f"start_urls={start}")
    assert result.returncode == 1 and result.summary["rules_broken"] == ["nothing_read"]
    [problem] = result.summary["problems"]
    assert "nothing was read" in problem and "robots.txt" in problem
    assert result.summary["walk"] == "partial"
    state = open_state(tmp_path / "archive" / ".state" / "dedup.sqlite3")
    try:
        assert state.walks.listings([start]) == {}  # no walk recorded: the next run is full
    finally:
        state.close()
    record_hostile(
        "a crawl whose only start point robots.txt refuses",
        "unhealthy (exit 1: nothing was read); no walk recorded",
    )


@pytest_twisted.ensureDeferred
@pytest.mark.crawl
async def test_a_cookie_sends_no_request_beyond_the_crawls_targets(
    tmp_path: Path, fresh_replica: Replica, record_hostile: Record
) -> None:
    """A site's first Set-Cookie made Scrapy's cookies middleware download the Public
    Suffix List from publicsuffix.org; any lookup or connection beyond loopback is
    refused here, before it is sent, and recorded."""
    fresh_replica.control("fault", path=TH_LISTING.split("?")[0], kind="cookie", times="5")
    with loopback_only() as attempts:
        result = await crawl(tmp_path, f"start_urls={fresh_replica.url}{TH_LISTING}", "max_pages=1")
    assert fresh_replica.control("faults-served") == {"cookie": 1}
    assert result.returncode == 0, result.log[-3000:]
    assert attempts == []
    record_hostile(
        "a site's Set-Cookie (the Public Suffix List)",
        "read from tldextract's snapshot: no request off the machine",
    )


@pytest_twisted.ensureDeferred
@pytest.mark.crawl
async def test_a_body_past_the_size_cap_without_a_length_is_said_so(
    tmp_path: Path, fresh_replica: Replica, record_hostile: Record
) -> None:
    path = "/en/content/55pmc-2"
    fresh_replica.control("fault", path=path, kind="stream", times="1")
    result = await crawl(
        tmp_path,
        f"start_urls={fresh_replica.url}{path}",
        settings={**FAST, "DOWNLOAD_MAXSIZE": str(2 * 1024 * 1024)},
    )
    [failed] = result.summary["failed"]
    assert "DOWNLOAD_MAXSIZE" in failed["reason"] and "Error(" not in failed["reason"]
    archive = tmp_path / "archive"
    assert not (archive / ".probe").exists() and not list(archive.rglob(".probe"))
    assert f"run report: {archive}/runs/" in result.log
    record_hostile(
        "a 20 MB body without Content-Length (cap 2 MB)",
        "cut at the cap; the summary says why (was: an empty error)",
    )


TOKEN = st.text(alphabet=string.ascii_letters + string.digits + "-._~", min_size=6, max_size=24)


@pytest.mark.process
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(signature=TOKEN, password=TOKEN, token=TOKEN)
def test_secrets_in_start_urls_redirects_and_errors_reach_no_file_and_no_log_line(
    tmp_path: Path, replica: Replica, signature: str, password: str, token: str
) -> None:
    """Random secrets (each behind a marker, so that no other text matches it) in a signed
    start URL, in the credentials and signature of a redirect's target, and in a start URL
    that answers 404: none of them in any file the crawl writes (archive, WARC, state,
    spool, summary, run report) or any line it logs (``scrapy crawl`` as a process: its
    whole output)."""
    marked = [
        f"Zx{kind}Q{value}"
        for kind, value in (("sig", signature), ("pw", password), ("tok", token))
    ]
    sig, pw, tok = (quote(value, safe="") for value in marked)
    workdir = tmp_path / secrets.token_hex(4)
    replica.control("reset")
    base = replica.url
    host = base.removeprefix("http://")
    target = f"http://u:{pw}@{host}/en/content/55pmc-2?X-Amz-Signature={sig}"
    replica.control("fault", path="/en/content/55pmc-2", kind="redirect", times="9", to=target)
    replica.control(
        "fault",
        path="/th/content/press-briefing-12052023",
        kind="redirect",
        times="9",
        to=f"{base}/th/content/presscon100265?sig={sig}",
    )
    replica.control("fault", path="/en/content/gone", kind="404", times="9")
    starts = ",".join(
        [
            f"{base}{TH_LISTING}&sig={sig}&token={tok}",
            f"{base}/en/content/55pmc-2",
            f"{base}/th/content/press-briefing-12052023",
            f"{base}/en/content/gone?token={tok}",
        ]
    )
    result = run_crawl(workdir, f"start_urls={starts}", settings=FAST)  # a whole walk
    written = _written(workdir) + result.log.encode()
    for secret in marked:
        assert secret.encode() not in written and quote(secret).encode() not in written
    assert result.summary["totals"]["new"] > 0  # the crawl did run
    assert result.summary["listings"]  # and kept its listing's walk in the state file


def test_a_listing_walk_record_keeps_no_credentials() -> None:
    """The listings' records are keyed by their start URL without credentials (the
    property test above scans the state file a whole walk writes)."""
    from crawler.spiders.walk import Walk

    listings = Walk(origins={}).listings(
        ["https://www.mfa.go.th/th/page/x?menu=1&sig=abc", "https://www.mfa.go.th/th/content/y"]
    )
    assert listings == {"https://www.mfa.go.th/th/page/x?menu=1&sig=REDACTED": "www.mfa.go.th"}
