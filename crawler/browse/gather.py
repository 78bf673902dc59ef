"""What the report shows, gathered in one pass over the archive.

Articles come from :func:`crawler.export.histories.histories` (a listing in key order,
one article at a time); each one's page is handed to ``write_article`` as soon as its
versions are read, and only a short row per article stays in memory for the site pages
and the charts.  The quarantine and the run reports are read after.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crawler.export.histories import ArticleVersions, UnreadableRecord, histories, read
from crawler.export.rows import latest_of
from crawler.runs.history import reports
from crawler.runs.report import RunReport
from crawler.storage import Storage
from crawler.storage.layout import QUARANTINE, REASONS
from schemas.assess import bangkok_today
from schemas.models import ArchivedArticle

UNDATED = "undated"


@dataclass(frozen=True)
class ArticleRow:
    """One article as the site page lists it (its latest version)."""

    site: str
    language: str
    year: str
    title: str
    url: str
    page: str
    """The article page's file name in the report (``a/<hash>.html``)."""
    published: str
    versions: int
    silent_edits: int
    warnings: int
    status: str = "live"
    """``live``, ``gone`` or ``moved`` (:mod:`schemas.events`)."""
    gone_since: str = ""
    moved_to: str = ""


@dataclass(frozen=True)
class Quarantined:
    url: str
    fetched_at: str
    reasons: list[str]


@dataclass
class Overview:
    """Everything the index and the site pages show."""

    rows: list[ArticleRow] = field(default_factory=list)
    per_month: dict[str, Counter[str]] = field(default_factory=dict)
    """Site -> articles per month of publication (``YYYY-MM``)."""
    updates: Counter[str] = field(default_factory=Counter)
    """Versions archived because the page's update date moved on, per month of that date."""
    silent_edits: Counter[str] = field(default_factory=Counter)
    """Versions whose content changed under the same update date, per month fetched."""
    warnings: Counter[str] = field(default_factory=Counter)
    """The latest versions' warnings, per field and reason."""
    quarantine: list[Quarantined] = field(default_factory=list)
    runs: list[RunReport] = field(default_factory=list)
    unreadable: list[UnreadableRecord] = field(default_factory=list)
    """Records that could not be read (left out of the report, named by the command)."""
    today: date = field(default_factory=bangkok_today)
    """When the report is made, in Bangkok as the article checks count it: a date after
    it is implausible (not charted)."""


def by_site(rows: list[ArticleRow]) -> dict[str, list[ArticleRow]]:
    """The rows grouped by site, sites in name order."""
    grouped: dict[str, list[ArticleRow]] = {}
    for row in rows:
        grouped.setdefault(row.site, []).append(row)
    return dict(sorted(grouped.items()))


def page_name(folder: str) -> str:
    """The article page's file in the report: a hash of the article's folder key (keys
    come from untrusted URLs; the hash is a safe, stable file name)."""
    return f"a/{hashlib.sha256(folder.encode('utf-8')).hexdigest()[:20]}.html"


def _row(history: ArticleVersions, latest: ArchivedArticle, page: str) -> ArticleRow:
    published = latest.imported_date or latest.updated_date
    removed = history.removal
    return ArticleRow(
        site=latest.site,
        language=latest.language or "?",
        year=str(published.year) if published else UNDATED,
        title=latest.title or latest.canonical_url,
        url=latest.canonical_url,
        page=page,
        published=published.isoformat() if published else "",
        versions=len(history.versions),
        silent_edits=sum(1 for v in history.versions if v.article.version_reason == "silent_edit"),
        warnings=len(latest.warnings),
        status=history.status,
        gone_since=f"{removed.since:%Y-%m-%d %H:%M}" if removed and removed.since else "",
        moved_to=(removed.moved_to or "") if removed is not None else "",
    )


def _count(
    overview: Overview, history: ArticleVersions, latest: ArchivedArticle, row: ArticleRow
) -> None:
    month = row.published[:7] or UNDATED
    overview.per_month.setdefault(row.site, Counter())[month] += 1
    for version in history.versions:
        article = version.article
        if article.version_reason == "updated" and article.updated_date is not None:
            overview.updates[article.updated_date.isoformat()[:7]] += 1
        elif article.version_reason == "silent_edit":
            overview.silent_edits[article.fetched_at.strftime("%Y-%m")] += 1
    for finding in latest.warnings:
        overview.warnings[f"{finding.field}: {finding.reason}"] += 1


def _reasons(key: str, data: bytes, unreadable: list[UnreadableRecord]) -> dict[str, Any] | None:
    """A quarantined page's ``reasons.json``, or None (counted as unreadable)."""
    try:
        reasons = json.loads(data)
    except ValueError as exc:
        unreadable.append(UnreadableRecord(key, f"not JSON: {exc}"))
        return None
    if not isinstance(reasons, dict):
        unreadable.append(UnreadableRecord(key, "not a JSON object"))
        return None
    return reasons


def gather(
    storage: Storage,
    write_article: Callable[[ArticleVersions, ArchivedArticle, str], None],
    runs: int = 20,
    today: date | None = None,
) -> Overview:
    """Read the archive, writing each article's page on the way; what the index needs."""
    overview = Overview() if today is None else Overview(today=today)
    for history in histories(storage):
        versions = read(storage, history, overview.unreadable)
        if versions is None:
            continue
        page, latest = page_name(versions.folder), latest_of(versions)
        write_article(versions, latest, page)
        row = _row(versions, latest, page)
        overview.rows.append(row)
        _count(overview, versions, latest, row)
    for key in storage.list(QUARANTINE):
        if key.endswith(f"/{REASONS}"):
            data = storage.get(key)
            reasons = _reasons(key, data, overview.unreadable) if data is not None else None
            if reasons is not None:
                overview.quarantine.append(
                    Quarantined(
                        url=reasons.get("url", ""),
                        fetched_at=reasons.get("fetched_at", ""),
                        reasons=[
                            f"{f.get('field')}: {f.get('reason')}"
                            for f in reasons.get("findings", [])
                        ],
                    )
                )
    overview.runs = reports(storage, last=runs)
    return overview
