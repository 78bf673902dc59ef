"""The project's commands run in this process: ``scrapy report``, ``export``, ``verify``,
``runs``, ``diff`` as their users run them, without a process each (a command is its
``Command`` class: options parsed as Scrapy parses them, settings as ``-s`` gives them)."""

from __future__ import annotations

import argparse
import importlib
import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from typing import Any

from tests.support.project import project_settings


@dataclass(frozen=True)
class Ran:
    """What a command left: its exit status and what it printed."""

    status: int
    out: str
    err: str


def run_command(name: str, *argv: str, strict: bool = False, **settings: Any) -> Ran:
    """``scrapy <name> <argv> -s NAME=value...``; any exception is the test's failure (a
    command never ends in a traceback).  Scrapy passes what its parser does not know on to
    the command as arguments; ``strict`` fails on an option the command does not take."""
    command = importlib.import_module(f"crawler.commands.{name}").Command()
    command.settings = project_settings(**settings)
    parser = argparse.ArgumentParser(prog=f"scrapy {name}")
    command.add_options(parser)
    opts, args = parser.parse_known_args(list(argv))
    unknown = [a for a in args if a.startswith("-") and not a.lstrip("-").isdigit()]
    if strict and unknown:
        raise AssertionError(f"scrapy {name} takes no option {unknown}")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        command.run(args, opts)
    return Ran(int(command.exitcode), out.getvalue(), err.getvalue())
