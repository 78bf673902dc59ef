"""``scrapy report OUTDIR [--runs N]``: the archive named by ``ARCHIVE_URI`` as a static
HTML archive browser in OUTDIR (``index.html`` first; opens from disk, no server).

Sites, then each site's articles (a search box, filters by language and year), then
each article's versions with their text and what changed from one to the next; the
quarantine with its reasons; the last runs with their health; charts of articles per
site per month, of updates and silent edits, and of warnings.  Exit status 0 when
written, 1 when written but the archive holds no article and no run report (a mistyped
``ARCHIVE_URI`` reads as an empty archive), 2 when the archive cannot be read or the
report cannot be written, or OUTDIR is a folder that is not a report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.extensions.context import open_archive
from crawler.report.build import NotAReport, build_report
from crawler.storage import StorageError


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

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 1 or opts.runs < 1:
            print("usage: scrapy report OUTDIR [--runs N] (N at least 1)", file=sys.stderr)
            self.exitcode = 2
            return
        outdir = Path(args[0])
        try:
            archive = open_archive(self.settings)
            built = build_report(archive.storage, outdir, opts.runs)
            archive.storage.close()
        except NotAReport as exc:
            print(f"mfa report: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        except StorageError as exc:
            print(f"mfa report: cannot read the archive: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        except OSError as exc:
            print(f"mfa report: cannot read the archive or write the report: {exc}",
                  file=sys.stderr)  # fmt: skip
            self.exitcode = 2
            return
        print(f"mfa report: {built.articles} articles of {built.sites} sites, "
              f"{built.quarantined} quarantined pages, {built.runs} runs: "
              f"{outdir / 'index.html'}")  # fmt: skip
        if not built.articles and not built.runs:  # a mistyped ARCHIVE_URI reads as empty
            print(f"mfa report: the archive at {archive.storage.location} holds no article "
                  "and no run report", file=sys.stderr)  # fmt: skip
            self.exitcode = 1
