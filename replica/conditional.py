"""HTTP validators for the replica and the benchmark server: ETag, Last-Modified, 304."""

from __future__ import annotations

import hashlib
from email.utils import formatdate, parsedate_to_datetime

from twisted.web.server import Request


def answer_conditionally(request: Request, body: bytes, modified: float) -> bytes:
    """Set ``ETag`` and ``Last-Modified``; answer 304 with no body when the client's
    ``If-None-Match`` / ``If-Modified-Since`` says it has this version already."""
    etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
    request.setHeader(b"etag", etag.encode())  # type: ignore[no-untyped-call]
    request.setHeader(b"last-modified", formatdate(modified, usegmt=True).encode())  # type: ignore[no-untyped-call]
    if _not_modified(request, etag, modified):
        request.setResponseCode(304)
        return b""
    return body


def _not_modified(request: Request, etag: str, modified: float) -> bool:
    tags = request.getHeader("if-none-match")
    if tags is not None:
        return tags.strip() == "*" or etag in [tag.strip() for tag in tags.split(",")]
    since = request.getHeader("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(since).timestamp() >= int(modified)
        except (TypeError, ValueError):
            return False
    return False
