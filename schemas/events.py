"""What happened to an article's page besides new versions: taken down, moved, back.

An archive is asked when a statement disappeared.  Each event is a small JSON file
beside the article's versions (``articles/<site>/<path>/:events/<time>_<kind>.json``),
written once and never changed, so an article's history is its versions and its events
in time order.  One failed check is not a removal: it is a ``missing`` event, confirmed
as ``gone`` (or ``moved``) only by a later check at least ``GONE_CONFIRM_HOURS`` after
it; a page that answers as the article again is ``back``.  Nothing is ever deleted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.models import HttpUrlStr, OneLine

EventKind = Literal["missing", "gone", "moved", "back"]
STATUSES: dict[str, str] = {
    "missing": "live",
    "back": "live",
    "gone": "gone",
    "moved": "moved",
}
"""An article's status after its latest event (no event at all: ``live``); ``missing``
is not a removal yet (it awaits confirmation)."""


class ArticleEvent(BaseModel):
    """One check of an article's page that found it absent, or present again."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    kind: EventKind
    """``missing``: a check found the page absent (not confirmed yet); ``gone``: confirmed
    absent by a later check; ``moved``: confirmed redirected to another article page;
    ``back``: the page answers as the article again after ``missing``, ``gone`` or
    ``moved``."""
    at: datetime
    """When the check that gave this event was made (UTC)."""
    url: HttpUrlStr
    """The URL that was checked."""
    canonical_url: HttpUrlStr
    """The article's canonical URL (its folder in the archive)."""
    status: int | None = None
    """The HTTP status the check got: 404, 410, a redirect's 301/302..., 200 for a page
    that is not the article any more (a soft 404); None for ``back``."""
    location: HttpUrlStr | None = None
    """Where a redirect led (credentials and signatures taken out)."""
    moved_to: HttpUrlStr | None = None
    """``moved``: the canonical URL of the article page the redirect led to."""
    since: datetime | None = None
    """``gone`` and ``moved``: when the page was first found absent (the ``missing``
    event this confirms)."""
    reason: OneLine
    """What the check saw, in words: "HTTP 404 Not Found", "redirected to the home page",
    "not an article any more (an error page?)", "answers as the article again"."""

    def dump(self) -> bytes:
        """The event file's bytes: UTF-8 JSON, Thai unescaped."""
        return (self.model_dump_json(indent=2) + "\n").encode("utf-8")
