"""``scrapy explain URL|FILE [--url URL]``: what a page is read as, field by field.

An operator's tool for the day a site changes: for a live page (fetched once, with the
crawl's User-Agent and size cap) or a saved one (an archived version's ``page.html``,
whose ``article.json`` beside it names its URL; else ``--url``), it prints each field
with the element it came from (a short CSS-like path and its line), the page's evidence
(``<title>``, ``og:*``, JSON-LD, Next.js page props) and whether it agrees, the warnings,
and the text form the archive would keep.  Page text is printed with its control
characters escaped.  Exit status 0 when the page was read (an article, a listing or
neither: the first line says which), 2 when it cannot be fetched or read.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from email.message import Message
from pathlib import Path
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand

from crawler.commands.terminal import printable
from crawler.platforms.explain import explain, lines
from crawler.redact import redact_url


class Unreadable(Exception):
    """The page cannot be had: one line says why."""


def _saved(path: Path, url: str | None) -> tuple[bytes, str, str]:
    if url is None:
        beside = path.with_name("article.json")
        try:
            url = json.loads(beside.read_text("utf-8"))["url"] if beside.is_file() else None
        except (OSError, ValueError, KeyError, TypeError):
            url = None
    if url is None:
        raise Unreadable(f"{path}: name the page's URL with --url (its links are read from it)")
    try:
        return path.read_bytes(), url, "utf-8"
    except OSError as exc:
        raise Unreadable(f"{path}: {exc.strerror or exc}") from None


def _fetched(url: str, agent: str, limit: int) -> tuple[bytes, str, str]:
    request = urllib.request.Request(url, headers={"User-Agent": agent})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - http(s) only
            body: bytes = answer.read(limit + 1)
            headers: Message = answer.headers
            final: str = answer.geturl()
    except (OSError, ValueError) as exc:
        raise Unreadable(f"{redact_url(url)}: {exc}") from None
    if len(body) > limit:
        raise Unreadable(f"{redact_url(url)}: larger than DOWNLOAD_MAXSIZE ({limit} bytes)")
    return body, final, headers.get_content_charset() or "utf-8"


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "URL|FILE [--url URL]"

    def short_desc(self) -> str:
        return "Show what a page is read as: each field, where it came from, its evidence"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="the page's URL, for a saved page (FILE)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 1:
            print("mfa explain: name one URL or saved page", file=sys.stderr)
            self.exitcode = 2
            return
        target = args[0]
        try:
            if target.startswith(("http://", "https://")):
                agent = self.settings.get("USER_AGENT") or "mfa-archive"
                limit = self.settings.getint("DOWNLOAD_MAXSIZE")
                body, url, encoding = _fetched(target, agent, limit)
            else:
                body, url, encoding = _saved(Path(target), opts.url)
            found = explain(body, url, encoding)
        except Unreadable as exc:
            print(f"mfa explain: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        print("\n".join(printable(line) for line in lines(found)))
