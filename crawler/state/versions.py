"""Which versions of which articles the store has confirmed (table ``versions``).

Written only after the store has confirmed a version, so the table can lag the store
(a crash in between means the next run finds the version already stored and records
it) but never lead it; it can be rebuilt from the store at any time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schemas.models import ArchivedArticle


@dataclass(frozen=True)
class KnownVersion:
    """One stored version as the state remembers it."""

    updated_date: date | None
    content_sha256: str
    version_key: str
    fetched_at: str


@dataclass(frozen=True)
class VersionRow:
    """What the state keeps of one stored version (a row of the table, in its order)."""

    canonical_url: str
    updated_date: str | None
    content_sha256: str
    version_key: str
    site: str
    fetched_at: str
    reason: str | None

    @classmethod
    def of(cls, article: ArchivedArticle, version_key: str, reason: str | None) -> VersionRow:
        updated = article.updated_date.isoformat() if article.updated_date else None
        return cls(
            article.canonical_url,
            updated,
            article.content_sha256,
            version_key,
            article.site,
            article.fetched_at.isoformat(),
            reason,
        )

    def known(self) -> KnownVersion:
        updated = date.fromisoformat(self.updated_date) if self.updated_date else None
        return KnownVersion(updated, self.content_sha256, self.version_key, self.fetched_at)
