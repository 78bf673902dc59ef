"""Benchmarks, apart from the tests: ``python -m bench`` (see bench/run.py).

They measure, and check the behavioural aims (``bench/aims.py``: a missed one makes the
exit status 1); rates and CPU are figures, not verdicts.  Large replicas are generated
from the corpus (``bench/site.py``), served on 127.0.0.1 by a Twisted resource that
serves files (``bench/server.py``), and crawled by the real crawler and by a bare
Scrapy spider (``bench/bare_spider.py``) with the same settings.
"""
