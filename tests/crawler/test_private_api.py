"""Where the crawler relies on a library's private parts -- no public way exists -- a
test pins the behaviour relied upon, so that a release that moves it fails here:

- ``scrapy.downloadermiddlewares.cookies._split_domain`` (the Public Suffix List from a
  snapshot): ``tests/crawler/middlewares/test_cookies.py``;
- warcio's reader (``record.raw_stream.limit``, ``reader.decompressor.eof``: whether a
  record was read whole): ``tests/crawler/warc/test_files.py``, whose files cut inside a
  record's payload or gzip trailer must be cut before indexing;
- Scrapy's engine's ``_slot.nextcall`` (the engine's "look at the scheduler now", which a
  worker of a shared crawl calls when another worker queued work): below.
"""

from __future__ import annotations

import inspect

import scrapy.core.engine as engine
from scrapy.utils.reactor import CallLaterOnce


def test_the_engine_keeps_its_nextcall_in_its_slot() -> None:
    assert "self._slot = _Slot(" in inspect.getsource(engine.ExecutionEngine)
    assert "self.nextcall" in inspect.getsource(engine._Slot)
    assert callable(CallLaterOnce.schedule)
