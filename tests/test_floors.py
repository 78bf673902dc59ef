"""The floors CI tests (.ci/floors.txt) are the floors pyproject.toml declares (the
dependencies and the ``redis``, ``export`` and ``thai`` extras)."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO


def test_the_tested_floors_are_the_declared_ones() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"]
    runtime = project["dependencies"] + [
        d for name in ("redis", "export", "thai") for d in extras[name]
    ]
    declared = dict(dependency.split(">=", 1) for dependency in runtime)
    lines = (REPO / ".ci" / "floors.txt").read_text("utf-8").splitlines()
    tested = dict(line.split("==", 1) for line in lines if line and not line.startswith("#"))
    assert tested == declared
