"""The crawl's state on Redis, shared by every worker of a crawl (``REDIS_URL``).

The driver (redis-py) is imported only by this package and :mod:`crawler.scaleout`,
which load only with ``REDIS_URL``: a crawl without Redis never loads it.
"""

from __future__ import annotations

import importlib.util

from crawler.storage import StorageError

MISSING = "REDIS_URL needs: pip install 'mfa-archive[redis]'"


def require_driver() -> None:
    """Raise :class:`StorageError` with the one line that names the extra when the
    driver (redis-py) is not installed; it is not imported here."""
    try:
        found = importlib.util.find_spec("redis") is not None
    except ImportError:
        found = False
    if not found:
        raise StorageError(MISSING)
