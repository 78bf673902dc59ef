"""A site's budget holds in the middleware: the request beyond it waits for room."""

from __future__ import annotations

import pytest_twisted
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import deferLater

from crawler.middlewares.politeness import SlotConcurrency


async def _turn() -> None:
    """Let the reactor run what is ready."""
    from twisted.internet import reactor

    for _ in range(3):
        await deferLater(reactor, 0, lambda: None)


@pytest_twisted.ensureDeferred
async def test_the_request_beyond_the_budget_waits_until_one_leaves() -> None:
    middleware = SlotConcurrency(default=4, budgets={"slow.example": 2})
    requests = [
        Request(f"https://slow.example/{n}", meta={"download_slot": "slow.example"})
        for n in range(3)
    ]
    passed = [deferred_from_coro(middleware.process_request(r)) for r in requests]
    await _turn()
    assert [d.called for d in passed] == [True, True, False]
    middleware.process_exception(requests[0], OSError("reset"))  # one leaves, failed
    await _turn()
    assert passed[2].called
    middleware.process_response(requests[1], Response(requests[1].url, request=requests[1]))
    other = deferred_from_coro(middleware.process_request(Request("https://other.example/")))
    await _turn()
    assert other.called  # another site has a budget of its own
