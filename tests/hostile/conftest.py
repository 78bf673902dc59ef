"""The hostile-input suite (``pytest -m hostile``): what a hostile page or a careless
operator can try against the crawl and the commands around it, and a table of what
happened -- each row the input tried, what the crawler did, and whether anything was
lost or leaked (both must be "no").  The table is printed at the end of the session and
written to ``HOSTILE_REPORT`` (JSON) if that is set; ``docs/hostile-input.md`` keeps it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest


@dataclass
class HostileRow:
    tried: str
    outcome: str
    lost: bool
    leaked: bool


ROWS: list[HostileRow] = []


@pytest.fixture
def record_hostile() -> Callable[..., None]:
    def record(tried: str, outcome: str, lost: bool = False, leaked: bool = False) -> None:
        ROWS.append(HostileRow(tried, outcome, lost, leaked))

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    terminalreporter.write_sep("=", "hostile-input suite")
    terminalreporter.write_line(f"{'input tried':<62} {'lost':>4} {'leaked':>6}  what happened")
    for row in ROWS:
        terminalreporter.write_line(
            f"{row.tried[:62]:<62} {'yes' if row.lost else 'no':>4}"
            f" {'yes' if row.leaked else 'no':>6}  {row.outcome}"
        )
    if os.environ.get("HOSTILE_REPORT"):
        Path(os.environ["HOSTILE_REPORT"]).write_text(
            json.dumps([asdict(row) for row in ROWS], ensure_ascii=False, indent=2) + "\n"
        )
