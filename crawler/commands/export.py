"""``scrapy export OUTDIR [--view V] [--format F] [--site S] [--language L] [--kind K]
[--since DATE] [--until DATE] [--since-run RUN]``: the archive named by ``ARCHIVE_URI``
as dataset files.

Writes ``latest.jsonl``, ``latest.parquet``, ``versions.jsonl`` and ``versions.parquet``
into OUTDIR (by default both views in both formats; the rows are
:class:`schemas.export.ExportRow`), and with ``--view pairs`` ``pairs.jsonl`` and
``pairs.parquet`` (:class:`schemas.export.PairRow`, Thai-English translations).
Two exports of one archive are the same bytes.

OUTDIR is written only when it is empty or holds an earlier export (its ``.mfa-export``
marker); never ``/``, the home folder, the archive or a folder holding it
(:mod:`crawler.storage.outdir`).  Exit status 0 when written; 1 when the archive holds
no article, no quarantined page and no run report (a mistyped ``ARCHIVE_URI``: nothing is
written, an earlier export stays), or when records could not be read (the export is
written without them, and they are named here and in its card); 2 when the archive
cannot be read, an option is wrong, OUTDIR may not be written, or Parquet is asked for
without pyarrow (``pip install '.[export]'``); files of an export that failed are not
left behind.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, cast

from scrapy.commands import ScrapyCommand

from crawler.export.rows import Selection
from crawler.export.run import DEFAULT_VIEWS, FORMATS, MARKER, earlier_export, export, run_end
from crawler.state.paths import StatePaths
from crawler.storage import StorageError
from crawler.storage.archive import open_archive
from crawler.storage.outdir import OutdirRefused, checked_outdir
from schemas.export import VIEWS, View


def _choices(
    values: list[str] | None,
    allowed: tuple[str, ...],
    what: str,
    default: tuple[str, ...] | None = None,
) -> list[str]:
    chosen = [v for value in values or [] for v in value.split(",") if v]
    chosen = chosen or list(default or allowed)
    wrong = sorted(set(chosen) - set(allowed))
    if wrong:
        raise ValueError(f"unknown {what} {', '.join(wrong)} (one of {', '.join(allowed)})")
    return [v for v in allowed if v in chosen]


def _many(values: list[str] | None) -> frozenset[str]:
    return frozenset(v for value in values or [] for v in value.split(",") if v)


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "OUTDIR [--view latest|versions|pairs] [--format jsonl|parquet] [filters]"

    def short_desc(self) -> str:
        return "Export the archive as JSONL and Parquet (latest and versions views)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--view",
            action="append",
            help="latest, versions, pairs (Thai-English translations; default latest,versions)",
        )
        parser.add_argument("--format", action="append", help="jsonl, parquet (default both)")
        parser.add_argument("--site", action="append", help="only these sites (host[:port])")
        parser.add_argument("--language", action="append", help="only these languages")
        parser.add_argument("--kind", action="append", help="only these page types")
        parser.add_argument("--since", type=date.fromisoformat, help="published on or after")
        parser.add_argument("--until", type=date.fromisoformat, help="published on or before")
        parser.add_argument("--since-run", help="only what changed after this run (its id)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        try:
            if len(args) != 1:
                raise ValueError("name one output folder")
            views = cast("list[View]", _choices(opts.view, VIEWS, "view", DEFAULT_VIEWS))
            formats = _choices(opts.format, FORMATS, "format")
            if "parquet" in formats and importlib.util.find_spec("pyarrow") is None:
                raise ValueError(
                    "Parquet needs pyarrow: pip install '.[export]' (or --format jsonl)"
                )
        except ValueError as exc:
            print(f"mfa export: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        protected = StatePaths.from_settings(self.settings).local_folders
        try:
            outdir = checked_outdir(
                Path(args[0]), MARKER, "scrapy export", protected, earlier_export
            )
        except OutdirRefused as exc:
            self._fail(f"{exc}; nothing written", 2)
            return
        archive = open_archive(self.settings)
        try:
            if not archive.holds_anything():
                self._fail(
                    f"the archive at {archive.storage.location} holds no article, no"
                    " quarantined page and no run report (a mistyped ARCHIVE_URI?); nothing"
                    f" written, {outdir} left as it was",
                    1,
                )
                return
            after = run_end(archive.storage, opts.since_run) if opts.since_run else None
            sites = frozenset(site.lower() for site in _many(opts.site))  # as archived
            selection = Selection(
                sites, _many(opts.language), _many(opts.kind), opts.since, opts.until, after
            )
            done = export(archive.storage, outdir, views, formats, selection)
        except (StorageError, OSError, ValueError) as exc:
            self._fail(f"cannot export {archive.storage.location}: {exc}", 2)
            return
        finally:
            archive.storage.close()
        rows = ", ".join(f"{view} {count}" for view, count in done.rows.items())
        print(f"exported {done.articles} articles ({rows} rows) to {args[0]}:")
        for path in done.files:
            print(f"  {path}")
        if done.unreadable:
            for problem in done.unreadable:
                print(f"mfa export: left out, unreadable: {problem}", file=sys.stderr)
            self._fail(
                f"{len(done.unreadable)} records could not be read (see above and the card;"
                " scrapy verify checks the archive)",
                1,
            )

    def _fail(self, message: str, status: int) -> None:
        print(f"mfa export: {message}", file=sys.stderr)
        self.exitcode = status
