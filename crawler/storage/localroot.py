"""The archive's root on local disk: keys become paths that never leave it.

Keys come from untrusted URLs, and a directory under the root may be a symbolic link
someone made: every directory a key leads through is resolved once, when first used,
and must lie inside the root.  Kept apart from the writing (:mod:`.local`) because it
is the one place that guarantee lives.
"""

from __future__ import annotations

import errno
import os
import threading
from collections import OrderedDict
from pathlib import Path

from crawler.storage.keys import UnsafeKey, check_key


class ArchiveRoot:
    """Paths for keys under ``root``, checked to stay inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._inside = _RecentDirectories()  # seen to resolve inside the root, and to exist

    def file(self, key: str) -> Path:
        """The path of ``key`` (checked: no ``..``, no absolute key; not resolved)."""
        return self.root / check_key(key)

    def existing(self, key: str) -> Path:
        """The file for ``key`` (to read); its directory, symlinks resolved, must be in
        the root.

        A symbolic link as the file itself is harmless (a rename replaces the link, a
        link() refuses it); one among the directories could lead out, so each directory
        is resolved once, when first used.
        """
        path = self.root / check_key(key)
        directory = path.parent
        if directory not in self._inside:
            self.check_inside(directory)
            if directory.is_dir():
                self._inside.add(directory)
        return path

    def check_inside(self, directory: Path) -> None:
        if not directory.resolve().is_relative_to(self.root):
            raise UnsafeKey(f"{directory} leaves the archive root {self.root}")

    def directory(self, directory: Path) -> list[Path]:
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
                self.check_inside(directory)
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
                self.check_inside(new)
            self._inside.add(new)
        return list(reversed(missing))


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
