"""The contract: what an archived ministry news article is.

Two layers, as in zyte-common-items: :class:`ArticleContent` is what the page
itself says (raw strings beside their normalised values), :class:`ArchivedArticle`
adds what the archive knows about the fetch.  A field the page does not show is
``None``; nothing is invented.  Text is kept exactly as published (NBSP, Thai
digits, leading and trailing spaces): only its line structure is constrained, so
that the text form (:mod:`schemas.textform`) can always be written and read back.

Downstream users rely on these field names; change them only with a new
``SCHEMA_VERSION``.  Version 1.1 added ``videos`` and ``ImageRef.served_url``; 1.2
added ``translations``; 1.3 ``warc_record``; 1.4 ``evidence``; 1.5 the archive's copies of
pictures and attachments (``file``, ``missing``: :class:`StoredFile`); an older record
reads as a 1.5 record without them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Final = "1.5"

_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _one_line(value: str) -> str:
    """Text that sits on one line of the text form: no line breaks of any kind."""
    if _LINE_BREAKS.search(value):
        raise ValueError("must not contain a line break")
    return value


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/?#]+", value, re.IGNORECASE):
        raise ValueError("must be an absolute http(s) URL")
    return value


OneLine = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
HttpUrlStr = Annotated[str, AfterValidator(_http_url)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Finding(_Model):
    """Something implausible or missing on a page, naming the field and the value."""

    field: str
    """The schema field concerned, e.g. ``updated_date``."""
    value: str | None
    """The value as shown on the page (the raw string), or ``None`` when it is absent."""
    reason: str
    """Why the value is doubtful, in words a person can act on."""
    line: int | None = None
    """1-based line of the text form where the value was read, when parsed from text."""


COPY_FIELDS: Final = frozenset({"file", "missing", "thumbnail_file", "thumbnail_missing"})
"""The fields of a picture, video or attachment entry that say what the archive holds of
its file, not what the page shows (schema 1.5)."""


class StoredFile(_Model):
    """A file the archive holds a copy of, by its content: ``media/<sha256[:2]>/<sha256>``
    beside ``articles/``, one copy however many articles and versions show it."""

    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 (hex) of the file's bytes, which is also its name in the archive."""
    size: int = Field(ge=0)
    """The file's size in bytes."""
    content_type: str | None = None
    """The ``Content-Type`` the server sent with it, as sent (``None``: none sent)."""


class ImageRef(_Model):
    """One image of the article (its gallery, or a picture in the body)."""

    url: HttpUrlStr | None = None
    """Absolute URL of the image's original, where known.  On the platform's image host
    (``image.mfa.go.th/mfa/<op>/<site key>/<path>``) this is the original rendition
    (``<op>`` = ``0``), whichever resized or cropped one the page shows."""
    served_url: HttpUrlStr | None = None
    """The image URL exactly as the page serves it (a thumbnail, a lazy-loading
    placeholder such as ``.../mfa/r_50x50/...``), made absolute; ``None`` when not known
    (records made from the text form)."""
    caption: OneLine | None = None
    """The image's visible caption, else its title or alt text, else the gallery's
    heading when that is the CMS's default caption ("รูปภาพประกอบ" / "Images")."""
    file: StoredFile | None = None
    """The archive's copy of the original (``url``), when it has one (schema 1.5)."""
    missing: OneLine | None = None
    """Why the archive holds no copy of it: ``404``, ``too large``, ``not fetched yet``
    (a later run fetches it), ``capture off``...; ``None`` when ``file`` is set, or in
    records older than schema 1.5."""


class VideoRef(_Model):
    """One video of the article: the platform's video section, or an embedded player."""

    title: OneLine | None = None
    """The video's title as shown (its ``title`` attribute or visible text)."""
    url: HttpUrlStr | None = None
    """Where the video plays (a YouTube or Facebook link, an embed's ``src``), if the
    page links it; the platform's video section often opens a player by script only."""
    thumbnail_url: HttpUrlStr | None = None
    """The thumbnail's original rendition (see :attr:`ImageRef.url`)."""
    thumbnail_served_url: HttpUrlStr | None = None
    """The thumbnail URL exactly as the page serves it."""
    thumbnail_file: StoredFile | None = None
    """The archive's copy of the thumbnail's original (schema 1.5; the player is not
    downloaded)."""
    thumbnail_missing: OneLine | None = None
    """Why the archive holds no copy of the thumbnail (see :attr:`ImageRef.missing`)."""


class Attachment(_Model):
    """A file linked from the article (PDF, DOCX, ...)."""

    url: HttpUrlStr
    """Absolute URL of the file."""
    title: OneLine | None = None
    """The link text as shown, if any."""
    file: StoredFile | None = None
    """The archive's copy of the file (schema 1.5)."""
    missing: OneLine | None = None
    """Why the archive holds no copy of it (see :attr:`ImageRef.missing`)."""


class Translation(_Model):
    """A link the page gives to the same article in another language."""

    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]{2,4})?$")]
    """The language of the linked page, from its URL path (``en``, ``th``, ...)."""
    url: HttpUrlStr
    """The linked page's absolute URL, as linked."""


