"""Events beside an article's versions: keys no article URL can take, in time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from crawler.export.histories import histories
from crawler.storage.events import latest_events, write_event
from crawler.storage.layout import EVENTS, event_key
from crawler.storage.local import LocalStorage
from schemas.events import ArticleEvent

URL = "https://www.mfa.go.th/en/page"
WHEN = datetime(2026, 12, 7, 8, 30, 1, 250000, tzinfo=UTC)


def test_an_article_at_a_path_named_events_is_not_taken_for_events(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    event = ArticleEvent(kind="missing", at=WHEN, url=URL, canonical_url=URL, reason="HTTP 404")
    key = write_event(storage, event)
    assert key == f"articles/www.mfa.go.th/en/page{EVENTS}20261207T083001.250000Z_missing.json"
    other = "articles/www.mfa.go.th/en/page/events/2026-12-01_0123456789abcdef/article.json"
    storage.put(other, b"{}", "application/json")  # the article at .../page/events
    found = {h.folder: h for h in histories(storage)}
    assert found["articles/www.mfa.go.th/en/page"].event_keys == [key]
    assert found["articles/www.mfa.go.th/en/page/events"].version_keys == [other.rsplit("/", 1)[0]]
    assert list(latest_events(storage)) == [URL]


def test_event_names_sort_in_time_order_whatever_the_offset() -> None:
    bangkok = timezone(timedelta(hours=7))
    later = WHEN.astimezone(bangkok) + timedelta(seconds=1)
    assert event_key(URL, "gone", WHEN) < event_key(URL, "back", later)
    assert event_key(URL, "back", later).endswith("T083002.250000Z_back.json")
