"""Which crawler made a record or a run: the package version and the commit.

The commit comes from the checkout the crawler runs from (``git rev-parse``), or from
``MFA_COMMIT`` where there is none (an egg deployed to scrapyd, a container image: the
deploy sets it), else ``unknown``.
"""

from __future__ import annotations

import os
import subprocess
from functools import cache
from pathlib import Path

from crawler import __version__

HERE = Path(__file__).resolve().parent


@cache
def commit() -> str:
    """The crawler's commit (asked once per process)."""
    if os.environ.get("MFA_COMMIT"):
        return os.environ["MFA_COMMIT"]
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no input
            ["git", "-C", str(HERE), "rev-parse", "HEAD"],  # noqa: S607 - git from PATH
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    value = done.stdout.strip()
    return value if done.returncode == 0 and len(value) == 40 else "unknown"


def crawler_identity() -> dict[str, str]:
    return {"version": __version__, "commit": commit()}
