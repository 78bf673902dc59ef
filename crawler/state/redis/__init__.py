"""The crawl's state on Redis, shared by every worker of a crawl (``REDIS_URL``).

The driver (redis-py) is imported only by this package and :mod:`crawler.scaleout`,
which load only with ``REDIS_URL``: a crawl without Redis never loads it.
"""
