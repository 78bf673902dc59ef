"""Local disk backend: atomic writes, so a file that exists is complete.

Each write goes to a hidden temporary file in the target directory, is fsynced, and
is then renamed into place (or hard-linked, for create-only writes, which fails if the
name exists); the directory is fsynced after.  A crash leaves at most a hidden
``.*.tmp`` file, which listings ignore.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.storage import StorageError
from crawler.storage.keys import UnsafeKey, check_key


class LocalStorage:
    """An archive under one directory on local disk."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.location = str(self.root)

    @classmethod
    def from_uri(cls, uri: str) -> LocalStorage:
        path = unquote(urlsplit(uri).path) if uri.startswith("file://") else uri
        return cls(Path(path).expanduser())

    def _path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):
            raise UnsafeKey(f"storage key {key!r} leaves the archive root")
        return path

    def put(self, key: str, data: bytes, content_type: str, *, create_only: bool = False) -> bool:
        path = self._path(key)
        try:
            created = _make_directories(path.parent)
            temp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
            with temp.open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                if create_only:
                    try:
                        os.link(temp, path)
                    except FileExistsError:
                        return path.read_bytes() == data
                else:
                    temp.replace(path)
            finally:
                temp.unlink(missing_ok=True)
            for directory in [path.parent, *(d.parent for d in created)]:
                _fsync_directory(directory)  # the file's name, and the new directories' names
        except OSError as exc:
            reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise StorageError(f"cannot write {path}: {reason}") from exc
        return True

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def list(self, prefix: str) -> Iterator[str]:
        base = self.root / check_key(prefix.rstrip("/")) if prefix.strip("/") else self.root
        for directory, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if not name.startswith("."):
                    yield Path(directory, name).relative_to(self.root).as_posix()


def _make_directories(directory: Path) -> list[Path]:
    """``mkdir -p``, returning the directories it created (deepest last)."""
    missing = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
    return list(reversed(missing))


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
