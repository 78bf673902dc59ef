"""Pairing Thai and English articles: what is enough evidence, and what is not."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from crawler.export.evidence import Signature, signature
from crawler.export.pairs import Pairing, match_site
from crawler.export.run import export
from crawler.export.scoring import ONLY, SAME_DAY, THRESHOLD
from crawler.storage.archive import Archive
from crawler.storage.local import LocalStorage
from schemas import ArchivedArticle, ArticleContent, ImageRef, Translation, content_sha256
from tests.support.project import store_version

SITE = "https://www.mfa.go.th"
PHOTO = "https://image.mfa.go.th/mfa/{op}/zE6021nSnu/news/{name}.jpg"


def record(
    path: str,
    published: date,
    title: str = "หัวข้อ",
    images: tuple[str, ...] = (),
    links: tuple[str, ...] = (),
    body: str = "ข้อความ",
    site: str = SITE,
) -> ArchivedArticle:
    content = ArticleContent(
        title=title,
        imported_date=published,
        imported_date_raw=published.isoformat(),
        body=[body],
        images=[ImageRef(url=PHOTO.format(op="0", name=n)) for n in images],
        translations=[Translation(language=u.split("/")[1], url=site + u) for u in links],
    )
    return ArchivedArticle(
        **content.model_dump(),
        url=site + path,
        canonical_url=site + path,
        site=site.split("/")[2],
        language=path.split("/")[1],
        fetched_at=datetime(2026, 11, 1, tzinfo=UTC),
        content_sha256=content_sha256(content),
        version_reason="first",
    )


def signed(*records: ArchivedArticle) -> list[Signature]:
    return [signature(r, f"articles/{r.canonical_url.split('/', 3)[3]}/v1") for r in records]


def paired(*records: ArchivedArticle) -> dict[str, tuple[str, list[str]]]:
    return {
        p.th.url.split("/")[-1]: (p.en.url.split("/")[-1], p.evidence)
        for p in match_site(signed(*records))
    }


DAY = date(2025, 11, 19)


def test_a_language_switch_pairs_articles_whatever_their_dates() -> None:
    th = record("/th/content/a", DAY, links=("/en/content/b",))
    en = record("/en/content/b", date(2025, 12, 2))  # translated two weeks later
    assert paired(th, en) == {"a": ("b", ["link:th-to-en"])}


def test_photos_the_two_alone_share_pair_them_and_a_banner_every_article_shows_does_not() -> None:
    banner = ("weekly-banner",)
    articles = [
        record("/th/content/brief-th", DAY, images=(*banner, "p1", "p2")),
        record("/en/content/brief-en-x", DAY, images=(*banner, "p1")),
        record("/th/content/consular-notice", DAY, images=banner),
        record("/en/content/ambassador-visit", DAY, images=banner),
        record("/th/content/last-week", date(2025, 11, 12), images=banner),
    ]
    found = paired(*articles)
    assert found["brief-th"][0] == "brief-en-x"
    assert "media:2" in found["brief-th"][1]
    assert "consular-notice" not in found  # a shared banner and a day: not enough


def test_a_date_alone_is_not_enough_even_for_the_only_articles_of_their_day() -> None:
    assert 1 - (1 - SAME_DAY) * (1 - ONLY) < THRESHOLD
    th = record("/th/content/consular-notice", DAY)
    en = record("/en/content/ambassador-visit", DAY)
    assert match_site(signed(th, en)) == []
    th_slug = record("/th/content/visit-palestine-th", DAY)
    en_slug = record("/en/content/visit-palestine-en", DAY + timedelta(days=1))
    found = paired(th_slug, en_slug)
    assert found == {"visit-palestine-th": ("visit-palestine-en", ["slug", "only-candidates"])}


def test_each_article_is_in_one_pair_the_best_evidence_first() -> None:
    th = record("/th/content/weekly-press-briefing-191125-th", DAY, images=("x",))
    right = record("/en/content/weekly-press-briefing-191125-en", DAY, images=("x",))
    wrong = record("/en/content/summary-191125", DAY)  # names the date too
    found = match_site(signed(th, right, wrong))
    assert [(p.th.url, p.en.url) for p in found] == [(th.canonical_url, right.canonical_url)]
    assert found[0].confidence >= 0.99 > THRESHOLD


def test_articles_of_two_sites_are_never_paired() -> None:
    embassy = "https://bangkok.thaiembassy.org"
    th = record("/th/content/visit-th", DAY, images=("p",))
    en = record("/en/content/visit-en", DAY, images=("p",), site=embassy)
    pairing = Pairing()
    for one in signed(th, en):
        pairing.add(one)
    assert list(pairing.pairs()) == []


@pytest.fixture
def two_languages(tmp_path: Path) -> Archive:
    """A Thai article, its English translation, and an unrelated English one."""
    archive = Archive(LocalStorage(tmp_path / "archive"))
    th = record("/th/content/visit-th", DAY, title="เยือน", images=("p",), body="\u00a0๑๒๓ ")
    en = record("/en/content/visit-en", DAY, title="Visit", images=("p",), body="123")
    for one in (th, en, record("/en/content/unrelated", DAY)):
        store_version(archive, one, b"<html></html>", "utf-8")
    return archive


def test_the_pairs_view_is_written_with_both_texts_and_the_same_bytes_twice(
    two_languages: Archive, tmp_path: Path
) -> None:
    out = [tmp_path / "one", tmp_path / "two"]
    for folder in out:
        done = export(two_languages.storage, folder, ["pairs"], ["jsonl", "parquet"])
        assert done.rows == {"pairs": 1}
    [row] = [json.loads(line) for line in (out[0] / "pairs.jsonl").read_text("utf-8").splitlines()]
    assert (row["th_title"], row["en_title"], row["th_body"], row["en_body"]) == (
        "เยือน",
        "Visit",
        ["\u00a0๑๒๓ "],
        ["123"],
    )
    assert row["evidence"] == ["media:1", "slug", "numbers:1"] and row["days_apart"] == 0
    for name in ("pairs.jsonl", "pairs.parquet", "README.md"):
        assert (out[0] / name).read_bytes() == (out[1] / name).read_bytes()
    assert "The `pairs` view has 1 Thai and English articles" in (out[0] / "README.md").read_text()


def test_datasets_and_duckdb_read_the_pairs(
    two_languages: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    export(two_languages.storage, folder, ["latest", "pairs"], ["jsonl", "parquet"])
    for name in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"):  # no traffic but loopback
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    pairs = load_dataset(str(folder), "pairs", split="train")
    assert pairs["th_body"] == [["\u00a0๑๒๓ "]] and pairs["en_title"] == ["Visit"]
    assert str(pairs.features["th_imported_date"].dtype) == "date32"
    import duckdb

    with duckdb.connect() as db:
        joined = db.execute(
            "SELECT l.title FROM read_parquet(?) p JOIN read_parquet(?) l"
            " ON l.canonical_url = p.en_url WHERE p.confidence >= 0.9",
            [str(folder / "pairs.parquet"), str(folder / "latest.parquet")],
        ).fetchall()
    assert joined == [("Visit",)]


def test_the_pairs_view_needs_both_languages(tmp_path: Path) -> None:
    from crawler.export.rows import Selection

    storage = LocalStorage(tmp_path / "archive")
    with pytest.raises(ValueError, match="both languages"):
        only_thai = Selection(languages=frozenset({"th"}))
        export(storage, tmp_path / "out", ["pairs"], ["jsonl"], only_thai)


def test_a_pair_is_written_when_either_article_is_selected() -> None:
    th = record("/th/content/visit-th", DAY, images=("p",))
    en = record("/en/content/visit-en", DAY, images=("p",))
    for th_taken, en_taken, written in ((False, False, 0), (True, False, 1), (False, True, 1)):
        pairing = Pairing()
        pairing.add(signature(th, "articles/th/v1", th_taken))
        pairing.add(signature(en, "articles/en/v1", en_taken))
        assert len(list(pairing.pairs())) == written


def test_a_switch_through_a_host_alias_or_with_a_query_still_leads_to_the_article() -> None:
    th = record("/th/content/a", DAY)
    th = th.model_copy(
        update={
            "translations": [
                Translation(
                    language="en",
                    url="http://mfa.go.th/en/content/b/?cate=5d5bcb4e15e39c306000683e",
                )
            ]
        }
    )
    en = record("/en/content/b", date(2025, 12, 30))
    assert paired(th, en) == {"a": ("b", ["link:th-to-en"])}


def test_filters_choose_pairs_but_every_article_of_the_site_weighs() -> None:
    """A name 50 articles hold says little, even when only two of them are exported."""
    crowd = [record(f"/en/content/japan-{n}", date(2025, 1, 1), body="Japan") for n in range(50)]
    th = record("/th/content/consular-notice", DAY, body="ญี่ปุ่น Japan")
    en = record("/en/content/ambassador-visit", DAY, body="Japan")
    pairing = Pairing()
    for one in sorted([*crowd, th, en], key=lambda r: r.canonical_url):
        pairing.add(signature(one, "v", selected=one in (th, en)))
    assert list(pairing.pairs()) == []


def test_a_site_the_listing_gives_in_two_parts_is_refused() -> None:
    embassy = "https://bangkok.thaiembassy.org"
    pairing = Pairing()
    for one in (record("/th/content/a", DAY), record("/th/content/b", DAY, site=embassy)):
        pairing.add(signature(one, "v"))
    with pytest.raises(ValueError, match="two parts"):
        pairing.add(signature(record("/en/content/c", DAY), "v"))


def test_a_name_many_articles_hold_says_little_and_one_the_two_alone_hold_says_more() -> None:
    week = [record(f"/th/content/asean-{n}", date(2025, 10, n), body="ASEAN") for n in range(1, 6)]
    th = record("/th/content/consular-notice", DAY, body="การประชุม ASEAN")
    en = record("/en/content/ambassador-visit", DAY, body="ASEAN meeting")
    assert match_site(signed(*week, th, en)) == []
    th = record("/th/content/consular-notice", DAY, body="ASEAN และ BIMSTEC จำนวน 140 คน")
    en = record("/en/content/ambassador-visit", DAY, body="ASEAN and BIMSTEC, 140 people")
    [pair] = match_site(signed(*week, th, en))
    assert pair.evidence == ["numbers:1", "names:2", "only-candidates"]


def test_days_apart_words_in_common_are_not_enough_and_a_photo_or_a_named_date_is() -> None:
    english = "Thailand Candidature Human Rights Council United Nations Geneva 2025-2027 140"
    th = record("/th/page/hrc", DAY, body=f"ไทยสมัคร {english}")
    en = record("/en/content/un-day", DAY + timedelta(days=6), body=english)
    assert match_site(signed(th, en)) == []
    th = record("/th/content/songkran-th", DAY, images=("a",))
    en = record("/en/content/songkran-festival", DAY + timedelta(days=6), images=("a",))
    assert paired(th, en) == {"songkran-th": ("songkran-festival", ["media:1"])}
    holidays = "วันหยุด 6 เมษายน 2568 และ 13 เมษายน 2568"
    th = record("/th/content/closed-th", DAY, body=holidays)
    en = record(
        "/en/content/closed-april", DAY + timedelta(days=3), body="6 April 2025, 13 April 2025"
    )
    assert paired(th, en) == {"closed-th": ("closed-april", ["mentioned:2"])}
