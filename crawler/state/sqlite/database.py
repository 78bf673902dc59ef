"""The state file: one SQLite connection and one lock, shared by the crawl's threads.

WAL mode lets readers go on while a write commits; ``synchronous NORMAL`` keeps commits
in the WAL without an fsync each (a power loss may lose the last commits, which only
makes the state lag the store: never lead it).  Statements outside a transaction
commit on their own; :meth:`Database.transaction` groups several into one commit.
SQLite's errors leave this module as :class:`~crawler.state.backend.StateUnavailable`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawler.state.backend import StateUnavailable


def placeholders(count: int) -> str:
    """``?, ?, ...`` for an ``IN (...)`` list: only placeholders go into query text."""
    return ",".join("?" * count)


class Database:
    """A SQLite file opened once; every use holds the lock (re-entrant)."""

    def __init__(self, path: Path, schema: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        with self._unavailable():
            self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.executescript(schema)
        self._depth = 0

    @contextmanager
    def _unavailable(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:  # e.g. the disk is full: the item waits, retried
            raise StateUnavailable(f"the state file {self.path}: {exc}") from exc

    @contextmanager
    def locked(self) -> Iterator[sqlite3.Connection]:
        """The connection, for statements that need no transaction of their own."""
        with self._lock, self._unavailable():
            yield self._connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One commit for everything done inside (nested uses join the outer one);
        an exception rolls it all back."""
        with self._lock, self._unavailable():
            if self._depth:
                self._depth += 1
                try:
                    yield self._connection
                finally:
                    self._depth -= 1
                return
            self._connection.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self._connection.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._connection.close()
