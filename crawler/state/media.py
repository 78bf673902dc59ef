"""Which files (pictures, attached documents) the archive holds a copy of, by URL.

A picture shown by a hundred articles is fetched once: before a file is fetched its URL
is looked up here, and a URL known is not fetched again (an archive keeps what a URL
answered when first captured; the article's own versions say when the page changed).
Each entry is also in the archive (``media/urls/``, :mod:`crawler.storage.layout`), so
the state derives from the archive as the rest of it does.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Protocol

from schemas.models import StoredFile

DUE_AGAIN = "not fetched yet"
"""How the reason of a file a later run fetches begins (``not fetched yet (HTTP 503)``):
its article is due again at the shortest interval (:mod:`crawler.state.schedule`)."""


@dataclass(frozen=True)
class KnownFile:
    """A URL whose file the archive holds, and the copy it holds."""

    url: str
    sha256: str
    size: int
    content_type: str | None
    fetched_at: str
    """When it was fetched (ISO 8601, UTC)."""

    def as_stored(self) -> StoredFile:
        """The record's view of the file (``file`` of a picture or attachment)."""
        return StoredFile(sha256=self.sha256, size=self.size, content_type=self.content_type)

    def dump(self) -> bytes:
        return (json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def read(cls, data: bytes) -> KnownFile | None:
        """The entry in ``data``; None when it cannot be read."""
        try:
            found = json.loads(data)
            return cls(
                str(found["url"]),
                str(found["sha256"]),
                int(found["size"]),
                found.get("content_type"),
                str(found["fetched_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


class MediaStore(Protocol):
    """The files the archive holds, by URL, on either backend; and the URLs whose fetch
    failed, with how many runs tried (a file that never comes is given up on)."""

    def known(self, urls: list[str]) -> dict[str, KnownFile]: ...
    def record(self, files: list[KnownFile]) -> None: ...
    def count(self) -> int: ...
    def failures(self, urls: list[str]) -> dict[str, tuple[int, str]]: ...
    def record_failure(self, url: str, attempts: int, reason: str) -> None: ...