class WarcRecordRef(_Model):
    """Where, in the archive's WARC files, the server's response a version was read from is."""

    file: Annotated[str, Field(pattern=r"^warc/[A-Za-z0-9._-]+\.warc\.gz$")]
    """The WARC file's key in the archive (``warc/<name>.warc.gz``)."""
    offset: int = Field(ge=0)
    """Where the record's gzip member starts in the file, in bytes."""
    length: int = Field(ge=1)
    """The record's length in the file (compressed), in bytes: with ``offset``, what a
    replayer's index holds (a CDXJ line's ``offset`` and ``length``)."""
    record_id: Annotated[str, Field(pattern=r"^<urn:uuid:[0-9a-f-]{36}>$")]
    """The record's ``WARC-Record-ID``."""


class ArticleContent(_Model):
    """What the page says: the article as published, nothing added."""

    title: OneLine | None = None
    """The headline, exactly as shown; ``None`` when the page shows no title line."""
    imported_date: date | None = None
    """Date imported (published), "วันที่นำเข้าข้อมูล", normalised to the Gregorian calendar."""
    imported_date_raw: OneLine | None = None
    """The imported date exactly as shown, e.g. ``11 ก.ย. 2563``."""
    updated_date: date | None = None
    """Date updated, "วันที่ปรับปรุงข้อมูล", normalised; the key of incremental re-archiving."""
    updated_date_raw: OneLine | None = None
    """The updated date exactly as shown, e.g. ``28 พ.ย. 2565``."""
    view_count: int | None = Field(default=None, ge=0)
    """The page's view counter at fetch time ("| 2,313 view")."""
    body: list[OneLine] = []
    """The body paragraphs in order, text kept exactly (NBSP-only separator paragraphs too)."""
    images: list[ImageRef] = []
    """The article's images in order (body pictures, then the gallery), with captions."""
    videos: list[VideoRef] = []
    """The article's videos in order; never part of the body."""
    attachments: list[Attachment] = []
    """Linked files (documents) in order."""
    translations: list[Translation] = []
    """The page's links to itself in other languages (its language switch, or
    ``<link rel="alternate" hreflang>``) when they lead to an article, not to the other
    language's home page.  Navigation, not content: not part of ``content_sha256``."""
    warnings: list[Finding] = []
    """Implausible or missing fields; the article is archived as published with these listed."""
    evidence: dict[str, list[str]] = {}
    """Per field (``title``, ``imported_date``, ``images``), the sources besides the visible
    page that agree with the reading: the page's own ``title``, ``og:title``,
    ``og:image``, ``article:published_time``, ``json-ld``, ``next-data`` (Next.js page
    props), and the listing ``card`` that linked it.  A field the evidence disagrees with
    is listed in ``warnings`` instead ("disagrees with og:title: ..."); a field absent here
    had no evidence to compare with.  For filtering on confidence; our judgement, not the
    page: not part of ``content_sha256`` (schema 1.4; empty in older records)."""

    def file_entries(self) -> list[tuple[str | None, StoredFile | None, str | None]]:
        """Each file the article shows -- its pictures, its videos' thumbnails, its
        attachments, in that order -- as (URL, the archive's copy, why there is none)."""
        entries = [(i.url, i.file, i.missing) for i in self.images]
        entries += [(v.thumbnail_url, v.thumbnail_file, v.thumbnail_missing) for v in self.videos]
        entries += [(a.url, a.file, a.missing) for a in self.attachments]
        return entries

    @model_validator(mode="after")
    def _normalised_dates_have_raw(self) -> ArticleContent:
        for name in ("imported_date", "updated_date"):
            if getattr(self, name) is not None and getattr(self, f"{name}_raw") is None:
                raise ValueError(f"{name} is set but {name}_raw is not")
        return self


class ArchivedArticle(ArticleContent):
    """One archived version of an article: the page's content plus what the archive adds."""

    url: HttpUrlStr
    """The URL as fetched, query included (the query names the menu it was reached from)."""
    canonical_url: HttpUrlStr
    """The article's identity: scheme, host, path with the menu query removed; one per article."""
    site: Annotated[str, Field(pattern=r"^[a-z0-9.-]+(:\d+)?$")]
    """Host of the site the article belongs to, e.g. ``www.mfa.go.th``."""
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]{2,4})?$")] | None = None
    """Language of the page from its URL path (``th``, ``en``, ...)."""
    category: OneLine | None = None
    """Category or menu the article was listed under, where known."""
    fetched_at: datetime
    """When the page was fetched, in UTC."""
    content_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the content (see ``schemas.digest``); the view counter does not count."""
    version_reason: Literal["first", "updated", "silent_edit", "changed"] | None = None
    """Why this version was archived: the article's ``first`` version; ``updated`` (a newer
    update date); ``silent_edit`` (same update date, different content: flagged, because an
    archive never drops content it has not kept); ``changed`` (different content with no
    update date, or with an update date older than the latest version's)."""
    warc_record: WarcRecordRef | None = None
    """The WARC record of the fetch this version was read from: its ``response``, or a
    ``revisit`` when the crawl had already received the same payload (the record's
    ``WARC-Refers-To-*`` headers name the response holding it).  ``None`` when the crawl
    wrote no WARC files (``WARC_ENABLED`` off).  Which fetch, not what the page says: not
    part of ``content_sha256``."""
    schema_version: Literal["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"] = SCHEMA_VERSION
    """Version of this schema the record was written with (1.0 records have no videos
    and no served image URLs; 1.0 and 1.1 records no translations; records before 1.3
    no WARC record; records before 1.4 no evidence)."""

    @model_validator(mode="after")
    def _fetched_at_is_utc(self) -> ArchivedArticle:
        offset = self.fetched_at.utcoffset()
        if offset is None or offset.total_seconds() != 0:
            raise ValueError("fetched_at must be a UTC timestamp")
        return self
