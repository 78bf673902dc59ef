"""The state file: one SQLite connection and one lock, shared by the crawl's threads.

WAL mode lets readers go on while a write commits; ``synchronous NORMAL`` keeps commits
in the WAL without an fsync each (a power loss may lose the last commits, which only
makes the state lag the store: never lead it).  Statements outside a transaction
commit on their own; :meth:`Database.transaction` groups several into one commit.
SQLite's errors leave this module as :class:`~crawler.state.backend.StateUnavailable`.
"""

from __future__ import annotations

import contextlib
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
        """The file cannot take the write now (full disk, I/O error, locked) or is no
        database: :class:`StateUnavailable`, and the item waits.  Errors that no retry
        mends (a constraint, a misuse: a bug) stay what they are."""
        try:
            yield
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise StateUnavailable(f"the state file {self.path}: {exc}") from exc
            raise

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
                self._rollback()  # the body's error is the one raised
                raise
            finally:
                self._depth = 0
            try:
                self._connection.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()  # no transaction left open for the next BEGIN
                raise

    def _rollback(self) -> None:
        """Roll back what is open; SQLite may have ended the transaction itself (a full
        disk, an I/O error), and a failed rollback must not hide why."""
        if self._connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            self._connection.close()
