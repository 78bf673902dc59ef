"""The tables some suites print at the end of the session (the fault suite's, the
hostile-input suite's), from rows their tests record.

A test records a row as a property of its report (:func:`record_row`), so the row
reaches the process that prints the table whichever process ran the test: with
``pytest -n`` the tests run in workers and the reports come back to the controller,
which loads this plugin from the root ``conftest.py`` (a suite's own conftest may never
be loaded there)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

PREFIX = "table:"


@dataclass
class Table:
    """A table's title, the environment variable naming its JSON copy, and its lines."""

    title: str
    report_variable: str
    head: str
    line: Callable[[dict[str, Any]], str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def _fault(row: dict[str, Any]) -> str:
    return (
        f"{row['fault']:<58} {row['injected']:>8} {row['expected']:>8} {row['archived']:>8}"
        f" {row['lost']:>5} {row['corrupt']:>7}"
    )


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _hostile(row: dict[str, Any]) -> str:
    return (
        f"{row['tried'][:62]:<62} {_yes(row['lost']):>4} {_yes(row['leaked']):>6}  {row['outcome']}"
    )


TABLES = {
    "faults": Table(
        "fault suite",
        "FAULTS_REPORT",
        f"{'fault':<58} {'injected':>8} {'expected':>8} {'archived':>8} {'lost':>5} {'corrupt':>7}",
        _fault,
    ),
    "hostile": Table(
        "hostile-input suite",
        "HOSTILE_REPORT",
        f"{'input tried':<62} {'lost':>4} {'leaked':>6}  what happened",
        _hostile,
    ),
}


def record_row(node: pytest.Item, table: str, row: dict[str, Any]) -> None:
    """One row of ``table``, kept with the test's report."""
    assert table in TABLES, table
    node.user_properties.append((PREFIX + table, row))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    for name, value in report.user_properties:
        if isinstance(name, str) and name.startswith(PREFIX) and isinstance(value, dict):
            TABLES[name.removeprefix(PREFIX)].rows.append(value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for table in TABLES.values():
        if not table.rows:
            continue
        terminalreporter.write_sep("=", table.title)
        terminalreporter.write_line(table.head)
        for row in table.rows:
            terminalreporter.write_line(table.line(row))
        if os.environ.get(table.report_variable):
            Path(os.environ[table.report_variable]).write_text(
                json.dumps(table.rows, ensure_ascii=False, indent=2) + "\n"
            )
