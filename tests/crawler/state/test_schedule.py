"""The revisit policy, on a clock the test sets: every time is an argument."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from crawler.state.backend import State
from crawler.state.schedule import Observation

T0 = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
SITE = "www.mfa.go.th"
URL = f"https://{SITE}/th/content/a"


def _seen(
    at: datetime, changed: bool, imported: date | None = date(2020, 1, 1), etag: str | None = None
) -> Observation:
    return Observation(
        canonical_url=URL,
        url=URL + "?cate=1",
        site=SITE,
        category="news",
        imported_date=imported,
        etag=etag,
        last_modified=None,
        fetched_at=at,
        changed=changed,
    )


def _due(state: State, at: datetime) -> bool:
    return bool(state.schedule.due([SITE], at))


def test_a_new_or_changed_article_comes_back_after_the_minimum(state: State) -> None:
    state.schedule.observe(_seen(T0, changed=True))
    assert not _due(state, T0 + timedelta(hours=19, minutes=59))
    assert _due(state, T0 + timedelta(hours=20))


def test_an_unchanged_article_waits_twice_as_long_each_time(state: State) -> None:
    state.schedule.observe(_seen(T0, changed=True))
    at, wait = T0, timedelta(hours=20)
    for _ in range(3):
        at += wait
        state.schedule.observe(_seen(at, changed=False))
        wait *= 2
        assert not _due(state, at + wait - timedelta(minutes=1))
        assert _due(state, at + wait)


def test_the_wait_is_capped(open_backend: Callable[..., State]) -> None:
    state = open_backend(REVISIT_MAX_DAYS=2)
    state.schedule.observe(_seen(T0, changed=True))
    at = T0
    for _ in range(6):
        at += timedelta(days=3)
        state.schedule.observe(_seen(at, changed=False))
    assert _due(state, at + timedelta(days=2))


def test_a_recent_article_is_due_on_every_run(state: State) -> None:
    state.schedule.observe(_seen(T0, changed=True, imported=(T0 - timedelta(days=10)).date()))
    assert _due(state, T0 + timedelta(minutes=1))


def test_a_304_keeps_what_it_did_not_learn(state: State) -> None:
    state.schedule.observe(_seen(T0, changed=True, etag='"a"'))
    state.schedule.observe(_seen(T0 + timedelta(days=1), changed=False, imported=None))
    [revisit] = state.schedule.due([SITE], T0 + timedelta(days=30))
    assert revisit.etag == '"a"' and revisit.category == "news"


def test_overdue_articles_are_those_past_the_grace(state: State) -> None:
    state.schedule.observe(_seen(T0, changed=True))
    assert state.schedule.overdue([SITE], T0 + timedelta(hours=20 + 23)) == []
    assert state.schedule.overdue([SITE], T0 + timedelta(hours=20 + 25)) == [URL + "?cate=1"]
    assert state.schedule.overdue(["other.site"], T0 + timedelta(days=9)) == []
