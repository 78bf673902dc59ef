"""The replica, started once per test session and reset between tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.harness import Replica, start_replica, stop


@pytest.fixture(scope="session")
def replica() -> Iterator[Replica]:
    server = start_replica()
    yield server
    stop(server.process)


@pytest.fixture
def fresh_replica(replica: Replica) -> Iterator[Replica]:
    """The replica with every page as loaded, before and after the test."""
    replica.control("reset")
    yield replica
    replica.control("reset")
