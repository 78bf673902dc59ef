"""``scrapy report OUTDIR [--runs N]``: the archive named by ``ARCHIVE_URI`` as a static
HTML archive browser in OUTDIR (``index.html`` first; opens from disk, no server).

Sites, then each site's articles (a search box, filters by language and year), then
each article's versions with their text and what changed from one to the next; the
quarantine with its reasons; the last runs with their health; charts of articles per
site per month, of updates and silent edits, and of warnings.

Exit status 0 when written; 1 when the archive holds no article, no quarantined page and
no run report (a mistyped ``ARCHIVE_URI`` reads as an empty archive: nothing is written,
the previous report stays), or when records could not be read (the report is written
without them, and they are named); 2 when the archive cannot be read, the report cannot
be written, or OUTDIR may not be written (not empty and not a report, the archive's own
folder or one holding it, ``/``, the home folder: :mod:`crawler.storage.outdir`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.browse.build import MARKER, build_report
from crawler.state.paths import StatePaths
from crawler.storage import StorageError
from crawler.storage.archive import open_archive
from crawler.storage.outdir import OutdirRefused, checked_outdir


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "OUTDIR [--runs N]"

    def short_desc(self) -> str:
        return "Write the archive as static HTML pages to browse (sites, articles, versions)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--runs", type=int, default=20, help="runs to list (default 20)")

    def _fail(self, message: str, status: int) -> None:
        print(f"mfa report: {message}", file=sys.stderr)
        self.exitcode = status

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 1 or opts.runs < 1:
            self._fail("usage: scrapy report OUTDIR [--runs N] (N at least 1)", 2)
            return
        protected = StatePaths.from_settings(self.settings).local_folders
        try:
            outdir = checked_outdir(Path(args[0]), MARKER, "scrapy report", protected)
            archive = open_archive(self.settings)
            try:
                if not archive.holds_anything():
                    self._fail(
                        f"the archive at {archive.storage.location} holds no article, no"
                        " quarantined page and no run report (a mistyped ARCHIVE_URI?);"
                        f" nothing written, {outdir} left as it was",
                        1,
                    )
                    return
                built = build_report(archive.storage, outdir, opts.runs, protected=protected)
            finally:
                archive.storage.close()
        except OutdirRefused as exc:
            self._fail(f"{exc}; nothing written", 2)
            return
        except StorageError as exc:
            self._fail(f"cannot read the archive: {exc}", 2)
            return
        except OSError as exc:
            self._fail(f"cannot read the archive or write the report: {exc}", 2)
            return
        print(
            f"mfa report: {built.articles} articles of {built.sites} sites, "
            f"{built.quarantined} quarantined pages, {built.runs} runs: "
            f"{outdir / 'index.html'}"
        )
        if built.unreadable:
            for problem in built.unreadable:
                print(f"mfa report: left out, unreadable: {problem}", file=sys.stderr)
            self._fail(
                f"{len(built.unreadable)} records could not be read (see above; scrapy verify"
                " checks the archive)",
                1,
            )
