"""The archive's state opened from the settings: the SQLite file on this machine, or
Redis with ``REDIS_URL`` (imported only then, and said in one line when its extra is
not installed)."""

from __future__ import annotations

from scrapy.settings import BaseSettings

from crawler.state.backend import State
from crawler.state.paths import StatePaths
from crawler.state.redis import require_driver
from crawler.state.schedule import Policy
from crawler.state.sqlite.state import StateDB


def open_state(settings: BaseSettings) -> State:
    """The archive's state: on Redis with ``REDIS_URL`` (shared by the crawl's workers,
    writes fenced by ``STATE_FENCING_TOKEN``, the lease the crawl command holds), else
    the state file on this machine."""
    paths = StatePaths.from_settings(settings)
    policy = Policy.from_settings(settings)
    url = settings.get("REDIS_URL")
    if not url:
        return StateDB(paths.database, policy)
    require_driver()
    from crawler.state.redis.connection import StateConnection
    from crawler.state.redis.keys import Keys
    from crawler.state.redis.state import RedisState

    connection = StateConnection.open(url, Keys.for_archive(paths.location))
    connection.token = settings.getint("STATE_FENCING_TOKEN") or None
    return RedisState(connection, policy, settings.getfloat("REDIS_LEASE_TTL"))
