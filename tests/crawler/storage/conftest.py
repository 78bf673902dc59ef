"""Storage backends for the contract suite (one parameterised suite, every backend).

``s3`` talks HTTP to a real S3-compatible server process (moto's standalone server,
or the server named by ``S3_TEST_ENDPOINT``), with a bucket of its own per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.storage import Storage
from crawler.storage.local import LocalStorage
from tests.support.s3server import S3Server, s3_archive

BACKENDS = ["local", pytest.param("s3", marks=pytest.mark.s3)]


@pytest.fixture(params=BACKENDS)
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    if request.param == "local":
        yield LocalStorage(tmp_path / "archive")
        return
    server: S3Server = request.getfixturevalue("s3_server")
    bucket = server.new_bucket()
    yield s3_archive(bucket)
