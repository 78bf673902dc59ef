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


@pytest.mark.parametrize(("parent", "key"), [("", "link/new/x.json"), ("a", "a/link/new/y/x.json")])
def test_a_symlink_above_new_directories_cannot_lead_out(
    tmp_path: Path, parent: str, key: str
) -> None:
    """New directories are made without resolving them; the one they hang from is checked."""
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "archive"
    (root / "a").mkdir(parents=True)
    storage = LocalStorage(root)
    storage.put("a/known.json", b"{}", "application/json")  # "a" is known to be inside
    (root / parent / "link").symlink_to(outside)
    with pytest.raises(UnsafeKey):
        storage.put(key, b"{}", "application/json")
    assert list(outside.iterdir()) == []


def test_a_symlink_to_a_directory_inside_the_root_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    storage = LocalStorage(tmp_path)
    storage.put("alias/new/x.json", b"{}", "application/json")
    assert (tmp_path / "real" / "new" / "x.json").read_bytes() == b"{}"


def test_a_file_where_a_directory_should_be_is_a_storage_error(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    (tmp_path / "a").write_bytes(b"in the way")
    with pytest.raises(StorageError, match="cannot write"):
        storage.put("a/b/x.json", b"{}", "application/json")
    (tmp_path / "a").unlink()  # the operator clears it: the next write goes through
    storage.put("a/b/x.json", b"{}", "application/json")
    assert (tmp_path / "a" / "b" / "x.json").read_bytes() == b"{}"


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
    assert storage._root._inside._limit == 4096  # the crawl's bound; a smaller one tested here
    storage._root._inside._limit = 64
    for index in range(100):
        storage.put(f"articles/a/{index}/article.json", b"{}", "application/json", durable=False)
    assert len(storage._root._inside) <= 64
    assert storage.get("articles/a/0/article.json") == b"{}"  # forgotten, still readable
    storage.put("articles/a/0/article.txt", b"x", "text/plain")  # and writable


def test_keys_are_listed_in_byte_order(tmp_path: Path) -> None:
    """As S3 lists them: the keys of one folder together, one order every time."""
    storage = LocalStorage(tmp_path)
    keys = ["a/slug/x.json", "a/slug-2/x.json", "a/slug.json", "a/ข่าว/x", "a/z", "b", ".hidden"]
    for key in keys:
        storage.put(key, b"1", "text/plain")
    assert list(storage.list("")) == sorted(k for k in keys if k != ".hidden")
    assert list(storage.list("a/")) == sorted(k for k in keys if k.startswith("a/"))


def test_put_all_makes_many_files_durable_with_two_flushes(tmp_path: Path) -> None:
    """A version's parts: every file's bytes flushed before any name exists, then the
    names, two barriers in all (one put each would cost one or two apiece)."""
    storage = LocalStorage(tmp_path / "archive")
    before = storage._group.rounds
    objects = [(f"v/part-{n}", b"x" * n, "text/plain") for n in range(5)]
    assert storage.put_all(objects)
    assert storage._group.rounds - before == 2
    assert sorted(storage.list("v/")) == [key for key, _data, _type in objects]
    assert not [p for p in (tmp_path / "archive" / "v").iterdir() if p.name.startswith(".")]
