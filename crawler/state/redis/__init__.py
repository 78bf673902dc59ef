"""The crawl's state on Redis, shared by every worker of a crawl (``REDIS_URL``).

The driver (redis-py) is imported only by this package and :mod:`crawler.scaleout`,
which load only with ``REDIS_URL``: a crawl without Redis never loads it.
"""

from __future__ import annotations

from crawler.extras import missing_extra
from crawler.storage import StorageError


def require_driver() -> None:
    """Raise :class:`StorageError` with the one line that names the extra when the
    driver (redis-py, scrapy-redis) is not installed; nothing of it is imported here."""
    missing = missing_extra({"REDIS_URL": True})
    if missing:
        raise StorageError(missing)
