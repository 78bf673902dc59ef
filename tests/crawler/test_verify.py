"""verify finds what is wrong with an archive, and --repair mends what derives."""

from __future__ import annotations

import json
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.state.schedule import article_observation
from crawler.state.sqlite.state import StateDB
from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from crawler.verify import verify
from schemas import ArchivedArticle, WarcRecordRef
from tests.support.project import make_article, open_state, store_version


def _record(state: StateDB, article: ArchivedArticle, key: str, reason: str) -> None:
    state.record_version(article, key, reason, article_observation(article, True))


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Archive, StateDB, str]:
    archive = Archive(LocalStorage(tmp_path / "archive"))
    state = open_state(tmp_path / "state.sqlite3")
    later = make_article(updated="5 ม.ค. 2566").model_copy(
        update={"fetched_at": make_article().fetched_at + timedelta(days=1)}
    )
    old = store_version(archive, make_article(), b"<html>1</html>", "utf-8")
    new = store_version(archive, later, b"<html>2</html>", "utf-8")
    _record(state, make_article(), old.key, "first")
    _record(state, later, new.key, "updated")
    return archive, state, new.key


def test_a_sound_archive_verifies(stored: tuple[Archive, StateDB, str]) -> None:
    archive, state, _key = stored
    report = verify(archive, state)
    assert report.ok and report.versions == 2 and report.articles == 1
    assert report.errors == [] and report.notes == []


def test_each_kind_of_damage_is_an_error(
    tmp_path: Path, stored: tuple[Archive, StateDB, str]
) -> None:
    archive, state, key = stored
    root = tmp_path / "archive"
    (root / key / "article.txt").write_text("edited by hand", "utf-8")
    other = next(p for p in root.rglob("article.json") if key not in str(p))
    record = json.loads(other.read_text("utf-8"))
    record["body"] = ["tampered"]
    other.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    _record(state, make_article(body="ghost"), "articles/ghost/v", "first")
    report = verify(archive, state)
    joined = "\n".join(report.errors)
    assert "is not the rendering of its record" in joined
    assert "content_sha256 does not match" in joined
    assert "the dedup state claims articles/ghost/v" in joined
    assert not report.ok


def test_crash_leftovers_are_notes_not_errors(
    tmp_path: Path, stored: tuple[Archive, StateDB, str]
) -> None:
    archive, state, key = stored
    half = tmp_path / "archive" / key.rsplit("/", 1)[0] / "2030-01-01_0000000000000000"
    half.mkdir()
    (half / "page.html").write_bytes(b"<html>")  # parts of a version with no record
    (half / ".article.json.abc.tmp").write_bytes(b"{")
    report = verify(archive, state)
    assert report.ok
    assert any("uncommitted version" in note for note in report.notes)
    assert any("temporary files" in note for note in report.notes)


