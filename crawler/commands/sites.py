"""``scrapy sites [--site HOST,...] [--json]``: every site of the registry as the archive
knows it -- the listings it starts from (the registry's hints and those discovery
found), the articles archived and the oldest and newest of them, its last run and last
healthy run (:mod:`crawler.runs.sites`).

Reads the state and the run reports and writes nothing (a state file that does not
exist yet is not made).  Exit status 0; 2 when the archive or the state cannot be read,
or a site is not in the registry.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.registry import Registry, RegistryError
from crawler.runs import history
from crawler.runs.sites import overview
from crawler.state.backend import State
from crawler.state.opening import open_state
from crawler.state.paths import StatePaths
from crawler.storage import StorageError
from crawler.storage.archive import open_archive


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--site HOST,...] [--json]"

    def short_desc(self) -> str:
        return "List each site: its listings (registry, discovered), articles, last healthy run"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--site", default="all", help="registered hosts (default: all)")
        parser.add_argument("--json", action="store_true", help="print the answer as JSON")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        paths = StatePaths.from_settings(self.settings)
        state: State | None = None
        try:
            registry = Registry.load(self.settings.get("SITE_REGISTRY"))
            hosts = [site.host for site in registry.select(opts.site, "all")]
        except RegistryError as exc:
            print(f"mfa sites: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            archive = open_archive(self.settings)
            records = history.per_site(history.reports(archive.storage))
            archive.storage.close()
            if self.settings.get("REDIS_URL") or paths.database.exists():
                state = open_state(self.settings)
            sites = overview(registry, state, records, hosts)
        except (StorageError, OSError) as exc:
            print(f"mfa sites: cannot read {paths.location}: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        finally:
            if state is not None:
                state.close()
        if opts.json:
            document = {"archive": paths.location, "sites": [s.as_json() for s in sites]}
            print(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            lines = [f"archive: {paths.location}"]
            for site in sites:
                lines += site.lines()
            print("\n".join(lines))
        self.exitcode = 0
