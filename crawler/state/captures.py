"""Which payload each URL answered with when last archived in full, for the WARC files.

A crawl that fetches an unchanged page again writes a WARC ``revisit`` record
(``identical-payload-digest``) naming that earlier capture instead of the whole
response again, as Heritrix's DeDuplicator and browsertrix-crawler do across crawls.
A capture is recorded only once the WARC file holding it is in the archive
(:func:`crawler.warc.files.publish`), so a revisit never names a record the archive
lacks.  It is a saving, not a record of its own: a state rebuilt from the archive starts
with none, and the next crawl writes whole responses again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Capture:
    """A response record written in full: its URL, payload digest and ``WARC-Date``."""

    url: str
    digest: str
    date: str


class CaptureStore(Protocol):
    """The last full capture of each URL."""

    def of(self, url: str) -> Capture | None: ...
    def add(self, captures: list[Capture]) -> None: ...
    def clear(self) -> None: ...
