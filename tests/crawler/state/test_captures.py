"""Each URL's last whole WARC capture, kept on both backends, forgotten with the rest."""

from __future__ import annotations

from crawler.state.backend import State
from crawler.state.captures import Capture

URL = "https://www.mfa.go.th/th/content/aseancanada2020"


def test_the_last_capture_of_a_url_is_kept_and_a_reset_forgets_it(state: State) -> None:
    assert state.captures.of(URL) is None
    state.captures.add([Capture(URL, "sha1:AAAA", "2026-12-01T00:00:00.000000Z")])
    state.captures.add(
        [
            Capture(URL, "sha1:BBBB", "2026-12-02T00:00:00.000000Z"),
            Capture(URL + "?p=2", "sha1:CCCC", "2026-12-02T00:00:01.000000Z"),
        ]
    )
    assert state.captures.of(URL) == Capture(URL, "sha1:BBBB", "2026-12-02T00:00:00.000000Z")
    assert state.captures.of(URL + "?p=2") is not None
    state.reset()
    assert state.captures.of(URL) is None
