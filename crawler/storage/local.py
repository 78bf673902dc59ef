"""Local disk backend: atomic writes, so a file that exists is complete.

Each write goes to a hidden temporary file in the target directory
(:mod:`crawler.storage.atomic`), which is made durable (a group-commit barrier,
:mod:`crawler.storage.groupsync`) before it is renamed into place, or hard-linked for
create-only writes (which fails if the name exists).  A durable write then waits for a
second barrier, which makes the name durable too; :meth:`LocalStorage.put_all` writes
many files for those two barriers.  A crash leaves at most a hidden ``.*.tmp`` file,
which listings ignore.  Keys become paths through :mod:`.localroot`, which keeps them
inside the archive's root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.atomic import publish, temporary_path, write_new
from crawler.storage.groupsync import GroupSync
from crawler.storage.keys import check_key
from crawler.storage.localroot import ArchiveRoot

COPY_CHUNK = 8 * 1024 * 1024
"""Bytes a file is copied in (``put_file``)."""


class LocalStorage:
    """An archive under one directory on local disk."""

    def __init__(self, root: Path) -> None:
        self._root = ArchiveRoot(root)
        self.root = self._root.root
        self.location = str(self.root)
        self._group = GroupSync(self.root)

    @classmethod
    def from_uri(cls, uri: str) -> LocalStorage:
        path = unquote(urlsplit(uri).path) if uri.startswith("file://") else uri
        return cls(Path(path).expanduser())

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
            path, temp, created = self._stage(key, data)
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

    def put_all(self, objects: Sequence[tuple[str, bytes, str]]) -> bool:
        """Every object create-only and durable, as :meth:`put` would, for two flushes in
        all: every file's bytes reach the disk before any of them gets its name (the
        first barrier), then every name (the second).  A version's files cost two
        barriers this way, where one :meth:`put` each cost one or two apiece."""
        path = self.root
        temps: list[tuple[Path, str, list[Path], bytes]] = []
        try:
            for key, data, _content_type in objects:
                path = self.root / key  # for the message, should a check fail
                path, temp, created = self._stage(key, data)
                temps.append((path, temp, created, data))
            self._group.barrier()
            same = True
            for path, temp, created, data in temps:
                try:
                    os.link(temp, path)
                except FileExistsError:
                    same = same and path.read_bytes() == data
                self._group.written(path, path.parent, *(d.parent for d in created))
            self._group.barrier()
        except OSError as exc:
            raise _error(f"cannot write {path}", exc) from exc
        finally:  # a temporary name left (a disk gone read-only) is hidden and harmless:
            for _path, temp, _created, _data in temps:  # never the error reported
                with contextlib.suppress(OSError):
                    os.unlink(temp)  # noqa: PTH108
        return same

    def _stage(self, key: str, data: bytes) -> tuple[Path, str, list[Path]]:
        """``data`` under a hidden temporary name beside ``key``'s file, not flushed yet,
        its folders made: the file's path, the temporary name, the folders created."""
        path = self.root / check_key(key)
        created = self._root.directory(path.parent)
        temp = temporary_path(path)
        write_new(temp, data)
        self._group.written(Path(temp))
        return path, temp, created

    def put_file(self, key: str, source: Path, content_type: str) -> None:
        path = self.root / key
        try:
            path = self.root / check_key(key)
            created = self._root.directory(path.parent)
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

    def get(self, key: str) -> bytes | None:
        """The file's bytes; a file that is a symbolic link is no object of the archive
        (listings skip it, ``scrapy verify`` names it): it is never followed.  Folders on
        the way resolve inside the root or the key is refused (:meth:`_path`)."""
        try:
            descriptor = os.open(self._root.existing(key), os.O_RDONLY | os.O_NOFOLLOW)
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
            self._root.existing(key).unlink(missing_ok=True)
        except OSError as exc:
            raise _error(f"cannot remove {key}", exc) from exc

    def get_range(self, key: str, offset: int, length: int) -> bytes | None:
        try:
            descriptor = os.open(self._root.existing(key), os.O_RDONLY | os.O_NOFOLLOW)
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


_WHOLE_DISK = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS})


def _error(action: str, exc: OSError) -> StorageError:
    """A full, failing or read-only disk fails every write: the store is unavailable.
    Anything else (a file where a folder should be) is this write's own failure."""
    reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    kind = StoreUnavailable if exc.errno in _WHOLE_DISK else StorageError
    return kind(f"{action}: {reason}")
