"""Articles' events in the archive (:mod:`schemas.events`): written once, read back for
the rebuild of the state, the export and the browsable report."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from crawler.storage import Storage
from crawler.storage.layout import ARTICLES, EVENTS, JSON_TYPE, article_prefix, event_key
from schemas.events import ArticleEvent

logger = logging.getLogger(__name__)


def write_event(storage: Storage, event: ArticleEvent) -> str:
    """Store one event (create-only: the same check written twice is one event)."""
    key = event_key(event.canonical_url, event.kind, event.at)
    storage.put(key, event.dump(), JSON_TYPE, create_only=True)
    return key


def event_keys(keys: Iterable[str]) -> Iterator[str]:
    """The events' keys among an archive's keys."""
    return (key for key in keys if EVENTS in key and key.endswith(".json"))


def read_events(storage: Storage) -> Iterator[ArticleEvent]:
    """Every event in the archive; one that cannot be read is named in the log and
    skipped (``scrapy verify`` names it too)."""
    for key in event_keys(storage.list(ARTICLES)):
        data = storage.get(key)
        if data is None:
            continue
        try:
            yield ArticleEvent.model_validate_json(data)
        except ValidationError as exc:
            logger.error("an event that cannot be read: %s (%s)", key, exc.errors()[0]["msg"])


def latest_events(storage: Storage) -> dict[str, ArticleEvent]:
    """Each article's latest event, by canonical URL."""
    latest: dict[str, ArticleEvent] = {}
    for event in read_events(storage):
        known = latest.get(event.canonical_url)
        if known is None or event.at >= known.at:
            latest[event.canonical_url] = event
    return latest


def event_problems(storage: Storage, keys: Iterable[str]) -> Iterator[str]:
    """What ``scrapy verify`` says of the events among ``keys`` (the archive's listing,
    which verify has made already): one that cannot be read, or that sits in another
    article's folder."""
    for key in event_keys(keys):
        try:
            event = ArticleEvent.model_validate_json(storage.get(key) or b"")
        except ValidationError as exc:
            yield f"{key}: not an event: {exc.errors()[0]['msg']}"
            continue
        if key.split(EVENTS, 1)[0] != article_prefix(event.canonical_url):
            yield f"{key}: an event of {event.canonical_url}, in another folder"
