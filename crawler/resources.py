"""The archive and dedup state a crawl works on, from its settings (no singletons).

Each component that needs them builds its own from the crawler's settings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings

from crawler.archive import Archive
from crawler.revisit import Policy, RevisitSchedule
from crawler.run_ledger import RunLedger
from crawler.storage import archive_location, open_storage


def storage_options(settings: BaseSettings) -> dict[str, Any]:
    """Backend options from the settings (endpoint, region, ...; never credentials)."""
    return {
        "endpoint_url": settings.get("S3_ENDPOINT_URL"),
        "region_name": settings.get("S3_REGION_NAME"),
        "addressing_style": settings.get("S3_ADDRESSING_STYLE"),
        "max_concurrency": settings.getint("STORE_MAX_CONCURRENCY", 8),
        "max_attempts": settings.getint("S3_MAX_ATTEMPTS", 5),
    }


def open_archive(settings: BaseSettings) -> Archive:
    return Archive(open_storage(settings.get("ARCHIVE_URI"), storage_options(settings)))


def _state_dir(settings: BaseSettings) -> Path:
    """A local archive keeps its state inside; a remote one under ``STATE_DIR``."""
    uri = settings.get("ARCHIVE_URI")
    location = archive_location(uri)
    if not location.startswith("s3://"):
        return Path(location)
    digest = hashlib.sha256(location.encode()).hexdigest()[:12]
    return Path(settings.get("STATE_DIR") or ".mfa-state") / f"s3-{digest}"


def spool_directory(settings: BaseSettings) -> Path:
    """``SPOOL_DIR``, else ``.spool`` beside the dedup state."""
    if settings.get("SPOOL_DIR"):
        return Path(settings.get("SPOOL_DIR"))
    return _state_dir(settings) / ".spool"


def dedup_state_path(settings: BaseSettings) -> Path:
    """``DEDUP_STATE_PATH``, else in a local archive's ``.state/``, else under ``STATE_DIR``."""
    if settings.get("DEDUP_STATE_PATH"):
        return Path(settings.get("DEDUP_STATE_PATH"))
    return _state_dir(settings) / ".state" / "dedup.sqlite3"


def open_schedule(settings: BaseSettings) -> RevisitSchedule:
    """The revisit schedule, kept in the dedup state's file."""
    return RevisitSchedule(dedup_state_path(settings), Policy.from_settings(settings))


def open_ledger(settings: BaseSettings) -> RunLedger:
    """The run ledger, kept in the dedup state's file."""
    return RunLedger(dedup_state_path(settings))


def lock_paths(settings: BaseSettings) -> list[Path]:
    """The lock files a crawl holds: beside its dedup state and, for a local archive, in
    the archive itself, so that two crawls with different ``DEDUP_STATE_PATH`` still
    exclude each other.  (A remote archive's lock is per machine: see the README.)"""
    paths = {dedup_state_path(settings).parent / "crawl.lock"}
    if not archive_location(settings.get("ARCHIVE_URI")).startswith("s3://"):
        paths.add(_state_dir(settings) / ".state" / "crawl.lock")
    return sorted(paths)  # one order for every process: no deadlock between two crawls
