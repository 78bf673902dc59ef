"""``python -m schemas`` as people and scripts use it: real files; a real subprocess where
the process is the subject (UTF-8 on stdout, stdin, the exit status and the one line on
stderr), its ``main`` in this process for the rest (the same code, without a Python
start-up per test)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas.__main__ import main
from schemas.jsonschema import SCHEMA_PATH
from tests.conftest import CORPUS, REPO, SAMPLE


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "schemas", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


def _main(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``main(args)`` in this process, with what it wrote to stdout and stderr as bytes."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(list(args))
    return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())


def test_parse_prints_utf8_json_with_iso_dates() -> None:
    result = _run("parse", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "ผู้ช่วยรัฐมนตรี" in text and "\\u0e" not in text  # Thai is not escaped
    data = json.loads(text)
    assert data["imported_date"] == "2020-09-11"
    assert data["updated_date_raw"] == "28 พ.ย. 2565"


def test_render_of_parse_gives_back_the_sample(tmp_path: Path) -> None:
    parsed = tmp_path / "sample.json"
    parsed.write_bytes(_main("parse", str(SAMPLE)).stdout)
    result = _main("render", str(parsed))
    assert result.returncode == 0, result.stderr
    assert result.stdout == SAMPLE.read_bytes()


def test_parse_reads_corpus_files_with_their_preamble() -> None:
    result = _main("parse", str(CORPUS / "001.txt"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["view_count"] == 8650


def test_parse_reads_stdin() -> None:
    result = _run("parse", "-", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0 and json.loads(result.stdout)["view_count"] == 2313


def test_jsonschema_prints_the_checked_in_schema() -> None:
    result = _main("jsonschema")
    assert result.returncode == 0
    assert result.stdout == SCHEMA_PATH.read_bytes()


def _one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode == 1
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err.strip()


def test_a_page_that_is_not_an_article_names_the_line_and_reason() -> None:
    err = _one_line_error(_run("parse", str(CORPUS / "043.txt")))
    assert err == f"{CORPUS / '043.txt'}:3: not an article: " + (
        "no date: the page shows neither an import date nor an update date"
    )


def test_error_page_text(tmp_path: Path) -> None:
    page = tmp_path / "error.txt"
    page.write_text("\n\n   \n", encoding="utf-8")
    assert _one_line_error(_main("parse", str(page))).startswith(f"{page}:1: not an article: ")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text (byte 0)"),
        (None, "cannot read: No such file or directory"),
    ],
)
def test_unreadable_input(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    assert _one_line_error(_main("parse", str(path))) == f"{path}: {expected}"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", ":1: not JSON: Expecting property name enclosed in double quotes"),
        ('{"body": ["a\\nb"]}', ": not an article record: body.0: Value error, must not contain"),
        ('{"url": "https://x.org/", "title": 1}', ": not an article record: title: Input should"),
        ("[1, 2]", ": not an article record: (record): Input should be a valid dictionary"),
    ],
)
def test_render_refuses_bad_records(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "record.json"
    path.write_text(content, encoding="utf-8")
    assert _one_line_error(_main("render", str(path))).startswith(f"{path}{expected}")
