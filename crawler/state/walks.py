"""The walks: which sites a full, unlimited crawl has walked to the end (table ``walks``).

An incremental run stops walking a listing at the first page with nothing new.  That
is right only once some earlier run walked the listing to its end: after an
interrupted first crawl (killed, crashed, a listing page that failed, ``max_pages``)
the newest articles are known and every incremental run would stop above the older
ones, which would then never be archived.  So a run defaults to incremental only when
a complete walk of every site in the same scope is recorded; until then it defaults to
full again.  Kept in the state file, so it goes wherever the state goes.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from typing import TYPE_CHECKING

from crawler.state.sqlite import Database, placeholders

if TYPE_CHECKING:
    from crawler.state.backend import WalkStore

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


class Walks:
    """The ``walks`` table: complete walks per site and scope."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record_walk(self, sites: list[str], scope: str, completed_at: datetime) -> None:
        """Remember that a run walked the listings of ``sites`` in ``scope`` to the end."""
        with self.db.locked() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO walks VALUES (?, ?, ?)",
                [(site, scope, completed_at.isoformat()) for site in sites],
            )

    def covered(self, sites: list[str], scopes: tuple[str, ...]) -> bool:
        """Whether every one of ``sites`` has a complete walk in one of ``scopes``."""
        marks = placeholders(len(scopes))
        query = f"SELECT 1 FROM walks WHERE site = ? AND scope IN ({marks})"  # noqa: S608
        with self.db.locked() as connection:
            return all(
                connection.execute(query, (site, *scopes)).fetchone() is not None for site in sites
            )


def default_mode(walks: WalkStore, sites: list[str], scopes: tuple[str, ...], known: bool) -> str:
    """``incremental`` once a complete walk covers the run, else ``full``."""
    if walks.covered(sites, scopes):
        return "incremental"
    if known:
        logger.info(
            "mode full: no earlier run walked the listings to the end (interrupted or"
            " limited); incremental runs begin once one has"
        )
    return "full"
