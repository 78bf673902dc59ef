"""What a file's fetch means for its record and for the next runs, and which files may be
fetched at all.

A reason is final (``404``, ``403``, ``too large``, ``refused``: asking again would get the
same) or begins ``not fetched yet`` (a timeout, a 5xx, a 429, the store or the state
down, a cap): then a later run asks again, ``MEDIA_MAX_ATTEMPTS`` runs at most, and says
``given up after N runs`` after that, so that a file that never comes never keeps an
article due.  Reasons are text from the network: one line, without credentials, short.
"""

from __future__ import annotations

import re
from collections.abc import Set
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from twisted.internet.defer import CancelledError

from crawler.redact import redact_text
from crawler.state.media import DUE_AGAIN

MEDIA = "media"
"""Request meta: the request fetches an article's file (its redirects may stay on the
image service's hosts: :mod:`crawler.middlewares.redirects`)."""
RETRIED_STATUSES = frozenset({408, 425, 429})
_BREAKS = re.compile(r"\s+")


def clean(reason: str) -> str:
    """A reason fit for a record: one line, credentials out, at most 300 characters."""
    text = _BREAKS.sub(" ", redact_text(reason)).strip()
    return (text or "no reason given")[:300]


def status_reason(status: int) -> str:
    """The reason a file that answered ``status`` (not 200) is missing."""
    if 400 <= status < 500 and status not in RETRIED_STATUSES:
        return str(status)
    return f"{DUE_AGAIN} (HTTP {status})"


def failure_reason(error: BaseException, max_bytes: int) -> str:
    """The reason a file whose download failed is missing."""
    if isinstance(error, IgnoreRequest):
        return clean(f"refused: {error}")
    cancelled = isinstance(error, CancelledError) or type(error).__name__ in (
        "DownloadCancelledError",
        "CancelledError",
    )
    text = str(error).lower()
    if cancelled or "maxsize" in text or "max size" in text:
        # Scrapy cancels a body past the cap (with no Content-Length, in silence)
        return f"too large (over MEDIA_MAX_FILE_BYTES, {max_bytes} bytes)"
    return clean(f"{DUE_AGAIN} ({type(error).__name__}: {error})")


def is_final(reason: str) -> bool:
    return not reason.startswith(DUE_AGAIN)


def allowed(url: str, hosts: Set[str], own: Set[str]) -> bool:
    """Whether a file may be fetched: on the image service's hosts (``hosts``, default
    ports only) or on the article's own site (``own``: its names, ``host[:port]``); never
    with credentials in the URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "@" in parts.netloc:
        return False
    if parts.netloc.lower() in own:
        return True
    try:
        port = parts.port
    except ValueError:
        return False
    return port is None and (parts.hostname or "").lower() in hosts
