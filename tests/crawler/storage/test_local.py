"""Local disk specifics: atomic files, crash leftovers invisible, no way out of the root."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.storage import StorageError, open_storage
from crawler.storage.keys import UnsafeKey
from crawler.storage.local import LocalStorage


def test_no_temporary_file_is_left_after_a_write(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    storage.put("a/article.json", b"{}", "application/json")
    storage.put("a/article.json", b"{}", "application/json", create_only=True)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["article.json"]


def test_a_crash_leftover_is_hidden_and_never_looks_complete(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".article.json.0123.tmp").write_bytes(b'{"half": ')  # killed mid-write
    assert list(storage.list("a/")) == []
    assert storage.get("a/article.json") is None


def test_a_symlink_cannot_lead_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "archive"
    root.mkdir()
    (root / "link").symlink_to(outside)
    storage = LocalStorage(root)
    with pytest.raises(UnsafeKey):
        storage.put("link/x.json", b"{}", "application/json")
    assert not (outside / "x.json").exists()


@pytest.mark.parametrize("uri", ["archive", "./archive", "file://{tmp}/archive"])
def test_local_uris(tmp_path: Path, uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    storage = open_storage(uri.format(tmp=tmp_path))
    assert isinstance(storage, LocalStorage)
    assert storage.root == (tmp_path / "archive").resolve()


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(StorageError, match="unsupported ARCHIVE_URI scheme 'ftp'"):
        open_storage("ftp://example.org/archive")


def test_the_directory_cache_stays_bounded(tmp_path: Path) -> None:
    """Every version has its own directory: remembering all of them would grow forever."""
    storage = LocalStorage(tmp_path)
    for index in range(5000):
        storage.put(f"articles/a/{index}/article.json", b"{}", "application/json", durable=False)
    assert len(storage._inside) <= 4096
    assert storage.get("articles/a/0/article.json") == b"{}"  # forgotten, still readable
    storage.put("articles/a/0/article.txt", b"x", "text/plain")  # and writable
