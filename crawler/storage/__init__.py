"""Where the archive lives: one small interface, a backend per URI scheme.

As in Scrapy's ``pipelines/files.py``, the backend is chosen by the scheme of
``ARCHIVE_URI`` (a path or ``file://`` for local disk, ``s3://bucket/prefix`` for
S3-compatible stores) and each backend imports its own driver.  Every method blocks;
callers run them off the reactor thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit


class StorageError(Exception):
    """The store refused or failed an operation; the message says which and why."""


class StoreUnavailable(StorageError):
    """The store cannot take anything now, whatever is written (a full or failing disk,
    a state file that cannot be written): never one item's fault."""


class Storage(Protocol):
    """Bytes under keys (``a/b/c.json``); keys are relative and never leave the root."""

    location: str
    """Where the archive is, for people (never includes credentials)."""

    def put(
        self,
        key: str,
        data: bytes,
        content_type: str,
        *,
        create_only: bool = False,
        durable: bool = True,
    ) -> bool:
        """Store ``data`` at ``key`` atomically and return True.

        With ``create_only`` an existing object is never replaced: the call returns
        True if the object holds exactly ``data`` (written now, or already there --
        a retry is a success) and False if it holds other bytes.  With
        ``durable=False`` the object may not survive a power loss until a later
        durable write has returned (an object that exists is whole either way)."""

    def put_all(self, objects: Sequence[tuple[str, bytes, str]]) -> bool:
        """Store each ``(key, data, content_type)`` as ``put(create_only=True)`` does,
        all of them durable on return: True if every object holds exactly its data,
        False once one holds other bytes (the ones after it may not be written).  One
        call costs the backend fewer round trips or flushes than a ``put`` each."""

    def put_file(self, key: str, source: Path, content_type: str) -> None:
        """Store the file ``source`` at ``key``, read in parts (a file of any size, never
        whole in memory), atomically: the object appears whole, or not at all."""

    def get(self, key: str) -> bytes | None:
        """The bytes at ``key``, or None if there is no such object."""

    def delete(self, key: str) -> None:
        """Remove the object at ``key`` if there is one (the probes of a store that takes
        writes: archived objects are never removed)."""

    def get_range(self, key: str, offset: int, length: int) -> bytes | None:
        """``length`` bytes at ``offset`` of the object at ``key`` (fewer at its end), or
        None if there is no such object: one record of a WARC file of a gigabyte."""

    def list(self, prefix: str) -> Iterator[str]:
        """Keys under ``prefix`` (complete objects only), in the byte order of their UTF-8
        (S3's listing order): the keys of one folder come together, and two listings of
        one archive come in one order."""

    def close(self) -> None:
        """Let go of what the backend holds open (descriptors, connections)."""


def archive_location(uri: str) -> str:
    """Where ``uri`` points, spelled one way: an absolute path, or ``s3://bucket/prefix/``."""
    parts = urlsplit(uri)
    if parts.scheme.lower() == "s3":
        prefix = parts.path.strip("/")
        return f"s3://{parts.netloc}/{prefix + '/' if prefix else ''}"
    path = unquote(parts.path) if uri.startswith("file://") else uri
    return str(Path(path).expanduser().resolve())


def open_storage(uri: str, options: dict[str, Any] | None = None) -> Storage:
    """The backend for ``uri``: a local path / ``file://`` URI, or ``s3://bucket/prefix``."""
    scheme = urlsplit(uri).scheme.lower()
    if scheme in ("", "file") or (len(scheme) == 1 and uri[1:3] in (":\\", ":/")):
        from crawler.storage.local import LocalStorage

        return LocalStorage.from_uri(uri)
    if scheme == "s3":
        from crawler.storage.s3 import S3Storage

        return S3Storage.from_uri(uri, options or {})
    raise StorageError(f"unsupported ARCHIVE_URI scheme {scheme!r} (use a path or s3://)")
