"""Storage keys from untrusted URLs: readable where the slug is, never outside the root.

The layout (:mod:`crawler.storage.layout`) builds keys from URL segments.  Each is decoded,
NFC-normalised and cleaned of everything that could escape or confuse a file system
or an object store: separators, ``.``/``..``, control and format characters (NUL,
RTL marks, zero-width spaces), characters Windows refuses.  A segment that had to be
changed or shortened gets a short hash of its original, so two different slugs never
share a key, while a plain Thai or ASCII slug stays as it is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SEGMENT_BYTES = 120
MAX_PREFIX_BYTES = 600
"""An article's prefix stays well inside S3's 1,024-byte keys and PATH_MAX with any root."""
_UNSAFE = re.compile(r'[/\\<>:"|?*\s]+')


class UnsafeKey(ValueError):
    """A key that could escape the archive root or is not a clean relative path."""


def digest(text: str) -> str:
    """A short hash of ``text``, for a key segment that had to change."""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def safe_segment(text: str) -> str:
    """One key segment for ``text`` (see the module docstring)."""
    original = unicodedata.normalize("NFC", text)
    kept = "".join(ch for ch in original if not unicodedata.category(ch).startswith("C"))
    cleaned = _UNSAFE.sub("-", kept).strip("-. ")
    if not cleaned:
        cleaned = "_"
    encoded = cleaned.encode("utf-8")
    if cleaned == original and len(encoded) <= MAX_SEGMENT_BYTES:
        return cleaned
    room = MAX_SEGMENT_BYTES - 11
    shortened = encoded[:room].decode("utf-8", "ignore").rstrip("-. ")
    return f"{shortened}~{digest(original)}"


def check_key(key: str) -> str:
    """Return ``key`` if it is a clean relative key, else raise UnsafeKey."""
    parts = key.split("/")
    if (
        not key
        or key.startswith("/")
        or "\\" in key
        or "\x00" in key
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise UnsafeKey(f"unsafe storage key {key!r}")
    return key
