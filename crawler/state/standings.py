"""Where each article stands when its page was last found absent (none: it is live).

The archive keeps the events (:mod:`schemas.events`); the state keeps, per article that
is not live, the one fact the next check needs: since when it has been absent, and
whether that is confirmed.  :func:`judge` is the rule: one failed check is ``missing``;
a later check at least the confirmation time after the first -- a 404, a 410 or a
redirect away, not a page merely read as no article -- is ``gone`` (or ``moved``,
when it led to another article page); a confirmed removal whose page then answers
otherwise (a 404 that becomes a redirect) is an event again; a check that finds the
article is ``back``.
Like everything in the state it derives from the archive (the latest event of each
article: :func:`standing_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from schemas.events import ArticleEvent


@dataclass(frozen=True)
class Check:
    """What one check of a known article found."""

    url: str
    canonical_url: str
    site: str
    at: datetime
    present: bool
    status: int | None = None
    location: str | None = None
    moved_to: str | None = None
    reason: str = "answers as the article again"
    soft: bool = False
    """Absent only by its reading (status 200, no article on the page): never confirms a
    removal -- a template the reader does not know, a maintenance page or a bot
    challenge read so too, on every page at once."""


@dataclass(frozen=True)
class Standing:
    """An article not live: ``missing`` (to confirm), ``gone`` or ``moved``."""

    canonical_url: str
    site: str
    kind: str
    since: datetime
    """When it was first found absent."""
    evidence: str = ""
    """How the page answered at the last event (status, where it led): a confirmed
    removal whose page starts answering otherwise (a 404 that becomes a redirect) is an
    event again."""


class StandingStore(Protocol):
    """The standings of the articles that are not live."""

    def of(self, canonical_url: str) -> Standing | None: ...
    def absent(self, sites: list[str] | None = None) -> list[Standing]: ...
    def put(self, standing: Standing) -> None: ...
    def drop(self, canonical_url: str) -> None: ...
    def clear(self) -> None: ...


def judge(
    check: Check, standing: Standing | None, confirm: timedelta
) -> tuple[ArticleEvent | None, Standing | None]:
    """The event a check makes (None: nothing new to record) and the article's standing
    after it (None: live)."""
    if check.present:
        if standing is None:
            return None, None
        return _event(check, "back"), None
    evidence = _evidence(check.status, check.location, check.moved_to)
    if standing is None:
        missing = Standing(check.canonical_url, check.site, "missing", check.at, evidence)
        return _event(check, "missing"), missing
    if check.soft or (standing.kind == "missing" and check.at - standing.since < confirm):
        return None, standing  # no proof of a removal, or too soon to confirm
    if standing.kind != "missing" and standing.evidence == evidence:
        return None, standing  # confirmed already, and the page answers as it did
    kind = "moved" if check.moved_to else "gone"
    confirmed = Standing(check.canonical_url, check.site, kind, standing.since, evidence)
    return _event(check, kind, since=standing.since), confirmed


def _evidence(status: int | None, location: str | None, moved_to: str | None) -> str:
    """How the page answered, as compared between checks: the status and where a redirect
    led, without its query (a session or a timestamp there changes every time)."""
    where = urlsplit(location).path if location else ""
    return f"{status} {where} {moved_to or ''}".strip()


def _event(check: Check, kind: str, since: datetime | None = None) -> ArticleEvent:
    return ArticleEvent.model_validate(
        {
            "kind": kind,
            "at": check.at,
            "url": check.url,
            "canonical_url": check.canonical_url,
            "status": None if check.present else check.status,
            "location": None if check.present else check.location,
            "moved_to": check.moved_to if kind == "moved" else None,
            "since": since,
            "reason": check.reason,
        }
    )


def standing_of(event: ArticleEvent, site: str) -> Standing | None:
    """An article's standing after its latest event (the rebuild from the archive)."""
    if event.kind == "back":
        return None
    evidence = _evidence(event.status, event.location, event.moved_to)
    return Standing(event.canonical_url, site, event.kind, event.since or event.at, evidence)
