"""The crawl's state on Redis, shared by every worker of a crawl (``REDIS_URL``).

The driver (redis-py) is imported here and nowhere else: a crawl without Redis never
loads it.
"""
