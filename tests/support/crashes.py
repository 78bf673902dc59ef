"""Crawls that kill themselves at an exact moment (``tests/support/crashing/``)."""

from __future__ import annotations

import os
from pathlib import Path

CRASHING = Path(__file__).parent / "crashing"


def crashing(plan: str) -> dict[str, str]:
    """The environment of a crawl that kills itself at ``plan`` (``<point>:<n>``, see
    ``tests/support/crashing/sitecustomize.py``): the crawler's code has no crash points."""
    path = os.pathsep.join(filter(None, [str(CRASHING), os.environ.get("PYTHONPATH", "")]))
    return {"PYTHONPATH": path, "MFA_CRASH_AT": plan}
