"""Started before anything else in a process whose PYTHONPATH holds this folder: the
modules named in ``MFA_WITHOUT`` (comma-separated) cannot be imported, as if the extra
that installs them were not installed (``tests/e2e/test_packaging.py``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

BLOCKED = frozenset(name for name in os.environ.get("MFA_WITHOUT", "").split(",") if name)


class _Without:
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, _Without())
