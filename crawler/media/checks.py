"""``scrapy verify``'s checks of the files: each stored file is the bytes its name says,
each record's pointer and each URL's entry names a file the archive holds."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from crawler.state.media import KnownFile
from crawler.storage import Storage
from crawler.storage.layout import MEDIA, MEDIA_URLS, media_key
from schemas.models import ArchivedArticle


def pointers(article: ArchivedArticle) -> list[str]:
    """The SHA-256 of every file the record says the archive holds."""
    return [file.sha256 for _url, file, _missing in article.file_entries() if file]


@dataclass
class MediaCheck:
    """What the check of the files found."""

    files: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)


def check_media(storage: Storage, pointed: Mapping[str, str]) -> MediaCheck:
    """Every file under ``media/`` read and its digest compared with its name; every
    pointer (``pointed``: SHA-256 -> a version that names it) and URL entry resolved."""
    found = MediaCheck()
    held: set[str] = set()
    for key in storage.list(MEDIA):
        if key.startswith(MEDIA_URLS):
            continue
        name = key.rsplit("/", 1)[-1]
        data = storage.get(key) or b""
        found.files += 1
        found.bytes += len(data)
        held.add(name)
        if hashlib.sha256(data).hexdigest() != name or key != _key(name):
            found.errors.append(f"{key}: its bytes are not the file its name says (damaged)")
    for sha, version in sorted(pointed.items()):
        if sha not in held:
            found.errors.append(f"{version}: names {media_key(sha)}, which the archive lacks")
    for key in storage.list(MEDIA_URLS):
        entry = KnownFile.read(storage.get(key) or b"")
        if entry is None:
            found.errors.append(f"{key}: not a readable entry")
        elif entry.sha256 not in held:
            found.errors.append(f"{key}: names {entry.sha256}, which the archive lacks")
    return found


def _key(name: str) -> str:
    try:
        return media_key(name)
    except ValueError:
        return ""
