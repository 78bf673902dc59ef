"""A fetched file kept: its bytes under their digest, then its URL's entry.

The file first (``create_only``: the same bytes under the same name are a success, a
retry too), then the URL's entry in the archive, then the state: the state never names
a file the archive lacks, and an entry never names a file that is not whole.
Blocking: called in a thread.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from crawler.state.backend import State
from crawler.state.media import KnownFile
from crawler.storage import Storage, StorageError
from crawler.storage.layout import JSON_TYPE, media_key, media_url_key

BINARY = "application/octet-stream"


def keep(
    storage: Storage, state: State, url: str, body: bytes, content_type: str | None
) -> KnownFile:
    """Store ``body`` as the file at ``url`` and return its entry."""
    sha256 = hashlib.sha256(body).hexdigest()
    if not storage.put(media_key(sha256), body, content_type or BINARY, create_only=True):
        raise StorageError(f"{media_key(sha256)} holds other bytes than its name says")
    entry = KnownFile(url, sha256, len(body), content_type, datetime.now(UTC).isoformat())
    storage.put(media_url_key(url), entry.dump(), JSON_TYPE)
    state.media.record([entry])
    return entry
