"""Write the report folder whole: built beside OUTDIR under a temporary name, then put
in its place, so a report is never half old and half new, and an interrupted build
leaves the previous report as it was.  A folder that is not a report is never replaced,
nor one that holds the archive (:mod:`crawler.storage.outdir`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawler.browse.article import article_page
from crawler.browse.gather import by_site, gather
from crawler.browse.layout import SCRIPT, STYLE, removals_file, site_file
from crawler.browse.media import copy_media, files_of, media_name
from crawler.browse.pages import index_page, quarantine_page, removals_page, site_page
from crawler.export.histories import ArticleVersions, UnreadableRecord
from crawler.storage import Storage
from crawler.storage.outdir import checked_outdir, replace_whole
from schemas.models import ArchivedArticle, StoredFile

MARKER = ".mfa-report"
"""A file every report folder holds: the folder may be replaced by the next report."""
NOTE = "Written by `scrapy report`; replaced by the next one.\n"


@dataclass(frozen=True)
class Built:
    articles: int
    sites: int
    quarantined: int
    runs: int
    unreadable: list[UnreadableRecord] = field(default_factory=list)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_report(
    storage: Storage,
    outdir: Path,
    runs: int = 20,
    today: date | None = None,
    protected: Iterable[Path] = (),
) -> Built:
    """Read the archive in ``storage`` and write its report into ``outdir`` (refused, with
    :class:`crawler.storage.outdir.OutdirRefused`, where the report may not go:
    ``protected`` are the archive's folders on this machine)."""
    outdir = checked_outdir(outdir, MARKER, "scrapy report", protected)
    return replace_whole(
        outdir, MARKER, NOTE, lambda building: _write_all(storage, building, runs, today)
    )


def _write_all(storage: Storage, building: Path, runs: int, today: date | None) -> Built:
    files: dict[str, StoredFile] = {}

    def write_article(history: ArticleVersions, latest: ArchivedArticle, page: str) -> None:
        _write(building / page, article_page(history, latest))
        for version in history.versions:
            files.update((media_name(stored), stored) for stored in files_of(version.article))

    overview = gather(storage, write_article, runs, today)
    copy_media(storage, building, files)
    sites = by_site(overview.rows)
    for site, rows in sites.items():
        _write(building / site_file(site), site_page(site, rows))
        _write(building / removals_file(site), removals_page(site, rows))
    _write(building / "quarantine.html", quarantine_page(overview))
    _write(building / "style.css", STYLE)
    _write(building / "report.js", SCRIPT)
    _write(building / "index.html", index_page(overview))  # last: the folder is whole
    return Built(
        len(overview.rows),
        len(sites),
        len(overview.quarantine),
        len(overview.runs),
        overview.unreadable,
    )
