"""The hostile-input suite (``pytest -m hostile``): what a hostile page or a careless
operator can try against the crawl and the commands around it, and a table of what
happened -- each row the input tried, what the crawler did, and whether anything was
lost or leaked (both must be "no").  The table is printed at the end of the session and
written to ``HOSTILE_REPORT`` (JSON) if that is set (:mod:`tests.support.tables`);
``docs/hostile-input.md`` keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

import pytest

from tests.support.tables import record_row


@dataclass
class HostileRow:
    tried: str
    outcome: str
    lost: bool
    leaked: bool


@pytest.fixture
def record_hostile(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Records a row of the hostile-input table."""

    def record(tried: str, outcome: str, lost: bool = False, leaked: bool = False) -> None:
        record_row(request.node, "hostile", asdict(HostileRow(tried, outcome, lost, leaked)))

    return record
