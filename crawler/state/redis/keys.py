"""The Redis keys of one archive's state: every key starts with the archive's prefix.

The prefix names the archive (a digest of its location, as the state folder does on a
machine), so two archives on one Redis never share a key.  Article keys hold the
canonical URL as it is: Redis keys are binary-safe, and a readable key is easier to
inspect with ``redis-cli``.
"""

from __future__ import annotations

import hashlib
import os
import socket
from dataclasses import dataclass


def worker_name() -> str:
    """This process, as the other workers see it (host and PID)."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Keys:
    """Key names under one archive's prefix."""

    prefix: str

    @classmethod
    def for_archive(cls, location: str) -> Keys:
        return cls(f"mfa:{hashlib.sha256(location.encode()).hexdigest()[:12]}:")

    def versions(self, canonical_url: str) -> str:
        """Hash: version key -> the version's row (JSON)."""
        return f"{self.prefix}v:{canonical_url}"

    @property
    def version_keys(self) -> str:
        """Set: every version key (count, verify)."""
        return f"{self.prefix}vkeys"

    @property
    def version_urls(self) -> str:
        """Set: every article with versions (to clear them)."""
        return f"{self.prefix}vurls"

    @property
    def sequence(self) -> str:
        """Counter: the order versions were recorded in (ties of fetch time)."""
        return f"{self.prefix}vseq"

    def entry(self, canonical_url: str) -> str:
        """Hash: an article's schedule entry."""
        return f"{self.prefix}s:{canonical_url}"

    def due(self, site: str) -> str:
        """Sorted set: a site's articles by next due time (epoch seconds)."""
        return f"{self.prefix}due:{site}"

    def imported(self, site: str) -> str:
        """Sorted set: a site's articles by import date (proleptic ordinal)."""
        return f"{self.prefix}imported:{site}"

    @property
    def sites(self) -> str:
        """Set: sites with a schedule."""
        return f"{self.prefix}sites"

    @property
    def walks(self) -> str:
        """Hash: ``site<US>scope`` -> when a complete walk ended (before listings had
        records of their own)."""
        return f"{self.prefix}walks"

    @property
    def listing_walks(self) -> str:
        """Hash: listing URL -> its walk record (JSON)."""
        return f"{self.prefix}lwalks"

    @property
    def media(self) -> str:
        """Hash: URL -> the archive's copy of its file (JSON)."""
        return f"{self.prefix}media"

    def site_pages(self, site: str) -> str:
        """Hash: page URL -> what discovery found it to be (JSON), one per site."""
        return f"{self.prefix}sitepages:{site}"

    @property
    def standings(self) -> str:
        """Hash: canonical URL -> the standing of an article not live (JSON)."""
        return f"{self.prefix}standings"

    @property
    def captures(self) -> str:
        """Hash: URL -> its last full WARC capture (digest and date)."""
        return f"{self.prefix}captures"

    @property
    def fence(self) -> str:
        """Counter: the fencing token of the crawl that holds the archive."""
        return f"{self.prefix}fence"

    @property
    def lease(self) -> str:
        """String with a TTL: the crawl that holds the archive, and its token."""
        return f"{self.prefix}lease"

    @property
    def lease_workers(self) -> str:
        """Sorted set: the workers sharing the lease, by their last heartbeat (ms)."""
        return f"{self.lease}:workers"

    def article_lock(self, canonical_url: str) -> str:
        """String with a TTL: the worker writing this article now."""
        return f"{self.prefix}lock:{canonical_url}"
