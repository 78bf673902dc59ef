"""What a fetch of a known article says of its page: still there, or absent.

A known article (one the state has a schedule for) is absent when its page answers 404
or 410, redirects to a page that is not the article (the home page, a listing: gone;
another article page: moved), or shows no article any more (a soft 404: an error page
with status 200).  It is present again when its page reads as an article while the
state has it as absent.  Each finding is a :class:`~crawler.state.standings.Check` item;
whether it is an event (one failed check is not a removal) is the availability
pipeline's to judge.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import response_status_message
from twisted.python.failure import Failure

from crawler.redact import redact_url
from crawler.state.standings import Check
from crawler.urls import canonical_url

GONE_STATUSES = (404, 410)


def _check(url: str, identity: str, **found: object) -> Check:
    return Check(
        url=redact_url(url),
        canonical_url=identity,
        site=urlsplit(identity).netloc,
        at=datetime.now(UTC),
        **found,  # type: ignore[arg-type]
    )


def after_error(
    failure: Failure, known: Callable[[str], bool], origins: Mapping[str, str]
) -> Check | None:
    """A known article whose page answered 404 or 410 (None: anything else)."""
    error = failure.value
    if not isinstance(error, HttpError) or error.response.status not in GONE_STATUSES:
        return None
    request = getattr(failure, "request", None)
    url = request.url if request is not None else error.response.url
    meta = request.meta if request is not None else {}
    chain = meta.get("redirect_urls") or []
    asked = chain[0] if chain else url
    identity = canonical_url(asked, origins)
    if not known(identity):
        return None
    answer = f"HTTP {response_status_message(error.response.status)}"
    if not chain:
        return _check(url, identity, present=False, status=error.response.status, reason=answer)
    status, where = _first_status(meta), redact_url(url)
    reason = f"redirected ({status}) to {_what(url, 'page')}: {where}, which answers {answer}"
    return _check(asked, identity, present=False, status=status, location=where, reason=reason)


def _first_status(meta: Mapping[str, object]) -> int | None:
    """The status of the first redirect of a chain (Scrapy's ``redirect_reasons``)."""
    reasons = meta.get("redirect_reasons")
    first = reasons[0] if isinstance(reasons, list) and reasons else None
    return first if isinstance(first, int) else None


def _what(url: str, kind: str) -> str:
    return "the home page" if urlsplit(url).path in ("", "/") else f"a {kind} page"


def after_response(
    response: Response,
    identity: str,
    kind: str,
    known: Callable[[str], bool],
    absent: Collection[str],
    origins: Mapping[str, str],
) -> tuple[Check | None, bool]:
    """What the response to an article request says of a known article, and whether the
    page is still to be read as usual (False: it is not the article, only a sign that
    the article is gone).  ``identity``: the response URL's canonical form; ``kind``: the
    page as read (``article``, ``listing``, ``other``); ``absent``: the articles the state
    has as not live."""
    chain = response.meta.get("redirect_urls") or []
    asked = canonical_url(chain[0], origins) if chain else identity
    if asked != identity and known(asked):  # redirected away from a known article
        status, where = _first_status(response.meta), redact_url(response.url)
        if kind == "article":
            reason = f"redirected ({status}) to another article page: {where}"
            return _check(
                chain[0],
                asked,
                present=False,
                status=status,
                location=where,
                moved_to=identity,
                reason=reason,
            ), True
        reason = f"redirected ({status}) to {_what(response.url, kind)}: {where}"
        return _check(
            chain[0], asked, present=False, status=status, location=where, reason=reason
        ), False
    if kind != "article" and known(identity):
        reason = (
            "no article on the page any more (an error page? a login wall? a template the"
            " reader does not know?): a removal only if a 404, a 410 or a redirect says so"
        )
        if kind == "listing":
            reason = "a listing page now, not the article"
        gone = _check(
            response.url,
            identity,
            present=False,
            status=response.status,
            reason=reason,
            soft=kind == "other",
        )
        return gone, kind == "other"
    if kind == "article" and identity in absent:
        return present(response.url, identity), True
    return None, True


def present(url: str, identity: str) -> Check:
    """The article answers as itself (a 304 too) while the state has it as absent."""
    return _check(url, identity, present=True)
