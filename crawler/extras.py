"""The optional extras: which setting needs which extra, and whether it is installed.

One place for the one line a missing extra gets (``REDIS_URL needs: pip install
'mfa-archive[redis]'``), said by the checks before a crawl and by whatever opens the
backend; the extra's modules are looked for, not imported.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from typing import Any

EXTRAS = {"REDIS_URL": ("redis", ("redis", "scrapy_redis"))}
"""A setting, the extra that installs what it needs, and the modules that are that."""


def missing_extra(settings: Mapping[str, Any]) -> str | None:
    """What a setting set in ``settings`` asks for that is not installed, and how to
    install it (None: nothing is missing)."""
    for name, (extra, modules) in EXTRAS.items():
        if settings.get(name) and not all(_installed(module) for module in modules):
            return f"{name} needs: pip install 'mfa-archive[{extra}]'"
    return None


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:  # a parent package missing, or an import blocked on purpose
        return False
