"""The archive protocol: versions idempotent, the record last, latest moves, quarantine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.storage.archive import Archive, ArchiveConflict
from crawler.storage.layout import version_key
from crawler.storage.local import LocalStorage
from schemas import ArchivedArticle, Finding, render
from tests.support.project import URL, make_article, store_version


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(LocalStorage(tmp_path))


def test_a_version_is_three_files_and_a_latest_pointer(archive: Archive, tmp_path: Path) -> None:
    article = make_article()
    stored = store_version(archive, article, b"<html>page</html>", "utf-8")
    assert stored.created
    version = tmp_path / stored.key
    assert sorted(p.name for p in version.iterdir()) == ["article.json", "article.txt", "page.html"]
    assert (version / "page.html").read_bytes() == b"<html>page</html>"
    assert (version / "article.txt").read_text("utf-8") == render(article)
    assert ArchivedArticle.model_validate_json((version / "article.json").read_bytes()) == article
    latest = json.loads((version.parent / "latest.json").read_text("utf-8"))
    assert latest["version"] == stored.key


def test_storing_the_same_version_again_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    first = store_version(archive, make_article(), b"<html>1</html>", "utf-8")
    record = (tmp_path / first.key / "article.json").read_bytes()
    refetched = make_article().model_copy(update={"view_count": 99})  # same content, later fetch
    again = store_version(archive, refetched, b"<html>2</html>", "utf-8")
    assert again == type(first)(key=first.key, created=False)
    assert (tmp_path / first.key / "article.json").read_bytes() == record
    assert (tmp_path / first.key / "page.html").read_bytes() == b"<html>1</html>"


def test_a_partial_version_from_a_crash_is_completed(archive: Archive, tmp_path: Path) -> None:
    key = version_key(make_article())
    (tmp_path / key).mkdir(parents=True)
    (tmp_path / key / "page.html").write_bytes(b"<html>half")  # killed before the record
    stored = store_version(archive, make_article(), b"<html>whole</html>", "utf-8")
    assert stored.created
    assert (tmp_path / key / "page.html").read_bytes() == b"<html>whole</html>"


def test_a_new_version_keeps_the_old_one_and_latest_moves(archive: Archive, tmp_path: Path) -> None:
    old = store_version(archive, make_article(), b"old", "utf-8")
    new = store_version(archive, make_article(updated="5 ม.ค. 2566"), b"new", "utf-8")
    assert old.key != new.key
    assert (tmp_path / old.key / "article.json").exists()
    latest = json.loads((tmp_path / new.key).parent.joinpath("latest.json").read_text("utf-8"))
    assert latest["version"] == new.key
    assert sorted(key for key, _ in archive.versions()) == sorted([old.key, new.key])


def test_a_key_holding_another_record_is_a_conflict(archive: Archive, tmp_path: Path) -> None:
    article = make_article()
    stored = store_version(archive, article, b"x", "utf-8")
    other = make_article(body="อื่น")
    (tmp_path / stored.key / "article.json").write_text(other.model_dump_json(), "utf-8")
    with pytest.raises(ArchiveConflict):
        store_version(archive, article, b"x", "utf-8")


def test_quarantine_keeps_the_html_and_the_reasons(archive: Archive, tmp_path: Path) -> None:
    finding = Finding(field="imported_date", value=None, reason="no date")
    url = URL + "?x=1&token=s3cr3t"
    key = archive.quarantine(url, URL, b"<html>error</html>", "utf-8", [finding], "t").key
    assert key.startswith("quarantine/www.mfa.go.th/th/content/aseancanada2020/")
    assert (tmp_path / key / "page.html").read_bytes() == b"<html>error</html>"
    reasons = json.loads((tmp_path / key / "reasons.json").read_text("utf-8"))
    assert reasons["findings"][0]["reason"] == "no date"
    assert reasons["url"] == URL + "?x=1&token=REDACTED"
    assert list(archive.versions()) == []


def test_a_page_quarantined_again_for_the_same_reasons_is_not_written_twice(
    archive: Archive, tmp_path: Path
) -> None:
    no_date = [Finding(field="imported_date", value=None, reason="no date")]
    first = archive.quarantine(URL, URL, b"<html>1 view</html>", "utf-8", no_date, "t1")
    again = archive.quarantine(URL, URL, b"<html>2 views</html>", "utf-8", no_date, "t2")
    assert first.created and not again.created and again.key == first.key
    other = [Finding(field="body", value=None, reason="the page could not be read")]
    changed = archive.quarantine(URL, URL, b"<html>3 views</html>", "utf-8", other, "t3")
    assert changed.created and changed.key != first.key
    assert len(list(tmp_path.glob("quarantine/**/reasons.json"))) == 2
