"""The documents cannot drift from the code: every setting they list exists and every
setting is listed, every path and link they give resolves, and every option they show a
``scrapy`` command taking is one it takes."""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
from pathlib import Path

import pytest
import scrapy.settings.default_settings as scrapy_defaults

import crawler.settings as project
from tests.conftest import REPO
from tests.support.project import project_settings

DOCS = sorted(
    [
        REPO / "README.md",
        *(REPO / "docs").glob("*.md"),
        REPO / "infra" / "README.md",
        REPO / "crawler" / "platforms" / "mfa" / "README.md",
    ]
)
IDS = [str(path.relative_to(REPO)) for path in DOCS]
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_PATH = re.compile(r"`((?:crawler|schemas|tests|bench|infra|scripts|docs|\.ci)/[^`\s*<>]*)`")
_ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)`", re.MULTILINE)
_COMMAND = re.compile(r"scrapy (crawl|verify|runs|export|diff|report|explain)\b([^\n|]*)")
_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
NOT_SETTINGS = {"MFA_CRAWL_OPTIONS", "NOTIFY_SMTP_PASSWORD"}  # environment only
INTERNAL = {"BOT_NAME", "SPIDER_MODULES", "NEWSPIDER_MODULE", "STATE_FENCING_TOKEN"}
"""Settings that are no operator's: Scrapy's project names, the fault suite's crash point,
the fencing token ``scrapy crawl`` sets for its own crawler."""


def _made_by_a_run(path: str) -> bool:
    """Whether ``path`` is one that git ignores: made by a run, not part of a checkout."""
    ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO, check=False)
    return ignored.returncode == 0


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_every_link_and_path_resolves(doc: Path) -> None:
    text = doc.read_text("utf-8")
    for target in _LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _sep, anchor = target.partition("#")
        resolved = (doc.parent / file).resolve() if file else doc
        assert resolved.exists(), f"{doc.name}: a link to {target} leads nowhere"
        if anchor and resolved.suffix == ".md":
            headings = [
                _anchor(h)
                for h in re.findall(r"^#+ (.+)$", resolved.read_text("utf-8"), re.MULTILINE)
            ]
            assert anchor in headings, f"{doc.name}: no heading #{anchor} in {file or doc.name}"
    for path in _PATH.findall(text):
        path = path.rstrip(".,:;)")
        if not (REPO / path).exists():  # made by a run (bench/.cache/), or a mistake
            assert _made_by_a_run(path), f"{doc.name}: {path} does not exist"


def test_every_setting_listed_exists_and_every_setting_is_listed() -> None:
    guide = (REPO / "docs" / "operating.md").read_text("utf-8")
    listed = set(_ROW.findall(guide))
    ours = {name for name in dir(project) if name.isupper()}
    known = ours | {name for name in dir(scrapy_defaults) if name.isupper()} | NOT_SETTINGS
    assert not listed - known, f"listed but no setting: {sorted(listed - known)}"
    mentioned = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", guide))
    scrapy_own = {name for name in ours if hasattr(scrapy_defaults, name)}
    unlisted = ours - mentioned - scrapy_own - INTERNAL
    assert not unlisted, f"settings no document names: {sorted(unlisted)}"


def _options(command: str) -> set[str]:
    parser = argparse.ArgumentParser()
    instance = importlib.import_module(f"crawler.commands.{command}").Command()
    instance.settings = project_settings()
    instance.add_options(parser)
    return {o for action in parser._actions for o in action.option_strings}


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_every_option_shown_is_one_its_command_takes(doc: Path) -> None:
    for command, rest in _COMMAND.findall(doc.read_text("utf-8")):
        taken = _options(command)
        for option in _OPTION.findall(rest):
            assert option in taken, f"{doc.name}: scrapy {command} takes no {option}"
