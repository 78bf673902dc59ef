"""A fetched page read by the platform's selectors: its charset, its kind, its parts.

Reading never raises: a page the selectors fail on is returned with the error as its
problem, and the caller quarantines it with that reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement

from crawler.platforms.charset import ReadPage, read_page
from crawler.platforms.mfa import PageContext, PlatformPage, read_platform_page

logger = logging.getLogger(__name__)


@dataclass
class PageReading:
    """What a page is, its parts, or why it could not be read at all."""

    text: ReadPage
    page: PlatformPage | None
    problem: str | None = None

    @property
    def kind(self) -> str:
        return self.page.kind if self.page is not None else "other"


def read_fetched(
    body: bytes,
    declared: str,
    parsed: Callable[[], HtmlElement],
    context: PageContext,
    limit: int,
) -> PageReading:
    """The page in the charset that decodes it, read by content (article, listing or
    neither) from its first ``limit`` links; ``parsed()`` gives the document as parsed
    in the declared charset, which reading changes (nobody reads it afterwards)."""
    text = read_page(body, declared, parsed)
    try:
        read = read_platform_page(text.root, context, limit, in_place=True)
        return PageReading(text, read)
    except Exception as exc:
        logger.exception("could not read %s", context.url)
        return PageReading(text, None, f"{type(exc).__name__}: {exc}")
