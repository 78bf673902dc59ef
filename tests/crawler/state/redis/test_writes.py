"""Several workers writing one article's state at once, on a real Redis: no lost
update, and a version never without its schedule."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from crawler.state.redis.keys import Keys
from crawler.state.schedule import article_observation
from tests.support.project import make_article, open_redis_state

pytestmark = pytest.mark.redis
SITE = ["www.mfa.go.th"]


def test_two_workers_recording_versions_of_one_article_lose_none(redis_url: str) -> None:
    article = make_article()
    workers = [open_redis_state(redis_url, "/archive") for _ in range(2)]

    def record(worker: int) -> None:
        for n in range(40):
            fetched = article.fetched_at + timedelta(minutes=2 * n + worker)
            version = article.model_copy(update={"fetched_at": fetched})
            seen = article_observation(version, n % 2 == 0)
            workers[worker].record_version(version, f"articles/x/v{worker}-{n}", "first", seen)

    threads = [threading.Thread(target=record, args=(w,)) for w in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = workers[0]
    known = state.versions.of(article.canonical_url)
    assert len(known) == 80 and state.versions.count() == 80
    assert [v.fetched_at for v in known] == sorted(v.fetched_at for v in known)
    assert state.schedule.count(SITE) == 1
    [entry] = state.schedule.due(SITE, article.fetched_at + timedelta(days=400))
    assert entry.canonical_url == article.canonical_url
    for worker in workers:
        worker.close()


def test_two_archives_on_one_redis_share_no_key(redis_url: str) -> None:
    article = make_article()
    one, other = open_redis_state(redis_url, "/a"), open_redis_state(redis_url, "/b")
    one.record_version(article, "articles/x/v1", "first", article_observation(article, True))
    assert other.versions.count() == 0 and other.schedule.count() == 0
    keys = one.connection.client.keys("*")
    assert keys and all(str(key).startswith(Keys.for_archive("/a").prefix) for key in keys)
    one.close()
    other.close()
