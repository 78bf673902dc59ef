"""Where an archive's state, spool and locks live on this machine, from the settings.

A local archive keeps them inside itself (``<archive>/.state/``); a remote (S3) one
under ``STATE_DIR``, in a folder named after the archive's location, so that two
archives never share a state file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from scrapy.settings import BaseSettings

from crawler.storage import archive_location


@dataclass(frozen=True)
class StatePaths:
    """The files of one archive's state on this machine."""

    location: str
    """The archive, spelled one way (an absolute path or ``s3://bucket/prefix/``)."""
    database: Path
    spool: Path
    reports_waiting: Path
    """Run reports the store did not take, stored by the next run."""
    locks: tuple[Path, ...]
    """Held by a crawl, in this order (one order for every process: no deadlock)."""

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> StatePaths:
        location = archive_location(settings.get("ARCHIVE_URI"))
        remote = location.startswith("s3://")
        if remote:
            digest = hashlib.sha256(location.encode()).hexdigest()[:12]
            home = Path(settings.get("STATE_DIR")) / f"s3-{digest}"
        else:
            home = Path(location)
        database = Path(settings.get("DEDUP_STATE_PATH") or home / ".state" / "dedup.sqlite3")
        spool = Path(settings.get("SPOOL_DIR") or home / ".spool")
        # A local archive is locked in itself too, whatever DEDUP_STATE_PATH says, so two
        # crawls with different state files still exclude each other (a remote
        # archive's lock is per machine: see docs/operating.md).
        locks = {database.parent / "crawl.lock"}
        if not remote:
            locks.add(home / ".state" / "crawl.lock")
        waiting = database.parent / "runs-waiting"
        return cls(location, database, spool, waiting, tuple(sorted(locks)))

    @property
    def remote(self) -> bool:
        return self.location.startswith("s3://")

    @property
    def local_folders(self) -> list[Path]:
        """The archive's folders on this machine (the archive itself when it is local, its
        state and spool): no command writes its output into or around them."""
        folders = [self.database.parent, self.spool]
        return folders if self.remote else [Path(self.location), *folders]
