"""A taken request is acknowledged once all its response gave is accounted for -- not
when the callback's output ends, which Scrapy reads ahead of scheduling it."""

from __future__ import annotations

from scrapy import Request

from crawler.scaleout.outcomes import PARENT, TASK, Outcomes


def _taken(task: str) -> Request:
    return Request(f"http://127.0.0.1/{task}", meta={TASK: task})


def test_a_listing_page_is_acknowledged_after_its_last_request_is_queued() -> None:
    acknowledged: list[tuple[str, bool]] = []
    outcomes = Outcomes(lambda request, gave: acknowledged.append((request.meta[TASK], gave)))
    page = _taken("page")
    task = outcomes.begin(page)
    assert task is not None and task.startswith("page:")
    children = [Request(f"http://127.0.0.1/article-{n}") for n in range(3)]
    for child in children:
        outcomes.gave(task, child)
    outcomes.ended(task)  # the scraper has read it all, and scheduled nothing yet
    assert acknowledged == []
    for child in children[:2]:
        outcomes.scheduled(Outcomes.parent(child))
    assert acknowledged == []
    assert PARENT not in children[0].meta  # not written to Redis with the request
    outcomes.scheduled(Outcomes.parent(children[2]))
    assert acknowledged == [("page", True)] and len(outcomes) == 0


def test_an_article_page_waits_for_its_item_and_a_page_that_gave_nothing_does_not() -> None:
    acknowledged: list[tuple[str, bool]] = []
    outcomes = Outcomes(lambda request, gave: acknowledged.append((request.meta[TASK], gave)))
    article, empty = _taken("article"), _taken("empty")
    task = outcomes.begin(article)
    assert task is not None
    outcomes.gave(task, {"title": "an item"})
    outcomes.item_done(article)  # stored before the scraper read on: order does not matter
    assert acknowledged == []
    outcomes.ended(task)
    empty_task = outcomes.begin(empty)
    assert empty_task is not None
    outcomes.ended(empty_task)
    assert acknowledged == [("article", False), ("empty", False)]


def test_an_output_that_never_arrives_leaves_its_request_unacknowledged() -> None:
    """A request an outer middleware filtered: the page stays taken (done again if the
    worker dies); a request not taken from the queue is not counted at all."""
    acknowledged: list[Request] = []
    outcomes = Outcomes(lambda request, _gave: acknowledged.append(request))
    page = _taken("page")
    task = outcomes.begin(page)
    assert task is not None
    outcomes.gave(task, Request("http://127.0.0.1/too-deep"))
    outcomes.ended(task)
    assert acknowledged == [] and len(outcomes) == 1
    assert outcomes.begin(Request("http://127.0.0.1/not-taken")) is None
    outcomes.scheduled(None)
    outcomes.item_done(Request("http://127.0.0.1/not-taken"))
    assert acknowledged == []


def test_two_identical_requests_held_at_once_each_have_their_outcome() -> None:
    """A replayed listing page asks again for what it showed: one worker may hold two
    byte-identical requests (one task id); each is counted on its own."""
    acknowledged: list[Request] = []
    outcomes = Outcomes(lambda request, _gave: acknowledged.append(request))
    first, second = _taken("same"), _taken("same")
    one, two = outcomes.begin(first), outcomes.begin(second)
    assert one is not None and two is not None and one != two
    child = Request("http://127.0.0.1/article")
    outcomes.gave(one, child)
    outcomes.ended(two)
    assert acknowledged == [second]
    outcomes.ended(one)
    outcomes.scheduled(Outcomes.parent(child))
    assert acknowledged == [second, first] and len(outcomes) == 0
