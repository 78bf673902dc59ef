"""Shared test fixtures: where the shared sample and corpus live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MFA_SHARED_DIR", REPO.parent / "shared"))
SAMPLE = SHARED / "sample" / "mfa-asean-canada-2020.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The sample document, exactly as published (no final newline)."""
    return SAMPLE.read_bytes().decode("utf-8")
