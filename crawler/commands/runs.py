"""``scrapy runs [--last N] [--days D] [--json]``: how the last runs of an archive went.

Read from the run reports kept with the archive (``runs/``): the last runs, then per
site its last run and its last healthy run, and which sites have had no healthy run for
``--days`` days.  Exit status 0 when every site had one, 1 when some did not or the
archive holds no run report at all (a mistyped ``ARCHIVE_URI`` is no healthy night), 2
when the archive cannot be read or an option is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.redact import redact_data
from crawler.runs import history
from crawler.runs.report import RunReport
from crawler.storage import StorageError
from crawler.storage.archive import open_archive


def _line(run: RunReport) -> str:
    verdict = "OK" if run.healthy else "FAILED"
    counts = "; ".join(
        f"{site}: " + ", ".join(f"{k} {v}" for k, v in c.items() if v)
        for site, c in run.sites.items()
    )
    return (
        f"  {run.started:%Y-%m-%d %H:%M} UTC  {run.mode or '?':<11} {verdict:<6}"
        f" {run.duration_seconds:7.1f} s  {counts or 'nothing'}"
    )


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--last N] [--days D] [--json]"

    def short_desc(self) -> str:
        return "List the last runs of the archive, per site, and the sites without a healthy run"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--last", type=int, default=10, help="runs to list (default 10)")
        parser.add_argument(
            "--days", type=float, default=2, help="a site with no healthy run for this long"
        )
        parser.add_argument("--json", action="store_true", help="print the answer as JSON")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if opts.last < 1 or not opts.days > 0:
            print(
                f"mfa runs: --last must be 1 or more and --days above 0, not {opts.last} and"
                f" {opts.days}",
                file=sys.stderr,
            )
            self.exitcode = 2
            return
        try:
            archive = open_archive(self.settings)
            runs = history.reports(archive.storage)
            archive.storage.close()
        except (StorageError, OSError) as exc:
            print(f"mfa runs: cannot read the runs of the archive: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        if not runs:
            location = archive.storage.location
            print(f"mfa runs: no run report in {location} (runs/ is empty)", file=sys.stderr)
            self.exitcode = 1
            return
        records = history.per_site(runs)
        stale = history.stale(records, opts.days, datetime.now(UTC))
        if opts.json:
            print(
                json.dumps(
                    {
                        "archive": archive.storage.location,
                        "runs": [
                            redact_data(r.model_dump(mode="json")) for r in runs[-opts.last :]
                        ],
                        "sites": {
                            s: {
                                "last_run": r.last_run.isoformat(),
                                "last_healthy": r.last_healthy.isoformat()
                                if r.last_healthy
                                else None,
                            }
                            for s, r in sorted(records.items())
                        },
                        "stale": [r.site for r in stale],
                        "days": opts.days,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            print(
                "\n".join(
                    self._text(
                        archive.storage.location, runs[-opts.last :], records, stale, opts.days
                    )
                )
            )
        self.exitcode = 1 if stale else 0

    @staticmethod
    def _text(
        location: str,
        runs: list[RunReport],
        records: dict[str, history.SiteRecord],
        stale: list[history.SiteRecord],
        days: float,
    ) -> list[str]:
        lines = [f"archive: {location}", f"last {len(runs)} runs:", *map(_line, runs)]
        lines.append("per site:")
        for site, record in sorted(records.items()):
            healthy = f"{record.last_healthy:%Y-%m-%d %H:%M}" if record.last_healthy else "never"
            lines.append(
                f"  {site}: last run {record.last_run:%Y-%m-%d %H:%M}, last healthy {healthy}"
            )
        names = ", ".join(r.site for r in stale) or "none"
        lines.append(f"sites without a healthy run for {days:g} days: {names}")
        return lines
