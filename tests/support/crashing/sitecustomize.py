"""Crash points for the fault suite, installed from outside the crawler.

Proving that a crash leaves nothing half-written needs crashes at exact moments.  A
``scrapy crawl`` process started with this folder on ``PYTHONPATH`` and
``MFA_CRASH_AT=<point>:<n>`` kills itself with SIGKILL (no cleanup, no flush, as the
kernel's OOM killer would) the n-th time it reaches the point.  The crawler's code knows
nothing of it: when a module named below is imported, the function or method that marks
the moment is wrapped, before or after the call:

- ``fetched``: an article page read into an item, before the pipelines see it;
- ``validated``: an article validated, before dedup and store;
- ``upload``: a version's parts written and synced, before its record (the commit);
- ``record``: a version stored, before the state records it;
- ``state``: inside the state file's write transaction (SQLite);
- ``queued``: a request put in a shared crawl's queue buffer, before Redis has it.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

PLAN = os.environ.get("MFA_CRASH_AT", "")


def _is_article(result: Any) -> bool:
    return getattr(result, "article", None) is not None


# point -> [(module, attribute path, when, condition on the result)]
WRAPS: dict[str, list[tuple[str, str, str, Callable[[Any], bool] | None]]] = {
    "fetched": [("crawler.spiders.mfa", "fetched_page", "after", None)],
    "validated": [
        ("crawler.pipelines.validate", "ValidatePipeline.process_item", "after", _is_article)
    ],
    "upload": [
        ("crawler.storage.local", "LocalStorage.put_all", "after", None),
        ("crawler.storage.s3", "S3Storage.put_all", "after", None),
    ],
    "record": [("crawler.storage.archive", "Archive.write_version", "after", None)],
    "state": [("crawler.state.sqlite.versions", "Versions.add", "before", None)],
    "queued": [("crawler.scaleout.queue", "ReliableQueue.push", "after", None)],
}


class Countdown:
    """Kills this process at the ``count``-th visit (from any thread)."""

    def __init__(self, count: int) -> None:
        self.left = count
        self.lock = threading.Lock()

    def visit(self) -> None:
        with self.lock:
            self.left -= 1
            if self.left == 0:
                os.kill(os.getpid(), signal.SIGKILL)


def _wrapped(function: Callable[..., Any], when: str, condition: Any, countdown: Countdown) -> Any:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if when == "before":
            countdown.visit()
        result = function(*args, **kwargs)
        if when == "after" and (condition is None or condition(result)):
            countdown.visit()
        return result

    return wrapper


def _patch(module: ModuleType, path: str, when: str, condition: Any, countdown: Countdown) -> None:
    owner: Any = module
    *outer, name = path.split(".")
    for part in outer:
        owner = getattr(owner, part)
    setattr(owner, name, _wrapped(getattr(owner, name), when, condition, countdown))


def _patcher(
    path: str, when: str, condition: Any, countdown: Countdown
) -> Callable[[ModuleType], None]:
    def patch(module: ModuleType) -> None:
        _patch(module, path, when, condition, countdown)

    return patch


class _PatchOnImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the named modules with the other finders, then wraps after they execute."""

    def __init__(self, patches: dict[str, list[Callable[[ModuleType], None]]]) -> None:
        self.patches = patches
        self.loaders: dict[str, importlib.abc.Loader] = {}

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name not in self.patches:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                self.loaders[name] = spec.loader
                spec.loader = self
                return spec
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loaders[spec.name].create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loaders[module.__name__].exec_module(module)
        for patch in self.patches[module.__name__]:
            patch(module)


def _install(plan: str) -> None:
    point, _sep, count = plan.partition(":")
    if point not in WRAPS or not count.isdigit() or int(count) < 1:
        raise SystemExit(f"MFA_CRASH_AT={plan!r}: expected <point>:<n>, point in {sorted(WRAPS)}")
    countdown = Countdown(int(count))
    patches: dict[str, list[Callable[[ModuleType], None]]] = {}
    for module, path, when, condition in WRAPS[point]:
        patches.setdefault(module, []).append(_patcher(path, when, condition, countdown))
    sys.meta_path.insert(0, _PatchOnImport(patches))


if PLAN:
    _install(PLAN)
