"""Files a later run fetched, for the versions stored before: the record of a version
says what was known when it was stored (``not fetched yet``), the archive's URL entries
(``media/urls/``) say what it holds now.  Readers of the archive -- the export, the
report, ``scrapy diff`` -- show the version with the files it holds now."""

from __future__ import annotations

from crawler.media.entries import Outcome, told
from crawler.state.media import DUE_AGAIN, KnownFile
from crawler.storage import Storage
from crawler.storage.layout import media_url_key
from schemas.models import ArchivedArticle


def pending(article: ArchivedArticle) -> list[str]:
    """The URLs of the article's files its record says a later run would fetch."""
    return [
        url
        for url, _file, missing in article.file_entries()
        if url and missing and missing.startswith(DUE_AGAIN)
    ]


def with_late_files(storage: Storage, article: ArchivedArticle) -> ArchivedArticle:
    """The article with each file a later run fetched named as held."""
    urls = pending(article)
    if not urls:
        return article
    found: dict[str, Outcome] = {}
    for url in urls:
        entry = KnownFile.read(storage.get(media_url_key(url)) or b"")
        if entry is not None:
            found[url] = entry.as_stored()
    return told(article, found, only_these=True) if found else article
