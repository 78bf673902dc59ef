"""``scrapy diff URL [--from V] [--to V]``: what changed between two versions of an
article in the archive named by ``ARCHIVE_URI``.

Versions are named by number (1 is the first archived, ``-1`` the last) or by key; by
default the last two.  Prints the fields that changed, then the body: unchanged
paragraphs counted, removed ones ``- ``, added ones ``+ ``, changed ones ``~ `` with
their words marked ``[-removed-]{+added+}``; control characters of the page's text are
printed as their escapes (:mod:`crawler.commands.terminal`).  Exit status 0, or 2 when
the article or a version is not in the archive or the archive cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.commands.terminal import printable, shown
from crawler.diffing.versions import Paragraph, diff
from crawler.diffing.words import segmenter
from crawler.export.histories import ArticleVersions, Version, histories, read
from crawler.storage import StorageError
from crawler.storage.archive import open_archive
from crawler.storage.layout import article_prefix
from crawler.urls import canonical_url


def _pick(history: ArticleVersions, name: str) -> tuple[int, Version]:
    versions = history.versions
    if name.lstrip("-").isdigit():
        number = int(name)
        index = number - 1 if number > 0 else len(versions) + number
        if 0 <= index < len(versions):
            return index + 1, versions[index]
    for number, version in enumerate(versions, start=1):
        if version.key == name or version.key.endswith(f"/{name}"):
            return number, version
    raise ValueError(f"no version {name} (the article has {len(versions)})")


def render(paragraphs: list[Paragraph]) -> list[str]:
    lines, same = [], 0
    for paragraph in paragraphs:
        if paragraph.op == "equal":
            same += 1
            continue
        if same:
            lines.append(f"  ({same} paragraph{'s' if same > 1 else ''} unchanged)")
            same = 0
        if paragraph.op == "removed":
            lines.append(f"- {printable(paragraph.old or '')}")
        elif paragraph.op == "added":
            lines.append(f"+ {printable(paragraph.new or '')}")
        else:
            marks = {"equal": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
            lines.append(
                "~ " + "".join(marks[p.op].format(printable(p.text)) for p in paragraph.pieces)
            )
    if same:
        lines.append(f"  ({same} paragraph{'s' if same > 1 else ''} unchanged)")
    return lines


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "URL [--from V] [--to V]"

    def short_desc(self) -> str:
        return "Show what changed between two versions of an archived article"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--from", dest="old", default="-2", help="version (default -2)")
        parser.add_argument("--to", dest="new", default="-1", help="version (default -1)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 1:
            print("mfa diff: name one article URL", file=sys.stderr)
            self.exitcode = 2
            return
        storage = open_archive(self.settings).storage
        try:
            folder = article_prefix(canonical_url(args[0]))
            mine = [h for h in histories(storage, folder + "/") if h.folder == folder]
            found = read(storage, mine[0]) if mine else None
            if found is None:
                raise ValueError(f"{args[0]} is not in the archive")
            if len(found.versions) < 2 and (opts.old, opts.new) == ("-2", "-1"):
                raise ValueError(f"{args[0]} has one version only: nothing to compare")
            (one, old), (two, new) = _pick(found, opts.old), _pick(found, opts.new)
        except (StorageError, OSError, ValueError) as exc:
            print(f"mfa diff: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        finally:
            storage.close()
        changes = diff(old.article, new.article)
        names = [version.key.rsplit("/", 1)[1] for version in (old, new)]
        print(
            f"{printable(new.article.canonical_url)}: version {one} ({names[0]}) -> version {two}"
            f" ({names[1]}), words by {segmenter()[0]}"
        )
        for name, before, after in changes.fields:
            print(f"{name}: {shown(before)} -> {shown(after)}")
        print(*render(changes.paragraphs), sep="\n")