def _warc_response(url: str, page: bytes) -> tuple[bytes, str]:
    """A WARC file of one response record holding ``page``, and the record's id."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(page), http_headers=http)
    writer.write_record(record)
    return buffer.getvalue(), record.rec_headers.get_header("WARC-Record-ID")


def test_a_version_pointing_to_a_warc_file_not_stored_yet_is_a_note(tmp_path: Path) -> None:
    archive = Archive(LocalStorage(tmp_path / "archive"))
    state = open_state(tmp_path / "state.sqlite3")
    held, held_id = _warc_response("https://www.mfa.go.th/th/content/a0", b"<html/>")
    for n, body in enumerate(["one", "two", "three"]):
        name = "warc/held.warc.gz" if n == 0 else "warc/pending.warc.gz"
        record_id = held_id if n == 0 else f"<urn:uuid:{n:08d}-6707-40a5-8fd7-d8f5506eba66>"
        length = len(held) if n == 0 else 600
        pointer = WarcRecordRef(file=name, offset=n * 600, length=length, record_id=record_id)
        url = f"https://www.mfa.go.th/th/content/a{n}"
        article = make_article(body=body).model_copy(
            update={"warc_record": pointer, "url": url, "canonical_url": url}
        )
        _record(state, article, store_version(archive, article, b"<html/>", "utf-8").key, "first")
    archive.storage.put("warc/held.warc.gz", held, "application/warc")
    report = verify(archive, state)
    assert report.ok and report.versions == 3
    assert report.notes == ["2 versions point to warc/pending.warc.gz, not in the archive yet"]


def test_a_page_cut_short_after_it_was_stored_is_an_error(tmp_path: Path) -> None:
    """``page.html`` is compared with the response its WARC record holds."""
    archive = Archive(LocalStorage(tmp_path / "archive"))
    url = "https://www.mfa.go.th/th/content/a0"
    page = b"<html><body>" + "ข่าว".encode() * 500 + b"</body></html>"
    data, record_id = _warc_response(url, page)
    pointer = WarcRecordRef(file="warc/a.warc.gz", offset=0, length=len(data), record_id=record_id)
    article = make_article().model_copy(
        update={"warc_record": pointer, "url": url, "canonical_url": url}
    )
    key = store_version(archive, article, page, "utf-8").key
    archive.storage.put("warc/a.warc.gz", data, "application/warc")
    assert verify(archive, None).ok
    (tmp_path / "archive" / key / "page.html").write_bytes(page[: len(page) // 2])
    [error] = verify(archive, None).errors
    assert error.startswith(f"{key}/page.html is not the page its WARC record holds")
    archive.storage.put("warc/a.warc.gz", b"not a WARC file at all", "application/warc")
    [error] = verify(archive, None).errors
    assert "its WARC record cannot be read" in error


def test_a_symbolic_link_in_the_archive_is_an_error_and_never_read(
    tmp_path: Path, stored: tuple[Archive, StateDB, str]
) -> None:
    archive, state, key = stored
    secret = tmp_path / "secret.txt"
    secret.write_text("not the archive's")
    link = tmp_path / "archive" / key / "extra.json"
    link.symlink_to(secret)
    assert archive.storage.get(f"{key}/extra.json") is None
    assert f"{key}/extra.json" not in set(archive.storage.list("articles/"))
    errors = verify(archive, state).errors
    assert errors == [
        f"{key}/extra.json: a symbolic link (to {secret}); the crawler writes none, and no"
        " command follows it"
    ]


def test_repair_mends_what_derives(tmp_path: Path, stored: tuple[Archive, StateDB, str]) -> None:
    archive, state, key = stored
    root = tmp_path / "archive"
    (root / key / "article.txt").unlink()
    (root / key.rsplit("/", 1)[0] / "latest.json").write_text('{"version": "nowhere"}', "utf-8")
    _record(state, make_article(body="ghost"), "articles/ghost/v", "first")
    (root / ".left.tmp").write_bytes(b"")
    assert not verify(archive, state).ok
    repaired = verify(archive, state, repair=True)
    assert repaired.ok and repaired.repaired
    after = verify(archive, state)
    assert after.ok and after.notes == []
    assert (root / key / "article.txt").exists()
    assert not (root / ".left.tmp").exists()
    assert state.versions.all_keys() == {k for k, _a in archive.versions()}
    assert state.schedule.count() == 1


def test_a_revert_is_neither_an_error_nor_undone_by_repair(
    tmp_path: Path, stored: tuple[Archive, StateDB, str]
) -> None:
    """The page went back to its first version: latest.json points back at it on purpose."""
    archive, state, newest = stored
    old_key = next(key for key in state.versions.all_keys() if key != newest)
    back = make_article().model_copy(
        update={"fetched_at": make_article().fetched_at + timedelta(days=2)}
    )
    archive.move_latest(back, old_key)
    state.record_revert(old_key, article_observation(back, True))
    assert verify(archive, state).ok
    assert verify(archive, state, repair=True).ok
    folder = tmp_path / "archive" / old_key.rsplit("/", 1)[0]
    pointer = json.loads((folder / "latest.json").read_text())
    assert pointer["version"] == old_key
    assert state.versions.of(back.canonical_url)[-1].version_key == old_key  # latest again
    assert state.versions.of(back.canonical_url)[-1].fetched_at == back.fetched_at.isoformat()
