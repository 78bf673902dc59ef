"""The archive read article by article, streaming: each article's versions, oldest
first, and which one its ``latest.json`` names.

One listing of ``articles/`` in key order (:meth:`crawler.storage.Storage.list`): every
key of an article's folder starts with ``<folder>/``, so an article is complete as soon
as the listing passes beyond that prefix, and only the articles still open (an article
whose path lies inside another's, at most a few) are held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError

from crawler.media.late import with_late_files
from crawler.storage import Storage
from crawler.storage.layout import ARTICLES, EVENTS, LATEST, RECORD, LatestPointer
from schemas.events import STATUSES, ArticleEvent
from schemas.models import ArchivedArticle


@dataclass
class History:
    """One article in the archive."""

    folder: str
    """The article's folder key (``articles/<site>/<path>``)."""
    version_keys: list[str] = field(default_factory=list)
    has_pointer: bool = False
    event_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Version:
    key: str
    article: ArchivedArticle


@dataclass(frozen=True)
class ArticleVersions:
    """An article's versions, oldest first (by first fetch, then key), and its latest."""

    folder: str
    versions: list[Version]
    latest: str
    """The key of the version ``latest.json`` names (the newest when there is no pointer)."""
    latest_fetched_at: str | None
    """When the page was last fetched as its latest version (from ``latest.json``)."""
    last_event: ArticleEvent | None = None
    """The article's latest event (taken down, moved, back), if it has any."""

    @property
    def removal(self) -> ArticleEvent | None:
        """The confirmed removal (``gone`` or ``moved``) the article is under, if any."""
        event = self.last_event
        return event if event is not None and STATUSES[event.kind] != "live" else None

    @property
    def status(self) -> str:
        """``live``, ``gone`` or ``moved``."""
        return STATUSES[self.removal.kind] if self.removal is not None else "live"


def _folder_of(key: str) -> tuple[str, str | None] | None:
    """(article folder, version key, or None for the pointer, or the event key) of a
    listed key."""
    if EVENTS in key:
        return key.split(EVENTS, 1)[0], key
    if key.endswith(f"/{RECORD}"):
        version = key.rsplit("/", 1)[0]
        return version.rsplit("/", 1)[0], version
    if key.endswith(f"/{LATEST}"):
        return key.rsplit("/", 1)[0], None
    return None


def histories(storage: Storage, prefix: str = ARTICLES) -> Iterator[History]:
    """Every article folder under ``prefix`` with its version keys, in listing order of
    completion (deterministic: the listing's order is)."""
    open_folders: dict[str, History] = {}
    for key in storage.list(prefix):
        for folder in [f for f in open_folders if not key.startswith(f + "/")]:
            yield open_folders.pop(folder)
        found = _folder_of(key)
        if found is None:
            continue
        folder, version = found
        history = open_folders.setdefault(folder, History(folder))
        if version is None:
            history.has_pointer = True
        elif EVENTS in version:
            history.event_keys.append(version)
        else:
            history.version_keys.append(version)
    yield from open_folders.values()


class UnreadableRecord(ValueError):
    """A version's ``article.json`` that is not a record of the schema (damaged, cut
    short, edited by hand): the message names the file and what is wrong."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key, self.reason = key, reason


def _problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"not a record of the schema: {where}: {first['msg']}{more}"


def read(
    storage: Storage, history: History, unreadable: list[UnreadableRecord] | None = None
) -> ArticleVersions | None:
    """The article's records and pointer; None when it has no readable version.  A record
    that cannot be read is added to ``unreadable`` and left out (without the list: raised
    as :class:`UnreadableRecord`)."""
    versions = []
    for key in history.version_keys:
        data = storage.get(f"{key}/{RECORD}")
        if data is None:
            continue
        try:
            article = ArchivedArticle.model_validate_json(data)
            versions.append(Version(key, with_late_files(storage, article)))
        except ValidationError as exc:
            problem = UnreadableRecord(f"{key}/{RECORD}", _problem(exc))
            if unreadable is None:
                raise problem from None
            unreadable.append(problem)
    if not versions:
        return None
    versions.sort(key=lambda v: (v.article.fetched_at, v.key))
    pointer = None
    if history.has_pointer:
        pointer = LatestPointer.read(storage.get(f"{history.folder}/{LATEST}"))
    event = _last_event(storage, history.event_keys)
    known = {v.key for v in versions}
    if pointer is not None and pointer.version in known:
        return ArticleVersions(history.folder, versions, pointer.version, pointer.fetched_at, event)
    return ArticleVersions(history.folder, versions, versions[-1].key, None, event)


def _last_event(storage: Storage, keys: list[str]) -> ArticleEvent | None:
    """The latest readable event (names sort in time order)."""
    for key in sorted(keys, reverse=True):
        data = storage.get(key)
        if data is None:
            continue
        try:
            return ArticleEvent.model_validate_json(data)
        except ValidationError:
            continue  # scrapy verify names it
    return None
