"""``scrapy explain``: what a page is read as, each field with the element it came from,
the evidence and whether it agrees, the warnings, the text form -- for a saved page, an
archived one, the real fragments and the replica live."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from replica.article_page import article_page
from replica.content import Page
from replica.layouts import Layout
from tests.conftest import SHARED
from tests.crawler.platforms.test_layouts import BASE, PAGES
from tests.support.commands import run_command
from tests.support.harness import Replica

FIXTURES = Path(__file__).parents[1] / "platforms" / "fixtures"
SAMPLE = next(p for p in PAGES if "aseancanada2020" in p.href)


def _saved(tmp_path: Path, layout: Layout, page: Page = SAMPLE) -> tuple[Path, str]:
    others = [p for p in PAGES if p.language == page.language and p.path != page.path][:3]
    url = BASE + page.href
    html, _expected = article_page(page, others, url, layout)
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    return path, url


def test_a_saved_page_is_explained_field_by_field(tmp_path: Path) -> None:
    layout = Layout.draw(4242)
    path, url = _saved(tmp_path, layout)
    ran = run_command("explain", str(path), "--url", url)
    assert ran.status == 0, ran.err
    out = ran.out.splitlines()
    assert out[0] == f"{url}: read as article"
    title = next(i for i, line in enumerate(out) if line.lstrip().startswith("title "))
    assert SAMPLE.title and SAMPLE.title in out[title]
    assert out[title + 1].strip().startswith("from: ")
    assert "evidence:" in out and any("og:title" in line and "agrees" in line for line in out)
    text = SHARED.joinpath("sample", "mfa-asean-canada-2020.txt").read_text("utf-8")
    shown = "\n".join(line.removeprefix("  | ") for line in out[out.index("text form:") + 1 :])
    assert shown.split("\n")[:5] == text.split("\n")[:5]  # the text form, as archived


def test_evidence_that_disagrees_is_shown_beside_evidence_that_agrees(tmp_path: Path) -> None:
    layout = Layout.draw(4242)
    stale = Layout(**{**layout.__dict__, "evidence": "stale"})  # og:title names another
    ran = run_command("explain", str(_saved(tmp_path, stale)[0]), "--url", BASE + SAMPLE.href)
    assert ran.status == 0
    assert "(ร่าง) -- disagrees" in ran.out and " | กระทรวงการต่างประเทศ -- agrees" in ran.out
    assert "warnings:\n  title:" not in ran.out  # confirmed by the document title


def test_a_title_the_evidence_contradicts_is_a_warning(tmp_path: Path) -> None:
    hidden = replace(SAMPLE, shows="ข่าวเด่น")  # the template shows its category instead
    path, url = _saved(tmp_path, Layout.classic(), hidden)
    ran = run_command("explain", str(path), "--url", url)
    assert ran.status == 0
    assert 'title: disagrees with og:title: "ผู้ช่วยรัฐมนตรี' in ran.out


def test_an_archived_page_names_its_url_from_its_record(tmp_path: Path) -> None:
    path, url = _saved(tmp_path, Layout.classic())
    (tmp_path / "article.json").write_text(json.dumps({"url": url}), "utf-8")
    ran = run_command("explain", str(path))
    assert ran.status == 0 and ran.out.startswith(f"{url}: read as article")
    (tmp_path / "article.json").unlink()
    refused = run_command("explain", str(path))
    assert refused.status == 2 and "--url" in refused.err


def test_the_real_fragment_of_the_video_section(tmp_path: Path) -> None:
    shell = (FIXTURES / "real-markup" / "shell.html").read_text("utf-8")
    fragment = (SHARED / "real-markup" / "article-body-and-video-section.html").read_text("utf-8")
    path = tmp_path / "page.html"
    path.write_text(shell + fragment + '"></div>', "utf-8")
    url = json.loads((FIXTURES / "real-markup" / "expected.json").read_text("utf-8"))["url"]
    ran = run_command("explain", str(path), "--url", url)
    assert ran.status == 0 and "read as article" in ran.out
    assert any(line.split() == ["videos", "1"] for line in ran.out.splitlines())


@pytest.mark.crawl
def test_a_live_page_of_the_replica(fresh_replica: Replica) -> None:
    url = fresh_replica.url + SAMPLE.href
    ran = run_command("explain", url)
    assert ran.status == 0, ran.err
    assert ran.out.startswith(f"{url}: read as article") and "text form:" in ran.out
    listing = run_command("explain", f"{fresh_replica.url}/en/content-category/press-release")
    assert "read as listing" in listing.out.splitlines()[0]
