"""The spool keeps everything an item needs to be stored later, exactly."""

from __future__ import annotations

from pathlib import Path

from crawler.items import FetchedPage
from crawler.storage.spool.disk import Spool
from schemas.assess import RawArticle
from schemas.models import WarcRecordRef
from tests.support.project import make_article


def _page(**changes: object) -> FetchedPage:
    article = make_article()
    page = FetchedPage(
        url=article.url,
        canonical_url=article.canonical_url,
        site=article.site,
        language="th",
        category="ข่าวเด่น",
        fetched_at=article.fetched_at,
        html="<p>ข่าว\u00a0๑๒</p>".encode(),
        encoding="utf-8",
        raw=RawArticle(),
        article=article,
        version_reason="reverted",
        existing_key="articles/www.mfa.go.th/th/content/x/2022-11-28_0123456789abcdef",
        etag='"abc"',
        last_modified="Thu, 26 Nov 2026 08:00:00 GMT",
        warc_record=WarcRecordRef(
            file="warc/mfa-20261203T170000-1-abcdef-00001.warc.gz",
            offset=265,
            length=561,
            record_id="<urn:uuid:aa7d1767-6707-40a5-8fd7-d8f5506eba66>",
        ),
    )
    for name, value in changes.items():
        setattr(page, name, value)
    return page


def test_an_entry_round_trips_every_field_the_store_uses(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    page = _page()
    entry = spool.put(page)
    loaded = spool.load(entry)
    for name in (
        "url",
        "canonical_url",
        "site",
        "language",
        "category",
        "fetched_at",
        "html",
        "encoding",
        "article",
        "errors",
        "version_reason",
        "existing_key",
        "etag",
        "last_modified",
        "warc_record",
    ):
        assert getattr(loaded, name) == getattr(page, name), name


def test_set_aside_and_half_written_entries_are_not_listed(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    kept, refused = spool.put(_page()), spool.put(_page(url="https://www.mfa.go.th/th/b"))
    (tmp_path / "spool" / "00000000000000000001-half").mkdir()  # no item.json: a crash
    aside = spool.set_aside(refused, "Not a directory", "refused")
    assert spool.entries() == [kept] and len(spool) == 1
    assert (aside / "reason.txt").read_text("utf-8") == "Not a directory\n"
    assert (aside / "item.json").is_file()  # kept whole for a person to look at
