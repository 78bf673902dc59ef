"""The documents' examples, run: every ``scrapy`` command they show (but ``crawl``, which
needs the real sites: the end-to-end tier crawls), every ``python -m schemas`` line, the
Python and SQL a researcher is told to type, and the output they promise, on an archive
made by crawling the replica twice (an article updated and one silently edited between).

A command line is taken as the reader would: placeholders filled (:data:`FILLED`), the
``# comment`` dropped, and each ``[optional part]`` both left out and put in, so an option
renamed or removed in the code fails here before a reader meets it."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_twisted

from crawler.runs import history
from crawler.storage.local import LocalStorage
from schemas.export import ExportRow, PairRow
from tests.conftest import REPO
from tests.docs.test_docs import DOCS
from tests.e2e.conftest import BUMPED, EDITED, SAMPLE_HREF, article_folder
from tests.support.commands import run_command
from tests.support.crawling import crawl
from tests.support.harness import Replica

pytestmark = pytest.mark.crawl

_SHOWN = re.compile(r"^ {4}(?:\$ )?\.venv/bin/(scrapy|python -m schemas) (.*)$")
_OPTIONAL = re.compile(r" ?\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Example:
    """One command line a document shows."""

    doc: str
    line: int
    program: str  # "scrapy" or "schemas"
    text: str  # as shown, continuation lines joined, the comment dropped


def examples() -> Iterator[Example]:
    for doc in DOCS:
        lines = doc.read_text("utf-8").splitlines()
        number = 0
        while number < len(lines):
            found = _SHOWN.match(lines[number])
            start = number
            number += 1
            if not found:
                continue
            text = found.group(2)
            while text.rstrip().endswith("\\") and number < len(lines):
                text = text.rstrip()[:-1] + " " + lines[number].strip()
                number += 1
            text = text.split("  #", 1)[0].split(" # ", 1)[0].strip()
            program = "scrapy" if found.group(1) == "scrapy" else "schemas"
            yield Example(str(doc.relative_to(REPO)), start + 1, program, text)


EXAMPLES = [e for e in examples() if not (e.program == "scrapy" and e.text.startswith("crawl"))]
CRAWLS = [e for e in examples() if e.program == "scrapy" and e.text.startswith("crawl")]


def variants(text: str) -> list[str]:
    """The line without its optional parts, and with them (``-s ARCHIVE_URI=...`` aside:
    the test names the archive)."""
    kept = _OPTIONAL.sub(lambda m: "" if "ARCHIVE_URI" in m.group(1) else f" {m.group(1)}", text)
    bare = _OPTIONAL.sub("", text)
    return list(dict.fromkeys([bare, kept]))


@dataclass
class Archive:
    """The archive the examples run on, and what fills their placeholders."""

    root: Path
    url: str  # an article with two versions
    run_id: str  # the first run's
    page: Path  # an archived page.html
    text: Path  # a text-form file
    record: Path  # a record as JSON

    def fill(self, text: str, out: Path) -> list[str]:
        words = shlex.split(text)
        filled = []
        for word in words:
            word = word.replace("OUTDIR", str(out))
            if word in ("URL|FILE", "FILE"):
                word = str(self.text if word == "FILE" else self.page)
            elif word == "URL":
                word = self.url
            elif word == "FILE.json":
                word = str(self.record)
            elif word == "0badcafe":
                word = self.run_id
            elif re.fullmatch(r"archive/articles/\S+/page\.html", word):
                word = str(self.page)
            elif word in ("N", "D"):
                word = "7"
            elif word == "HOST,...":  # registered sites, as scrapy sites --site takes them
                word = "www.mfa.go.th,dili.thaiembassy.org"
            filled.append(word)
        return filled


@pytest_twisted.async_fixture(scope="module")
async def archive(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Archive:
    replica.control("reset")
    workdir = tmp_path_factory.mktemp("docs-examples")
    start = f"start_urls={replica.listing_urls()}"
    assert (await crawl(workdir, start)).returncode == 0
    replica.control("bump", path=BUMPED)
    replica.control("edit", path=EDITED)
    assert (await crawl(workdir, start, "mode=full")).returncode == 0
    replica.control("reset")
    root = workdir / "archive"
    [first, *_] = history.reports(LocalStorage(root))
    sample = root / article_folder(replica, SAMPLE_HREF)
    page = sorted(sample.glob("*/page.html"))[-1]
    record = workdir / "record.json"
    record.write_bytes((page.parent / "article.json").read_bytes())
    return Archive(
        root, replica.url + SAMPLE_HREF, first.run_id, page, page.parent / "article.txt", record
    )


def test_the_documents_show_commands_to_run() -> None:
    """The extraction finds them (a check that found no example would pass in silence)."""
    shown = {(e.program, e.text.split()[0]) for e in EXAMPLES}
    for command in ("export", "diff", "verify", "runs", "sites", "report", "explain"):
        assert ("scrapy", command) in shown, command
    assert {("schemas", "parse"), ("schemas", "render"), ("schemas", "jsonschema")} <= shown
    assert CRAWLS, "the crawl examples are found too (and left to the end-to-end tier)"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.doc}:{e.line}" for e in EXAMPLES])
def test_every_command_shown_runs(example: Example, archive: Archive, tmp_path: Path) -> None:
    for number, text in enumerate(variants(example.text)):
        argv = archive.fill(text, tmp_path / f"out{number}")
        if example.program == "schemas":
            done = subprocess.run(
                [sys.executable, "-m", "schemas", *argv],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, f"{example.doc}:{example.line}: {text}\n{done.stderr}"
            continue
        name, *rest = argv
        ran = run_command(name, *rest, strict=True, ARCHIVE_URI=str(archive.root))
        assert ran.status == 0, f"{example.doc}:{example.line}: {text}\n{ran.out}{ran.err}"


def test_the_line_shown_for_a_page_that_is_no_article_is_the_line_printed() -> None:
    guide = (REPO / "docs" / "archive.md").read_text("utf-8")
    [shown] = re.findall(r"^ {4}(\.\./shared/corpus/043\.txt:.*)$", guide, re.MULTILINE)
    done = subprocess.run(
        [sys.executable, "-m", "schemas", "parse", "../shared/corpus/043.txt"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr.strip()) == (1, shown)


def _shown_keys(doc: str, first_key: str) -> set[str]:
    """The keys of the JSON row a document shows (the block that opens with ``first_key``)."""
    text = (REPO / "docs" / doc).read_text("utf-8")
    start = text.index('    {"' + first_key + '"')
    block = text[start : text.index("\n\n", start)]
    return set(re.findall(r'"(\w+)":', block))


def test_the_rows_shown_have_the_fields_the_rows_have() -> None:
    changes = {
        "paragraphs_added",
        "paragraphs_removed",
        "paragraphs_changed",
        "characters_changed",
        "fields_changed",
    }
    assert _shown_keys("datasets.md", "title") - changes <= set(ExportRow.model_fields)
    assert _shown_keys("datasets.md", "site") <= set(PairRow.model_fields)


def test_what_a_researcher_is_told_to_type_loads_the_export(
    archive: Archive, tmp_path: Path
) -> None:
    guide = (REPO / "docs" / "datasets.md").read_text("utf-8")
    python = re.search(r"^ {4}(from datasets import .*\n {4}.*)$", guide, re.MULTILINE)
    sql = re.search(r"^ {4}(SELECT .*);\s+-- DuckDB$", guide, re.MULTILINE)
    assert python is not None and sql is not None
    out = tmp_path / "export"
    assert run_command("export", str(out), ARCHIVE_URI=str(archive.root)).status == 0
    code = "\n".join(line.strip() for line in python.group(1).splitlines())
    code = code.replace('"OUTDIR"', repr(str(out))) + "\nprint(latest.num_rows)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    rows = len((out / "latest.jsonl").read_text("utf-8").splitlines())
    assert (done.returncode, done.stdout.split()[-1:]) == (0, [str(rows)]), done.stderr[-2000:]
    import duckdb

    relation = duckdb.sql(sql.group(1).replace("OUTDIR", str(out)))
    assert relation is not None
    counted = relation.fetchall()
    assert sum(count for _site, count in counted) == rows


def test_explain_prints_what_the_guide_shows(archive: Archive) -> None:
    guide = (REPO / "crawler" / "platforms" / "mfa" / "README.md").read_text("utf-8")
    block = guide[guide.index("    $ .venv/bin/scrapy explain") :].split("\n\n", 1)[0]
    shown = [line[4:] for line in block.splitlines()[1:]]
    ran = run_command("explain", str(archive.page), strict=True)
    printed = ran.out.splitlines()
    assert shown[0].endswith(": read as article") and printed[0].endswith(": read as article")
    headings = [line for line in printed if line.endswith(":") and not line.startswith(" ")]
    shown_headings = [line for line in shown if line.endswith(":") and not line.startswith(" ")]
    assert [h for h in headings if h in shown_headings] == shown_headings
    fields = shown[1 : shown.index("evidence:")]
    names = {line.split()[0] for line in fields if re.match(r"  \w", line)}
    assert names and names <= {line.split()[0] for line in printed if re.match(r"  \w", line)}
