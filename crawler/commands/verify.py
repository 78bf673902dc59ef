"""``scrapy verify [--repair] [--json]``: check the archive named by ``ARCHIVE_URI``.

Exit status 0 when the archive is sound, 1 when it has errors (listed), 2 when it
cannot be checked (the store does not answer, another crawl holds the archive).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.dedup_state import DedupState
from crawler.lock import ArchiveBusy, ArchiveLock, acquire_all
from crawler.resources import dedup_state_path, lock_paths, open_archive, open_schedule
from crawler.storage import StorageError, archive_location
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
        location = archive_location(self.settings.get("ARCHIVE_URI"))
        state_path = dedup_state_path(self.settings)
        locks: list[ArchiveLock] = []
        try:
            wait = self.settings.getfloat("CRAWL_LOCK_WAIT", 0.0)
            locks = acquire_all(lock_paths(self.settings), wait)
            archive = open_archive(self.settings)
            state = DedupState(state_path) if state_path.exists() or opts.repair else None
            schedule = open_schedule(self.settings) if opts.repair else None
            report = verify(archive, state, repair=opts.repair, schedule=schedule)
        except (ArchiveBusy, StorageError) as exc:
            print(f"mfa verify: cannot check {location}: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        finally:
            for lock in locks:
                lock.release()
        if opts.json:
            print(json.dumps({"archive": location, "ok": report.ok, **asdict(report)}, indent=2))
        else:
            print("\n".join([f"archive: {location}", *report.lines()]))
        self.exitcode = 0 if report.ok else 1
