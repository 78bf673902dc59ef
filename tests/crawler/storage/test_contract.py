"""The storage contract, run against every backend: same keys, same bytes, same guarantees."""

from __future__ import annotations

from pathlib import Path

import pytest
from boto3.s3.transfer import TransferConfig

from crawler.storage import Storage, StorageError
from crawler.storage.keys import UnsafeKey
from crawler.storage.s3 import S3Storage

MIB = 1024 * 1024
THAI_KEY = "articles/dili.thaiembassy.org/th/page/คำถามที่พบบ่อย/latest.json"


def test_put_then_get_gives_the_same_bytes(storage: Storage) -> None:
    data = "วันที่นำเข้าข้อมูล 11 ก.ย. 2563\xa0".encode()
    assert storage.put("a/b/article.txt", data, "text/plain; charset=utf-8") is True
    assert storage.get("a/b/article.txt") == data


def test_missing_key_is_none(storage: Storage) -> None:
    assert storage.get("nothing/here.json") is None


def test_create_only_never_replaces_other_bytes(storage: Storage) -> None:
    assert storage.put("v/article.json", b"first", "application/json", create_only=True)
    assert not storage.put("v/article.json", b"second", "application/json", create_only=True)
    assert storage.get("v/article.json") == b"first"


def test_put_all_writes_every_object_create_only(storage: Storage) -> None:
    objects = [
        ("v1/page.html", b"<html>\xe0\xb8\x81</html>", "text/html; charset=utf-8"),
        ("v1/article.txt", "ข่าว\xa0 ".encode(), "text/plain; charset=utf-8"),
    ]
    assert storage.put_all(objects) is True
    assert [storage.get(key) for key, _data, _type in objects] == [b for _k, b, _t in objects]
    assert storage.put_all(objects) is True  # a retry with the same bytes is a success
    other = [objects[0], ("v1/article.txt", b"other", "text/plain")]
    assert storage.put_all(other) is False
    assert storage.get("v1/article.txt") == objects[1][1]  # never replaced


def test_plain_put_replaces(storage: Storage) -> None:
    storage.put("x/latest.json", b"1", "application/json")
    storage.put("x/latest.json", b"2", "application/json")
    assert storage.get("x/latest.json") == b"2"


def test_list_gives_the_keys_under_a_prefix(storage: Storage) -> None:
    for key in ("articles/s/a/1.json", "articles/s/b/2.json", "quarantine/s/3.json", THAI_KEY):
        storage.put(key, b"{}", "application/json")
    assert sorted(storage.list("articles/")) == sorted(
        ["articles/s/a/1.json", "articles/s/b/2.json", THAI_KEY]
    )
    assert list(storage.list("nothing/")) == []


def test_empty_objects(storage: Storage) -> None:
    storage.put("e/empty.html", b"", "text/html; charset=utf-8")
    assert storage.get("e/empty.html") == b""


@pytest.mark.parametrize("key", ["../escape.json", "/etc/passwd", "a/../../b", "a//b", "a\x00b"])
def test_unsafe_keys_are_refused(storage: Storage, key: str) -> None:
    with pytest.raises(UnsafeKey):
        storage.put(key, b"x", "text/plain")
    with pytest.raises(UnsafeKey):
        storage.get(key)


def test_a_file_is_stored_in_parts_and_whole(storage: Storage, tmp_path: Path) -> None:
    """A WARC file of any size: read in parts (S3: a multipart upload of three 5 MiB
    parts, the smallest S3 takes), and the object is the file's bytes."""
    if isinstance(storage, S3Storage):
        storage.transfer = TransferConfig(multipart_threshold=5 * MIB, multipart_chunksize=5 * MIB)
    source = tmp_path / "big.warc.gz"
    data = bytes(range(256)) * (12 * MIB // 256) + "ไทย".encode()
    source.write_bytes(data)
    storage.put_file("warc/big.warc.gz", source, "application/warc")
    assert storage.get("warc/big.warc.gz") == data
    assert list(storage.list("warc/")) == ["warc/big.warc.gz"]  # no part, no temporary


def test_a_file_that_cannot_be_read_stores_nothing(storage: Storage, tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        storage.put_file("warc/gone.warc.gz", tmp_path / "gone.warc.gz", "application/warc")
    assert list(storage.list("warc/")) == []
    with pytest.raises(UnsafeKey):
        storage.put_file("../out.warc.gz", tmp_path, "application/warc")


def test_create_only_retry_with_the_same_bytes_is_a_success(storage: Storage) -> None:
    assert storage.put("v/article.json", b"same", "application/json", create_only=True)
    assert storage.put("v/article.json", b"same", "application/json", create_only=True)


def test_a_range_of_an_object(storage: Storage) -> None:
    """One record of a WARC file of a gigabyte, without reading the file."""
    data = bytes(range(256)) * 4
    storage.put("warc/a.warc.gz", data, "application/warc")
    assert storage.get_range("warc/a.warc.gz", 100, 50) == data[100:150]
    assert storage.get_range("warc/a.warc.gz", 1000, 100) == data[1000:]  # fewer at its end
    assert storage.get_range("warc/none.warc.gz", 0, 10) is None


def test_delete_removes_an_object_and_is_quiet_about_a_missing_one(storage: Storage) -> None:
    storage.put(".probe", b"the store answers", "text/plain")
    storage.delete(".probe")
    assert storage.get(".probe") is None
    storage.delete(".probe")
