"""The rule of removals: one failed check is not one; a later one, far enough apart,
confirms it; a page that answers as the article again is back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.state.backend import State
from crawler.state.rebuild import rebuild_state
from crawler.state.standings import Check, Standing, judge
from crawler.storage.archive import Archive
from crawler.storage.events import write_event
from crawler.storage.local import LocalStorage

URL = "https://www.mfa.go.th/th/content/aseancanada2020"
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(hours=20)


def _absent(at: datetime, status: int = 404, moved_to: str | None = None) -> Check:
    return Check(URL, URL, "www.mfa.go.th", at, False, status, None, moved_to, "HTTP 404")


def test_a_removal_is_confirmed_only_by_a_check_the_confirmation_time_later() -> None:
    event, standing = judge(_absent(START), None, DAY)
    assert event is not None and event.kind == "missing" and event.status == 404
    assert standing == Standing(URL, "www.mfa.go.th", "missing", START, "404")
    too_soon, still = judge(_absent(START + DAY / 2, 410), standing, DAY)
    assert too_soon is None and still == standing  # nothing new, and it stays missing
    confirmed, gone = judge(_absent(START + DAY, 410), standing, DAY)
    assert confirmed is not None and confirmed.kind == "gone"
    assert confirmed.since == START and confirmed.status == 410
    assert gone == Standing(URL, "www.mfa.go.th", "gone", START, "410")
    again, after = judge(_absent(START + 3 * DAY, 410), gone, DAY)
    assert again is None and after == gone  # one removal, however often it is checked...
    otherwise, changed = judge(_absent(START + 4 * DAY, 404), gone, DAY)
    assert otherwise is not None and otherwise.kind == "gone"  # ...unless it answers otherwise
    assert otherwise.since == START and changed is not None and changed.evidence == "404"


def test_a_redirect_to_another_article_confirms_a_move_and_a_page_back_ends_it() -> None:
    elsewhere = "https://www.mfa.go.th/th/content/aseancanada2020-2"
    _event, missing = judge(_absent(START, 301, elsewhere), None, DAY)
    moved, standing = judge(_absent(START + DAY, 301, elsewhere), missing, DAY)
    assert moved is not None and moved.kind == "moved" and moved.moved_to == elsewhere
    back = Check(URL, URL, "www.mfa.go.th", START + 2 * DAY, True)
    event, after = judge(back, standing, DAY)
    assert event is not None and event.kind == "back" and after is None
    assert event.status is None and event.since is None
    assert judge(back, None, DAY) == (None, None)  # live and present: nothing to say


def test_standings_are_kept_on_both_backends_and_rebuilt_from_the_events(
    state: State, tmp_path: Path
) -> None:
    other = URL + "-2"
    state.standings.put(Standing(URL, "www.mfa.go.th", "gone", START, "410"))
    state.standings.put(Standing(other, "bangkok.thaiembassy.org", "missing", START + DAY, "404"))
    assert state.standings.of(URL) == Standing(URL, "www.mfa.go.th", "gone", START, "410")
    assert [s.canonical_url for s in state.standings.absent(["www.mfa.go.th"])] == [URL]
    assert len(state.standings.absent()) == 2
    state.standings.drop(other)
    assert state.standings.of(other) is None

    storage = LocalStorage(tmp_path / "archive")
    event, _ = judge(_absent(START), None, DAY)
    assert event is not None
    write_event(storage, event)
    rebuild_state(Archive(storage), state)  # the events are the truth: the standing follows
    assert state.standings.of(URL) == Standing(URL, "www.mfa.go.th", "missing", START, "404")
    state.reset()
    assert state.standings.absent() == []


def test_a_page_merely_read_as_no_article_never_confirms_a_removal() -> None:
    """A template the reader does not know reads as "no article" on every page at once:
    such checks say "missing" and no more; a redirect with a new query each time is the
    same redirect."""
    soft = Check(URL, URL, "www.mfa.go.th", START, False, 200, None, None, "no article", True)
    event, missing = judge(soft, None, DAY)
    assert event is not None and event.kind == "missing"
    later = Check(URL, URL, "www.mfa.go.th", START + 5 * DAY, False, 200, None, None, "-", True)
    assert judge(later, missing, DAY) == (None, missing)
    home = "https://www.mfa.go.th/?session=1"
    away = Check(URL, URL, "www.mfa.go.th", START + 6 * DAY, False, 302, home, None, "-")
    gone_event, gone = judge(away, missing, DAY)
    assert gone_event is not None and gone_event.kind == "gone"
    again = Check(URL, URL, "www.mfa.go.th", START + 7 * DAY, False, 302, home + "2", None, "-")
    assert judge(again, gone, DAY) == (None, gone)
