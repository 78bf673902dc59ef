"""``scrapy verify [--repair] [--json]``: check the archive named by ``ARCHIVE_URI``.

Exit status 0 when the archive is sound; 1 when it has errors (listed), or holds no
article, no quarantined page and no run report (a mistyped ``ARCHIVE_URI``: one line,
nothing made there); 2 when it cannot be checked (the store does not answer, another
crawl holds the archive, a malformed ``REDIS_URL``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.state.backend import ArchiveBusy, State
from crawler.state.hold import Held, hold_archive
from crawler.state.opening import open_state
from crawler.state.paths import StatePaths
from crawler.storage import StorageError
from crawler.storage.archive import open_archive
from crawler.verify import verify


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--repair] [--json]"

    def short_desc(self) -> str:
        return "Check the archive: records, texts, hashes, latest pointers, dedup state"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--repair", action="store_true", help="rebuild what derives from the records"
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        paths = StatePaths.from_settings(self.settings)
        held: Held | None = None
        state: State | None = None
        shared = bool(self.settings.get("REDIS_URL"))
        try:
            archive = open_archive(self.settings)
            if not archive.holds_anything():  # checked before a lock is made there
                archive.storage.close()
                print(
                    f"mfa verify: the archive at {paths.location} holds no article, no"
                    " quarantined page and no run report (a mistyped ARCHIVE_URI?)",
                    file=sys.stderr,
                )
                self.exitcode = 1
                return
            held = hold_archive(self.settings, "verify")
            if held.token is not None:
                self.settings.set("STATE_FENCING_TOKEN", held.token, priority="cmdline")
            if shared or paths.database.exists() or opts.repair:
                state = open_state(self.settings)
            report = verify(archive, state, repair=opts.repair)
        except (ArchiveBusy, StorageError, OSError) as exc:
            print(f"mfa verify: cannot check {paths.location}: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        finally:
            if state is not None:
                state.close()
            if held is not None:
                held.release()
        if opts.json:
            document = {"archive": paths.location, "ok": report.ok, **asdict(report)}
            print(json.dumps(document, indent=2))
        else:
            print("\n".join([f"archive: {paths.location}", *report.lines()]))
        self.exitcode = 0 if report.ok else 1
