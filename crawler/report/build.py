"""Write the report folder whole: built beside OUTDIR under a temporary name, then put
in its place, so a report is never half old and half new, and an interrupted build
leaves the previous report as it was.  A folder that is not a report is never replaced.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crawler.export.histories import ArticleVersions
from crawler.report.article import article_page
from crawler.report.gather import by_site, gather
from crawler.report.layout import SCRIPT, STYLE, site_file
from crawler.report.pages import index_page, quarantine_page, site_page
from crawler.storage import Storage
from schemas.models import ArchivedArticle

MARKER = ".mfa-report"
"""A file every report folder holds: the folder may be replaced by the next report."""


class NotAReport(Exception):
    """OUTDIR may not be replaced: it exists, is not empty and is not a report, or it
    holds the folder the command runs in.  It is left alone."""


@dataclass(frozen=True)
class Built:
    articles: int
    sites: int
    quarantined: int
    runs: int


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_report(
    storage: Storage, outdir: Path, runs: int = 20, today: date | None = None
) -> Built:
    """Read the archive in ``storage`` and write its report into ``outdir``."""
    outdir = outdir.resolve()  # ``.`` has a name to build beside; a link, its folder
    if Path.cwd().is_relative_to(outdir):
        raise NotAReport(f"{outdir} holds this shell's folder: run the report from outside it")
    if outdir.exists() and any(outdir.iterdir()) and not (outdir / MARKER).exists():
        raise NotAReport(f"{outdir} is not empty and holds no report: choose another folder")
    building = outdir.with_name(f".{outdir.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    try:
        counts = _write_all(storage, building, runs, today)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)  # the previous report stays as it was
        raise
    old = outdir.with_name(f".{outdir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if outdir.exists():
        outdir.rename(old)
    building.rename(outdir)
    shutil.rmtree(old, ignore_errors=True)
    return counts


def _write_all(storage: Storage, building: Path, runs: int, today: date | None) -> Built:
    def write_article(history: ArticleVersions, latest: ArchivedArticle, page: str) -> None:
        _write(building / page, article_page(history, latest))

    overview = gather(storage, write_article, runs, today)
    sites = by_site(overview.rows)
    for site, rows in sites.items():
        _write(building / site_file(site), site_page(site, rows))
    _write(building / "quarantine.html", quarantine_page(overview))
    _write(building / "style.css", STYLE)
    _write(building / "report.js", SCRIPT)
    _write(building / MARKER, "Written by `scrapy report`; replaced by the next one.\n")
    _write(building / "index.html", index_page(overview))  # last: the folder is whole
    return Built(len(overview.rows), len(sites), len(overview.quarantine), len(overview.runs))
