"""The run ledger: which sites a full, unlimited crawl has walked to the end.

An incremental run stops walking a listing at the first page with nothing new.  That
is right only once some earlier run walked the listing to its end: after an
interrupted first crawl (killed, crashed, a listing page that failed, ``max_pages``)
the newest articles are known and every incremental run would stop above the older
ones, which would then never be archived.  So a run defaults to incremental only when
the ledger records a complete walk of every site in the same scope; until then it
defaults to full again.

Kept in the dedup state file (a table of its own), so it goes wherever the state goes.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from pathlib import Path

from crawler.dedup_state import StateFile, placeholders

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS walks (
    site TEXT NOT NULL,
    scope TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    PRIMARY KEY (site, scope)
);
"""


def walk_scopes(lang: str | None, start_urls: list[str]) -> tuple[str, ...]:
    """The scope a run walks, then the wider scopes whose complete walk covers it.

    A run over the registry's listings is scoped by language (``lang:th`` is covered by
    a walk of ``lang:all``); a run from explicit start URLs by exactly those URLs.
    """
    if start_urls:
        digest = hashlib.sha256("\n".join(sorted(start_urls)).encode()).hexdigest()[:16]
        return (f"start:{digest}",)
    return (f"lang:{lang}", "lang:all") if lang else ("lang:all",)


class RunLedger(StateFile):
    """The ``walks`` table of the dedup state file."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, SCHEMA)

    def record_walk(self, sites: list[str], scope: str, completed_at: datetime) -> None:
        """Remember that a run walked the listings of ``sites`` in ``scope`` to the end."""
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO walks VALUES (?, ?, ?)",
                [(site, scope, completed_at.isoformat()) for site in sites],
            )

    def covered(self, sites: list[str], scopes: tuple[str, ...]) -> bool:
        """Whether every one of ``sites`` has a complete walk in one of ``scopes``."""
        marks = placeholders(len(scopes))
        query = f"SELECT 1 FROM walks WHERE site = ? AND scope IN ({marks})"  # noqa: S608
        with self._lock:
            return all(
                self._db.execute(query, (site, *scopes)).fetchone() is not None for site in sites
            )


def default_mode(ledger: RunLedger, sites: list[str], scopes: tuple[str, ...], known: bool) -> str:
    """``incremental`` once a complete walk covers the run, else ``full``."""
    if ledger.covered(sites, scopes):
        return "incremental"
    if known:
        logger.info(
            "mode full: no earlier run walked the listings to the end (interrupted or"
            " limited); incremental runs begin once one has"
        )
    return "full"
