"""Every state test runs on both backends: the SQLite file and a real Redis."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.state.backend import State
from tests.support.project import open_redis_state, open_state

BACKENDS = ["sqlite", pytest.param("redis", marks=pytest.mark.redis)]


@pytest.fixture(params=BACKENDS)
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., State]]:
    """Opens the archive's state on this test's backend (again: as a restart would)."""
    opened: list[State] = []

    def opener(**policy: Any) -> State:
        if request.param == "sqlite":
            state: State = open_state(tmp_path / "state" / "dedup.sqlite3", **policy)
        else:
            url = request.getfixturevalue("redis_url")
            state = open_redis_state(url, str(tmp_path), **policy)
        opened.append(state)
        return state

    yield opener
    for state in opened:
        state.close()


@pytest.fixture
def state(open_backend: Callable[..., State]) -> State:
    return open_backend()
