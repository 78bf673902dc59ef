"""The commands around the crawl under mistaken and hostile input: an OUTDIR that holds
the archive, a mistyped ``ARCHIVE_URI``, a damaged record, a link out of the archive, a
page cut short, terminal escapes in a page, a malformed ``REDIS_URL``, secrets in a run
report.  Each ends in one line and an exit status; nothing is lost or leaked."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crawler.commands.preflight import Refused, check_settings
from crawler.runs.report import RunReport
from crawler.storage.archive import Archive
from tests.crawler.export.conftest import MFA, article, build
from tests.support.commands import run_command
from tests.support.project import project_settings, store_version

pytestmark = pytest.mark.hostile
Record = Callable[..., None]


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return build(tmp_path / "archive")


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_report_over_a_folder_holding_the_archive_is_refused(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    out = tmp_path / "report"
    assert run_command("report", str(out), ARCHIVE_URI=str(tmp_path / "archive")).status == 0
    inside = out / "archive"
    shutil.copytree(tmp_path / "archive", inside)
    before = _tree(inside)
    ran = run_command("report", str(out), ARCHIVE_URI=str(inside))
    assert ran.status == 2 and "holds the archive" in ran.err and ran.err.count("\n") == 1
    assert _tree(inside) == before
    record_hostile(
        "scrapy report OUTDIR, the archive inside OUTDIR",
        "refused (exit 2, one line); the archive as it was",
    )
    for target in ("/", str(inside / "articles")):
        refused = run_command("report", target, ARCHIVE_URI=str(inside))
        assert refused.status == 2 and _tree(inside) == before
    record_hostile("scrapy report / and scrapy report <archive>/articles", "refused (exit 2)")


def test_siblings_named_like_the_reports_own_are_never_deleted(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    out = tmp_path / "report"
    for name in (".report.building", ".report.old"):
        mine = tmp_path / name
        mine.mkdir()
        (mine / "thesis.tex").write_text("a year of work")
        ran = run_command("report", str(out), ARCHIVE_URI=str(tmp_path / "archive"))
        assert ran.status == 2 and "was not written by this command" in ran.err
        assert (mine / "thesis.tex").read_text() == "a year of work" and not out.exists()
        shutil.rmtree(mine)
    record_hostile(
        "a user's folder named .OUTDIR.building / .OUTDIR.old", "refused (exit 2); the folder kept"
    )


def test_a_mistyped_archive_uri_is_exit_1_and_the_previous_output_stays(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    good, typo = str(tmp_path / "archive"), str(tmp_path / "archvie")
    for command in ("export", "report"):
        out = tmp_path / command
        options = ["--format", "jsonl"] if command == "export" else []
        first = run_command(command, str(out), *options, ARCHIVE_URI=good)
        assert first.status == 0, first.err
        before = _tree(out)
        ran = run_command(command, str(out), ARCHIVE_URI=typo)
        assert ran.status == 1 and "a mistyped ARCHIVE_URI?" in ran.err, ran
        assert ran.err.count("\n") == 1 and _tree(out) == before
        record_hostile(
            f"scrapy {command} with a mistyped ARCHIVE_URI",
            "exit 1, one line; the previous output as it was",
        )
    verified = run_command("verify", ARCHIVE_URI=typo)
    assert verified.status == 1 and "a mistyped ARCHIVE_URI?" in verified.err
    assert not Path(typo).exists()  # nothing made at the mistyped place either
    record_hostile("scrapy verify with a mistyped ARCHIVE_URI", "exit 1, one line (was: OK)")


def test_a_damaged_record_is_named_and_the_rest_is_exported_and_reported(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    records = sorted((tmp_path / "archive").rglob("article.json"))
    damaged = records[0]
    damaged.write_text('{"title": "cut sho', "utf-8")
    key = str(damaged.relative_to(tmp_path / "archive"))
    uri = str(tmp_path / "archive")
    exported = run_command("export", str(tmp_path / "out"), "--format", "jsonl", ARCHIVE_URI=uri)
    assert exported.status == 1 and key in exported.err and "Traceback" not in exported.err
    assert key in (tmp_path / "out" / "README.md").read_text("utf-8")  # the card says so
    reported = run_command("report", str(tmp_path / "report"), ARCHIVE_URI=uri)
    assert reported.status == 1 and key in reported.err
    assert key in (tmp_path / "report" / "index.html").read_text("utf-8")
    verified = run_command("verify", ARCHIVE_URI=uri)
    assert verified.status == 1 and key in verified.out
    record_hostile(
        "one damaged article.json, then export, report, verify",
        "each names the file (exit 1); export and report hold the rest",
    )


def test_export_writes_no_folder_but_an_empty_one_or_its_own(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    uri = str(tmp_path / "archive")
    assert run_command("export", "/", ARCHIVE_URI=uri).status == 2
    theirs = tmp_path / "thesis"
    theirs.mkdir()
    (theirs / "README.md").write_text("my thesis")
    (theirs / "schema.json").write_text("{}")
    ran = run_command("export", str(theirs), "--format", "jsonl", ARCHIVE_URI=uri)
    assert ran.status == 2 and "was not written by scrapy export" in ran.err
    assert _tree(theirs) == {"README.md": b"my thesis", "schema.json": b"{}"}
    assert run_command("export", uri, ARCHIVE_URI=uri).status == 2  # the archive itself
    out = tmp_path / "out"
    for _ in range(2):  # its own folder, again
        assert run_command("export", str(out), "--format", "jsonl", ARCHIVE_URI=uri).status == 0
    record_hostile(
        "scrapy export /, into a folder with a user's README.md, into the archive",
        "refused (exit 2); an export's own folder is written again",
    )


def test_a_link_out_of_the_archive_is_never_read_and_verify_names_it(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    record = sorted((tmp_path / "archive").rglob("article.json"))[0]
    outside = tmp_path / "secret.json"  # a valid record, but not the archive's
    outside.write_bytes(record.read_bytes().replace("หัวข้อ".encode(), b"FROM OUTSIDE"))
    planted = record.parent.parent / "2099-01-01_deadbeefdeadbeef" / "article.json"
    planted.parent.mkdir()
    planted.symlink_to(outside)
    uri = str(tmp_path / "archive")
    exported = run_command("export", str(tmp_path / "out"), "--format", "jsonl", ARCHIVE_URI=uri)
    assert exported.status == 0
    assert all(b"FROM OUTSIDE" not in data for data in _tree(tmp_path / "out").values())
    verified = run_command("verify", ARCHIVE_URI=uri)
    assert verified.status == 1 and "a symbolic link" in verified.out
    record_hostile(
        "an article.json that links to a file outside the archive",
        "never read; verify names the link (exit 1)",
    )


def test_terminal_escapes_in_a_page_are_printed_as_escapes(
    tmp_path: Path, record_hostile: Record
) -> None:
    archive = build(tmp_path / "archive")
    url = f"{MFA}/th/content/a1"
    first = article(url, body="ย่อหน้า")
    later = article(
        url,
        body="\x1b[2J\x1b]0;pwned\x07 gnp.\u202eexe",
        updated=date(2023, 1, 5),
        day=2,
        reason="updated",
    )
    store_version(archive, first, b"<html>1</html>", "utf-8")
    store_version(archive, later, b"<html>2</html>", "utf-8")
    ran = run_command("diff", url, ARCHIVE_URI=str(tmp_path / "archive"))
    assert ran.status == 0, ran.err
    assert "\x1b" not in ran.out and "\x07" not in ran.out and "\u202e" not in ran.out
    assert "\\x1b" in ran.out and "\\x07" in ran.out and "\\u202e" in ran.out
    assert "updated_date: 2022-11-28 -> 2023-01-05" in ran.out  # dates as dates, not reprs
    record_hostile(
        "ESC, BEL and RLO in a page's paragraph, then scrapy diff",
        "printed as \\x1b, \\x07, \\u202e: the terminal untouched",
    )


@pytest.mark.parametrize("url", ["notaurl", "redis://127.0.0.1:99999/0", "redis://:pw@:6379"])
def test_a_malformed_redis_url_is_one_line(url: str, record_hostile: Record) -> None:
    with pytest.raises(Refused, match="REDIS_URL") as refusal:
        check_settings(project_settings(REDIS_URL=url))
    assert "pw" not in str(refusal.value)
    record_hostile(f"REDIS_URL={url}", "refused before the crawl: one line, exit 2")


def test_runs_json_prints_no_secret_even_from_an_older_report(
    archive: Archive, tmp_path: Path, record_hostile: Record
) -> None:
    run = RunReport(
        started=datetime(2026, 11, 1, tzinfo=UTC),
        finished=datetime(2026, 11, 1, 0, 5, tzinfo=UTC),
        mode="full",
    )
    document = json.loads(run.dump())
    document["scope"] = {
        "sites": ["www.mfa.go.th"],
        "start_points": [
            "https://user:S3cret@www.mfa.go.th/th?sig=T0ken&X-Amz-Signature=abc123",
        ],
    }  # as a report of an earlier version kept it
    archive.storage.put(run.key, json.dumps(document).encode(), "application/json")
    ran = run_command("runs", "--json", ARCHIVE_URI=str(tmp_path / "archive"))
    assert "S3cret" not in ran.out and "T0ken" not in ran.out and "abc123" not in ran.out
    assert "REDACTED@www.mfa.go.th" in ran.out
    record_hostile(
        "a run report holding user:pass@ and signed start URLs, scrapy runs --json",
        "printed redacted",
    )


def test_bidirectional_controls_in_a_title_reorder_nothing_around_it(
    tmp_path: Path, record_hostile: Record
) -> None:
    """A title ``gnp.<RLO>exe`` shows as ``exe.png`` wherever it is not isolated: in the
    report every piece of page text sits in its own ``<bdi>``, and where no markup can
    isolate it (the window title, chart labels) the control is shown as its code point."""
    archive = build(tmp_path / "archive")
    spoof = "invoice gnp.\u202eexe and an isolate left open \u2067"
    store_version(
        archive,
        article(f"{MFA}/en/content/spoof").model_copy(update={"title": spoof}),
        b"<html>s</html>",
        "utf-8",
    )
    ran = run_command("report", str(tmp_path / "report"), ARCHIVE_URI=str(tmp_path / "archive"))
    assert ran.status == 0, ran.err
    pages = [p.read_text("utf-8") for p in (tmp_path / "report").rglob("*.html")]
    shown = [page for page in pages if "invoice gnp." in page]
    assert len(shown) >= 2  # the article's page and its site's list
    for page in shown:
        for start in [i for i in range(len(page)) if page.startswith("invoice gnp.", i)]:
            before = page[:start]
            if before.rfind("<") > before.rfind(">") or before.endswith("<title>"):
                continue  # an attribute's value, the window title: checked below
            assert before.rfind("<bdi>") > before.rfind("</bdi>"), page[start - 80 : start]
        title = page[page.index("<title>") : page.index("</title>")]
        assert "\u202e" not in title and "\u2067" not in title
    record_hostile(
        "a title with RLO (gnp.<RLO>exe) and an isolate left open, scrapy report",
        "page text in <bdi>; the window title shows <U+202E>",
    )
