"""The report folder from a small archive: every article a page, versions with their
diffs, Thai text exact, what came from the web escaped, the folder replaced whole."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.browse.build import MARKER, build_report
from crawler.runs.report import RunReport
from crawler.storage import StorageError
from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from crawler.storage.outdir import OutdirRefused
from schemas import Finding
from tests.crawler.export.conftest import MFA, THAI, article, build
from tests.support.project import store_version

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    archive = build(tmp_path / "archive")
    bad = article(f"{MFA}/en/content/hostile").model_copy(update={"title": HOSTILE})
    store_version(archive, bad, b"<html>h</html>", "utf-8")
    archive.quarantine(
        f"{MFA}/th/content/notes",
        f"{MFA}/th/content/notes",
        b"<html>n</html>",
        "utf-8",
        [Finding(field="imported_date", value=None, reason="no date shown")],
        "2026-11-07T00:00:00+00:00",
    )
    for healthy, day in ((True, 1), (False, 2)):
        problems = [] if healthy else ["www.mfa.go.th: 9 failed"]
        run = RunReport(
            started=datetime(2026, 11, day, tzinfo=UTC),
            finished=datetime(2026, 11, day, 0, 5, tzinfo=UTC),
            mode="full",
            healthy=healthy,
            problems=problems,
        )
        archive.storage.put(run.key, run.dump(), "application/json")
    return archive


def pages(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text("utf-8") for p in folder.rglob("*.html")}


def test_every_article_has_a_page_and_the_index_counts_them(
    archive: Archive, tmp_path: Path
) -> None:
    built = build_report(archive.storage, tmp_path / "report")
    assert (built.articles, built.sites, built.quarantined, built.runs) == (6, 2, 1, 2)
    html = pages(tmp_path / "report")
    assert len([name for name in html if name.startswith("a/")]) == 6
    assert "6 articles, 9 versions, 1 silent edits, 2 sites" in html["index.html"]
    assert sorted(name for name in html if name.startswith("s/")) == [
        "s/bangkok.thaiembassy.org-removals.html",
        "s/bangkok.thaiembassy.org.html",
        "s/www.mfa.go.th-removals.html",
        "s/www.mfa.go.th.html",
    ]
    assert "No article of this site was removed or moved" in html["s/www.mfa.go.th-removals.html"]
    links = re.findall(r'href="\.\./(a/[0-9a-f]{20}\.html)"', html["s/www.mfa.go.th.html"])
    assert sorted(links) == sorted(
        name for name in html if name.startswith("a/") and "thaiembassy" not in html[name]
    )  # the site lists its articles, each linking to its page
    assert '<td class="bad">FAILED</td>' in html["index.html"]  # the runs with their health
    assert "www.mfa.go.th: 9 failed" in html["index.html"]
    assert "imported_date: no date shown" in html["quarantine.html"]


def _page_of(html: dict[str, str], path: str) -> str:
    [page] = [text for name, text in html.items() if name.startswith("a/") and path in text]
    return page


def test_versions_newest_first_with_the_diff_from_each_previous(
    archive: Archive, tmp_path: Path
) -> None:
    build_report(archive.storage, tmp_path / "report")
    html = pages(tmp_path / "report")
    alpha = _page_of(html, "/th/content/alpha")
    assert alpha.index("Version 3 of 3 (latest)") < alpha.index("Version 1 of 3")
    assert 'id="diff-3"' in alpha and 'id="diff-2"' in alpha and 'id="diff-1"' not in alpha
    start = alpha.index('id="diff-3"')
    [changed] = re.findall(
        r'<p class="t changed">(.*?)</p>', alpha[start : alpha.index("</details>", start)]
    )
    assert "<ins>" in changed  # the paragraph edited in place, words marked
    assert re.sub(r"<[^>]+>", "", re.sub(r"<del>.*?</del>", "", changed)) == "แก้เงียบ"
    assert re.sub(r"<[^>]+>", "", re.sub(r"<ins>.*?</ins>", "", changed)) == "แก้"
    assert THAI in alpha  # NBSP, Thai digits and trailing spaces as archived
    delta = _page_of(html, "/th/content/delta")
    assert "Version 1 of 2 (latest)" in delta  # the page went back to its first version


def test_what_came_from_the_web_is_escaped(archive: Archive, tmp_path: Path) -> None:
    build_report(archive.storage, tmp_path / "report")
    html = pages(tmp_path / "report")
    hostile = _page_of(html, "/en/content/hostile")
    assert HOSTILE not in hostile and "&lt;script&gt;alert(&quot;x&quot;)" in hostile
    assert HOSTILE not in html["s/www.mfa.go.th.html"]
    assert all(HOSTILE not in text for text in html.values())


def test_a_report_is_replaced_whole_and_another_folder_is_left_alone(
    archive: Archive, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    build_report(archive.storage, out)
    (out / "a" / "stale.html").write_text("from an older report")
    build_report(archive.storage, out)
    assert not (out / "a" / "stale.html").exists() and (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "report"]  # no leftovers
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    with pytest.raises(OutdirRefused):
        build_report(archive.storage, mine)
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    with pytest.MonkeyPatch.context() as patch:  # run from inside the report: refused
        patch.chdir(out / "a")
        with pytest.raises(OutdirRefused, match="run scrapy report from outside it"):
            build_report(archive.storage, Path(".."))
    assert (out / "index.html").exists()


def test_a_report_never_goes_over_the_archive_nor_deletes_what_is_not_its_own(
    archive: Archive, tmp_path: Path
) -> None:
    """The archive copied into a folder holding an earlier report, and that folder named as
    OUTDIR: the archive is refused, not deleted; so is a folder inside it, ``/``, and a
    sibling named like the report's temporary folders that the report did not write."""
    out = tmp_path / "report"
    build_report(archive.storage, out)
    inside = out / "archive"
    shutil.copytree(tmp_path / "archive", inside)
    before = sorted(p.relative_to(inside) for p in inside.rglob("*"))
    for target in (out, inside, inside / "articles", Path("/")):
        with pytest.raises(OutdirRefused):
            build_report(LocalStorage(inside), target, protected=[inside])
    assert sorted(p.relative_to(inside) for p in inside.rglob("*")) == before
    users = tmp_path / ".report.old"
    users.mkdir()
    (users / "thesis.tex").write_text("mine")
    with pytest.raises(OutdirRefused, match="was not written by this command"):
        build_report(archive.storage, out)
    assert (users / "thesis.tex").read_text() == "mine" and (out / "index.html").exists()


def test_a_failed_read_leaves_the_previous_report_as_it_was(
    archive: Archive, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    build_report(archive.storage, out)
    before = pages(out)

    class Failing(LocalStorage):
        def get(self, key: str) -> bytes | None:
            if key.endswith("article.json") and "delta" in key:
                raise StorageError("the store went away")
            return super().get(key)

    with pytest.raises(StorageError):
        build_report(Failing(tmp_path / "archive"), out)
    assert pages(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "report"]


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[LocalStorage]:
    yield LocalStorage(tmp_path / "nothing")


def test_an_empty_archive_gives_a_report_that_says_so(empty: LocalStorage, tmp_path: Path) -> None:
    built = build_report(empty, tmp_path / "report")
    index = (tmp_path / "report" / "index.html").read_text("utf-8")
    assert built.articles == 0 and "0 articles" in index and "No run report" in index
