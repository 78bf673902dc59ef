"""Local disk backend: atomic writes, so a file that exists is complete.

Each write goes to a hidden temporary file in the target directory
(:mod:`crawler.storage.atomic`), which is made durable (a group-commit barrier,
:mod:`crawler.storage.groupsync`) before it is renamed into place, or hard-linked for
create-only writes (which fails if the name exists).  A durable write then waits for a
second barrier, which makes the name durable too.  A crash leaves at most a hidden
``.*.tmp`` file, which listings ignore.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.atomic import publish, temporary_path, write_new
from crawler.storage.groupsync import GroupSync
from crawler.storage.keys import UnsafeKey, check_key

COPY_CHUNK = 8 * 1024 * 1024
"""Bytes a file is copied in (``put_file``)."""


class LocalStorage:
    """An archive under one directory on local disk."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.location = str(self.root)
        self._inside = _RecentDirectories()  # seen to resolve inside the root, and to exist
        self._group = GroupSync(self.root)

    @classmethod
    def from_uri(cls, uri: str) -> LocalStorage:
        path = unquote(urlsplit(uri).path) if uri.startswith("file://") else uri
        return cls(Path(path).expanduser())

    def _path(self, key: str) -> Path:
        """The file for ``key`` (to read); its directory, symlinks resolved, must be in
        the root.

        A symbolic link as the file itself is harmless (a rename replaces the link, a
        link() refuses it); one among the directories could lead out, so each directory
        is resolved once, when first used.
        """
        path = self.root / check_key(key)
        directory = path.parent
        if directory not in self._inside:
            self._check_inside(directory)
            if directory.is_dir():
                self._inside.add(directory)
        return path

    def _check_inside(self, directory: Path) -> None:
        if not directory.resolve().is_relative_to(self.root):
            raise UnsafeKey(f"{directory} leaves the archive root {self.root}")

    def _directory(self, directory: Path) -> list[Path]:
        """Make ``directory`` (to write in) exist inside the root; returns the
        directories created, deepest last.

        Only a directory that was there before can be a symbolic link leading out, so
        only the deepest of those is resolved; the ones made here by ``mkdir`` (which
        never follows a link) are real directories inside it.  Each version gets a
        directory of its own, so this saves resolving a deep path for every version.
        """
        missing = []
        while directory not in self._inside and directory != self.root:
            if directory.is_dir():
                self._check_inside(directory)
                break
            missing.append(directory)
            directory = directory.parent
        if directory == self.root:
            self.root.mkdir(parents=True, exist_ok=True)
        self._inside.add(directory)
        for new in reversed(missing):
            try:
                new.mkdir()
            except FileExistsError:  # made meanwhile (another thread, or someone else)
                if not new.is_dir():
                    reason = os.strerror(errno.ENOTDIR)
                    raise NotADirectoryError(errno.ENOTDIR, reason, str(new)) from None
                self._check_inside(new)
            self._inside.add(new)
        return list(reversed(missing))

    def put(
        self,
        key: str,
        data: bytes,
        content_type: str,
        *,
        create_only: bool = False,
        durable: bool = True,
    ) -> bool:
        path = self.root / key  # for the message, should a check fail
        try:
            path = self.root / check_key(key)
            created = self._directory(path.parent)
            temp = temporary_path(path)
            write_new(temp, data)
            self._group.written(Path(temp))
            self._group.barrier()  # the data is on disk before any name points at it
            try:
                if create_only:
                    try:
                        os.link(temp, path)
                    except FileExistsError:
                        return path.read_bytes() == data
                else:
                    os.replace(temp, path)  # noqa: PTH105 - a string path, no Path object needed
            finally:
                if create_only:
                    os.unlink(temp)  # noqa: PTH108
            self._group.written(path, path.parent, *(d.parent for d in created))
            if durable:
                self._group.barrier()
        except OSError as exc:
            raise _error(f"cannot write {path}", exc) from exc
        return True

    def put_file(self, key: str, source: Path, content_type: str) -> None:
        path = self.root / key
        try:
            path = self.root / check_key(key)
            created = self._directory(path.parent)
            temp = temporary_path(path)
            try:
                with source.open("rb") as reading, open(temp, "xb") as writing:  # noqa: PTH123
                    shutil.copyfileobj(reading, writing, COPY_CHUNK)
                publish(temp, path)  # the bytes, then the name
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
            self._group.written(*(d.parent for d in created))  # new folders' names too
            self._group.barrier()
        except OSError as exc:
            raise _error(f"cannot write {path}", exc) from exc

    def sync(self, keys: list[str]) -> None:
        """A durability barrier for the writes made so far (shared with other threads)."""
        try:
            self._group.barrier()
        except OSError as exc:
            raise _error(f"cannot flush {self.location}", exc) from exc

    def get(self, key: str) -> bytes | None:
        """The file's bytes; a file that is a symbolic link is no object of the archive
        (listings skip it, ``scrapy verify`` names it): it is never followed.  Folders on
        the way resolve inside the root or the key is refused (:meth:`_path`)."""
        try:
            descriptor = os.open(self._path(key), os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None
            raise
        with os.fdopen(descriptor, "rb") as file:
            return file.read()

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink(missing_ok=True)
        except OSError as exc:
            raise _error(f"cannot remove {key}", exc) from exc

    def get_range(self, key: str, offset: int, length: int) -> bytes | None:
        try:
            descriptor = os.open(self._path(key), os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None
            raise
        with os.fdopen(descriptor, "rb") as file:
            file.seek(offset)
            return file.read(length)

    def links(self) -> list[str]:
        """Keys of the archive that are symbolic links (none was written by the crawler)."""
        found = []
        for folder, names, files in os.walk(self.root):
            for name in [*names, *files]:
                path = Path(folder) / name
                if path.is_symlink():
                    found.append(path.relative_to(self.root).as_posix())
        return sorted(found)

    def close(self) -> None:
        self._group.close()

    def list(self, prefix: str) -> Iterator[str]:
        """Keys under ``prefix`` (none in an archive not made yet); an archive under a file
        cannot be read: StorageError."""
        if not self.root.is_dir():
            present = next(p for p in (self.root, *self.root.parents) if p.exists())
            if not present.is_dir():
                raise StorageError(f"cannot read {self.location}: {present} is not a folder")
            return
        base = self.root / check_key(prefix.rstrip("/")) if prefix.strip("/") else self.root
        yield from self._sorted_walk(base)

    def _sorted_walk(self, directory: Path) -> Iterator[str]:
        """Files below ``directory`` in the byte order of their keys: a folder's entries
        sorted as ``name/`` (folders) and ``name`` (files) sort among full keys."""
        try:
            entries = list(os.scandir(directory))
        except (FileNotFoundError, NotADirectoryError):
            return
        ranked = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                continue  # never followed (out of the archive, or onto another key)
            folder = entry.is_dir()
            name = entry.name + "/" if folder else entry.name
            ranked.append((name.encode("utf-8", "surrogateescape"), entry.path, folder))
        ranked.sort()
        for _, path, folder in ranked:
            if folder:
                yield from self._sorted_walk(Path(path))
            else:
                yield Path(path).relative_to(self.root).as_posix()


class _RecentDirectories:
    """The directories used most recently (a few thousand): each version's directory
    takes a handful of writes and is never used again, so remembering every one would
    make the crawl's memory grow with the archive."""

    def __init__(self, limit: int = 4096) -> None:
        self._items: OrderedDict[Path, None] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def __contains__(self, directory: Path) -> bool:
        return directory in self._items

    def add(self, directory: Path) -> None:
        with self._lock:
            self._items[directory] = None
            self._items.move_to_end(directory)
            if len(self._items) > self._limit:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


_WHOLE_DISK = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS})


def _error(action: str, exc: OSError) -> StorageError:
    """A full, failing or read-only disk fails every write: the store is unavailable.
    Anything else (a file where a folder should be) is this write's own failure."""
    reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    kind = StoreUnavailable if exc.errno in _WHOLE_DISK else StorageError
    return kind(f"{action}: {reason}")
