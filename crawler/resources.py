"""The archive and dedup state a crawl works on, from its settings (no singletons).

Each component that needs them builds its own from the crawler's settings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings

from crawler.archive import Archive
from crawler.storage import open_storage
from crawler.storage.local import LocalStorage


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


def _state_dir(settings: BaseSettings, archive: Archive) -> Path:
    storage = archive.storage
    if isinstance(storage, LocalStorage):
        return storage.root
    digest = hashlib.sha256(storage.location.encode()).hexdigest()[:12]
    return Path(settings.get("STATE_DIR") or ".mfa-state") / f"s3-{digest}"


def spool_directory(settings: BaseSettings, archive: Archive) -> Path:
    """``SPOOL_DIR``, else ``.spool`` beside the dedup state."""
    if settings.get("SPOOL_DIR"):
        return Path(settings.get("SPOOL_DIR"))
    return _state_dir(settings, archive) / ".spool"


def dedup_state_path(settings: BaseSettings, archive: Archive) -> Path:
    """``DEDUP_STATE_PATH``, else in a local archive's ``.state/``, else under ``STATE_DIR``."""
    if settings.get("DEDUP_STATE_PATH"):
        return Path(settings.get("DEDUP_STATE_PATH"))
    return _state_dir(settings, archive) / ".state" / "dedup.sqlite3"
