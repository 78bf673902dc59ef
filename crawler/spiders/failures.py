"""What a request that failed for good means: for the run summary, and for the walk of
the listing it belongs to.

A listing page that answers 404 or 410 ends its listing (as an empty page past the end
does) -- unless it is the listing's first page: a start point that is gone or moved is
a failure, and its listing stays incomplete run after run until someone looks; any
other failure of a listing page, or of an article the listing showed, cuts
that listing's walk short (a later run may find what this one lost).  An article that
answers 404 or 410 is listed as failed but does not keep its listing's walk open: no
later run would find it either.  Refusals on purpose (robots.txt, an address not
allowed, an oversized body) are listed apart.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import urlsplit

from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from crawler.context import RunLog
from crawler.spiders.pages import WALK_FIRST, WALK_PAGE, WALK_START, classify_failure
from crawler.spiders.walk import WalkLog
from crawler.urls import canonical_url

logger = logging.getLogger("crawler.spiders.mfa")


def record_failure(
    failure: Failure,
    log: RunLog,
    walks: WalkLog,
    stats: StatsCollector,
    origins: Mapping[str, str],
) -> None:
    """Count and list a request's failure (none yet while it is being retried)."""
    failed = classify_failure(failure)
    if failed.kind == "retrying":
        return  # not a failure: the request comes again after a backoff
    request = getattr(failure, "request", None)
    meta = request.meta if request is not None else {}
    walk, listing_page = meta.get(WALK_START), bool(meta.get(WALK_PAGE))
    if failed.kind == "refused":
        log.refused.append((failed.url, failed.reason))
        stats.inc_value("archive/refused")
        logger.warning("refused %s: %s", failed.url, failed.reason)
        if walk is not None and listing_page:
            walks.broken(walk, f"{failed.url}: refused: {failed.reason}")
        return
    if walk is not None and listing_page and failed.gone and not meta.get(WALK_FIRST):
        walks.dead_page(walk, failed.url, failed.reason)  # the listing ends there
        logger.warning("dead listing page %s: %s", failed.url, failed.reason)
        return
    if walk is not None and listing_page and failed.gone:  # the start point itself
        walks.broken(walk, f"{failed.url}: {failed.reason}: the listing is gone or moved")
    elif walk is not None and not failed.gone:
        walks.broken(walk, f"{failed.url}: {failed.reason}")
    log.failed.append((failed.url, failed.reason))
    stats.inc_value("archive/fetch_failed")
    site = urlsplit(canonical_url(failed.url, origins)).netloc
    stats.inc_value(f"archive/fetch_failed/{site}")
    logger.error("could not fetch %s: %s", failed.url, failed.reason)
