"""Export files, written whole or not at all: rows go to a hidden temporary file beside
the target, which replaces the target (``rename``) only when every row is in it and on
disk.  A crash or an error leaves the previous export, never half of a new one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from crawler.storage.atomic import publish, temporary_path


class RowWriter(Protocol):
    path: Path

    def write(self, row: BaseModel) -> None: ...

    def commit(self) -> None:
        """All rows are written: the file takes its name."""

    def abort(self) -> None:
        """Drop what was written (the target, if any, stays as it was)."""


def temporary(path: Path) -> Path:
    """Where a file's rows go until it is complete (hidden, one per process)."""
    return Path(temporary_path(path))


class JsonLinesWriter:
    """One JSON object per line, UTF-8 with Thai unescaped, fields in the schema's order:
    two exports of one archive are the same bytes."""

    def __init__(self, path: Path) -> None:
        self.path, self.partial = path, temporary(path)
        self.file = self.partial.open("w", encoding="utf-8", newline="\n")

    def write(self, row: BaseModel) -> None:
        self.file.write(json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self.file.close()
        publish(self.partial, self.path)

    def abort(self) -> None:
        self.file.close()
        self.partial.unlink(missing_ok=True)
