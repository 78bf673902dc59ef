"""The probe: a small write that tells whether the store takes writes now (before a crawl,
and after a failed write, to tell an item the store refuses from a store that is down),
removed right after, so that nothing is left in the archive."""

from __future__ import annotations

import logging

from crawler.storage import Storage, StorageError
from crawler.storage.layout import PROBE

logger = logging.getLogger(__name__)


def probe(storage: Storage, data: bytes) -> None:
    """Write the probe (its error, if the store refuses it), then remove it.  Credentials
    that may write but not delete (a least-privilege role) leave it there: no reason to
    refuse a crawl."""
    storage.put(PROBE, data, "text/plain")
    try:
        storage.delete(PROBE)
    except StorageError as exc:
        logger.info("the probe %s stays in the archive: it refuses deletes (%s)", PROBE, exc)
