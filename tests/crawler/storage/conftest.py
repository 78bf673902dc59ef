"""Storage backends for the contract suite (one parameterised suite, every backend)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.storage import Storage
from crawler.storage.local import LocalStorage

BACKENDS = ["local"]


@pytest.fixture(params=BACKENDS)
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    if request.param == "local":
        yield LocalStorage(tmp_path / "archive")
    else:  # pragma: no cover - every backend in BACKENDS is handled above
        raise AssertionError(request.param)
