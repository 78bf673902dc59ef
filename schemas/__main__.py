"""Command line: ``python -m schemas parse FILE | render FILE.json | jsonschema``.

For people and scripts: output is UTF-8 (Thai unescaped, dates as ISO strings);
input that is not an article, or unreadable input, gets one line on stderr naming
the file, the line and the reason, and exit status 1 -- never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.assess import NotAnArticle
from schemas.jsonschema import schema_text
from schemas.models import ArchivedArticle, ArticleContent
from schemas.textform import parse, render

_PREAMBLE_LINES = 2  # corpus files start with "URL: ..." and "---"


class CliError(Exception):
    """A failure to report as one line: ``location: reason``."""


def _read_text(path: str) -> str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _split_preamble(text: str) -> tuple[str | None, str, int]:
    """Strip a corpus file's ``URL:``/``---`` preamble; return (url, text, first line)."""
    head = text.split("\n", _PREAMBLE_LINES)
    if len(head) > _PREAMBLE_LINES and head[0].startswith("URL: ") and head[1] == "---":
        return head[0][len("URL: ") :].strip(), head[2], _PREAMBLE_LINES + 1
    return None, text, 1


def cmd_parse(path: str) -> str:
    _url, text, first_line = _split_preamble(_read_text(path))
    try:
        content = parse(text, first_line=first_line)
    except NotAnArticle as exc:
        line = exc.line if exc.line is not None else first_line
        raise CliError(f"{path}:{line}: not an article: {exc.findings[0].reason}") from None
    return json.dumps(content.model_dump(mode="json"), ensure_ascii=False, indent=2)


def cmd_render(path: str) -> str:
    try:
        data: Any = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    model = ArchivedArticle if isinstance(data, dict) and "url" in data else ArticleContent
    try:
        article = model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "(record)"
        raise CliError(f"{path}: not an article record: {where}: {error['msg']}") from None
    return render(article)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schemas", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("parse", help="text form -> article content JSON").add_argument("file")
    commands.add_parser("render", help="article JSON -> text form").add_argument("file")
    commands.add_parser("jsonschema", help="print the archived article's JSON Schema")
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            output = cmd_parse(args.file) + "\n"
        elif args.command == "render":
            output = cmd_render(args.file)
        else:
            output = schema_text()
    except CliError as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.buffer.write(output.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
