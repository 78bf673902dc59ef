"""``scrapy crawl``, one crawl per archive, returning the run's health as its exit status.

Scrapy's own ``crawl`` exits 0 whatever happened; a scheduler needs to know.  This is
Scrapy's command plus three things: it checks the arguments and the archive before
anything is fetched (:mod:`crawler.commands.preflight`), it holds the archive's locks for
the whole crawl (exit status 2, one line, if another crawl holds it or a check fails),
and it exits with the status the run summary decided.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from crawler.commands.preflight import Refused, check_archive, check_arguments, check_settings
from crawler.state.backend import ArchiveBusy
from crawler.state.hold import crawl_id, hold_archive
from crawler.state.paths import StatePaths
from crawler.storage import StorageError

logger = logging.getLogger(__name__)


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name, e.g. `scrapy crawl mfa`")
        assert self.crawler_process is not None and self.settings is not None
        paths = StatePaths.from_settings(self.settings)
        try:
            check_arguments(opts.spargs, self.settings)
            check_settings(self.settings)
            crawl = self.settings.get("REDIS_CRAWL_ID") or crawl_id(
                args[0], opts.spargs, paths.location
            )
            held = hold_archive(self.settings, crawl)
        except (Refused, ArchiveBusy) as refusal:
            self._refuse(f"mfa: not crawling {paths.location}: {refusal}")
            return
        except OSError as exc:  # the lock's folder cannot be made
            reason = f"{exc.strerror or exc}: {exc.filename}"
            self._refuse(f"mfa: not crawling {paths.location}: {reason}")
            return
        except StorageError as exc:  # the state's Redis does not answer
            self._refuse(f"mfa: not crawling {paths.location}: {exc}")
            return
        try:
            check_archive(self.settings)
        except Refused as refusal:
            held.release()
            self._refuse(f"mfa: not crawling {paths.location}: {refusal}")
            return
        if held.token is not None:  # a shared crawl: its workers find one another by name
            self.settings.set("STATE_FENCING_TOKEN", held.token, priority="cmdline")
            self.settings.set("REDIS_CRAWL_ID", crawl, priority="cmdline")
        try:
            crawler = self.crawler_process.create_crawler(args[0])
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            held.release()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif crawler.stats is not None:
            self.exitcode = int(crawler.stats.get_value("archive/exit_status", 0))

    def _refuse(self, line: str) -> None:
        """Exit 2 with one line on stderr, and in the log file if there is one (scrapyd's)."""
        print(line, file=sys.stderr)
        assert self.settings is not None
        if self.settings.get("LOG_FILE"):
            logger.error(line)
        self.exitcode = 2
