"""Whole files or none: the one way this project writes a file on local disk.

A file is written under a hidden temporary name in its own directory (``.*.tmp``,
which listings skip and ``verify --repair`` removes) and renamed into place only once
its bytes are on disk, then the directory is flushed so that the name survives a
power loss too.  A crash leaves at most the temporary file: never a half-written file
under the real name.  The local backend batches the flushes of many writers
(:mod:`crawler.storage.groupsync`) but uses the same names and creation.
"""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path

_PREFIX = uuid.uuid4().hex[:12]  # temporary names unique to this process ...
_COUNTER = itertools.count()  # ... and to each write in it (no syscall per name)


def temporary_path(path: Path) -> str:
    """A fresh hidden name beside ``path`` for its bytes until they are complete."""
    return f"{path.parent}/.{path.name}.{_PREFIX}-{next(_COUNTER)}.tmp"


def write_new(name: str, data: bytes) -> None:
    """Create ``name`` (it must not exist) and write all of ``data`` (not flushed)."""
    descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except BaseException:
        os.close(descriptor)
        os.unlink(name)  # noqa: PTH108
        raise
    os.close(descriptor)


def fsync_path(path: str | Path) -> None:
    """Flush a file's bytes, or a directory's names, to disk."""
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def publish(temp: str | Path, path: Path) -> None:
    """Give a complete temporary file its name, durably (its bytes, then the name)."""
    fsync_path(temp)
    os.replace(temp, path)  # noqa: PTH105
    fsync_path(path.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``, durably: whole or not at all, even on a crash."""
    temp = temporary_path(path)
    try:
        write_new(temp, data)
        publish(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
