"""Shared test fixtures: where the shared sample and corpus live."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.s3server import S3Server, start_s3, stop_s3

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MFA_SHARED_DIR", REPO.parent / "shared"))
SAMPLE = SHARED / "sample" / "mfa-asean-canada-2020.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The sample document, exactly as published (no final newline)."""
    return SAMPLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3-compatible server process (moto, or ``S3_TEST_ENDPOINT``), and a
    process environment that points every AWS client at it and nowhere else."""
    server = start_s3()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in server.env.items():
            patch.setenv(name, value)
        yield server
    stop_s3(server)
