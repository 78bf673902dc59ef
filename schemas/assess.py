"""From what an extractor saw to an article, with findings kept apart.

Two kinds of finding, never mixed:

* an **error** means the page is not an article (no title and no body text, or no
  date at all); :func:`build_content` raises :class:`NotAnArticle` and nothing is
  archived as an article;
* a **warning** means an article with an implausible or missing field; it is
  archived as published with the warning listed, because an archive keeps what the
  site published.

Both the text-form parser and the crawler's HTML extraction feed :class:`RawArticle`
through here, so the rules hold the same for every source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from schemas.dates import DateParseError, parse_platform_date
from schemas.models import ArticleContent, Attachment, Finding, ImageRef, Translation, VideoRef

EARLIEST_PLAUSIBLE_YEAR = 1990
DISAGREES = "disagrees with"
"""How a warning begins when the page's own evidence (its ``og:title``, JSON-LD, the
listing card that linked it...) contradicts what was read from the visible page:
``disagrees with og:title: "..."``.  Downstream users filter on it; the crawl counts
such articles per site (a template change shows as a jump)."""
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")


def bangkok_today(now: datetime | None = None) -> date:
    """Today's date where the platform's dates are written (Thailand, UTC+7, no DST)."""
    return (now or datetime.now(BANGKOK)).astimezone(BANGKOK).date()


@dataclass
class RawArticle:
    """The article's parts as strings, as an extractor saw them, before any judgement."""

    title: str | None = None
    imported_date_raw: str | None = None
    updated_date_raw: str | None = None
    view_count: int | None = None
    body: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    videos: list[VideoRef] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """Where each field was read (1-based line of the source text), for findings."""
    notes: list[Finding] = field(default_factory=list)
    """Warnings the extractor already has (e.g. unexpected text before the dates)."""
    evidence: dict[str, list[str]] = field(default_factory=dict)
    """Per field, the sources besides the visible page that agree with the reading."""


class NotAnArticle(ValueError):
    """The page is not an article; ``findings`` say why (the first one is the headline)."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(f.reason for f in findings))

    @property
    def line(self) -> int | None:
        return self.findings[0].line


def _shown(text: str | None) -> str | None:
    """The date string if the page really shows one (a bare label shows none)."""
    return text if text is not None and text.strip() else None


def _date(
    raw: RawArticle, name: str, today: date, findings: list[Finding]
) -> tuple[str | None, date | None]:
    text = _shown(getattr(raw, f"{name}_raw"))
    line = raw.lines.get(name)
    if text is None:
        return None, None
    try:
        value = parse_platform_date(text)
    except DateParseError as exc:
        reason = f"unparseable date: {exc}"
        findings.append(Finding(field=name, value=text, reason=reason, line=line))
        return text, None
    if value.year < EARLIEST_PLAUSIBLE_YEAR:
        reason = f"implausible date {value.isoformat()}: before {EARLIEST_PLAUSIBLE_YEAR}"
        findings.append(Finding(field=name, value=text, reason=reason, line=line))
    elif value > today:
        reason = f"implausible date {value.isoformat()}: after today ({today.isoformat()})"
        findings.append(Finding(field=name, value=text, reason=reason, line=line))
    return text, value


def build_content(raw: RawArticle, today: date | None = None) -> ArticleContent:
    """Normalise ``raw`` into :class:`ArticleContent` or raise :class:`NotAnArticle`."""
    today = today or bangkok_today()
    has_body_text = any(p.strip() for p in raw.body)
    has_title = raw.title is not None and bool(raw.title.strip())
    errors: list[Finding] = []
    shown_imported, shown_updated = _shown(raw.imported_date_raw), _shown(raw.updated_date_raw)
    if shown_imported is None and shown_updated is None:
        errors.append(
            Finding(
                field="imported_date",
                value=None,
                reason="no date: the page shows neither an import date nor an update date",
                line=raw.lines.get("metadata"),
            )
        )
    if not has_title and not has_body_text:
        errors.append(
            Finding(
                field="body",
                value=None,
                reason="neither a title nor any body text",
                line=raw.lines.get("body"),
            )
        )
    if errors:
        raise NotAnArticle(errors)

    warnings = list(raw.notes)
    imported_raw, imported = _date(raw, "imported_date", today, warnings)
    updated_raw, updated = _date(raw, "updated_date", today, warnings)
    for name, shown, other in (
        ("imported_date", shown_imported, shown_updated),
        ("updated_date", shown_updated, shown_imported),
    ):
        if shown is None and other is not None:
            value = getattr(raw, f"{name}_raw")
            reason = "label shown without a date" if value is not None else "not shown on the page"
            line = raw.lines.get(name)
            warnings.append(Finding(field=name, value=value, reason=reason, line=line))
    if imported and updated and updated < imported:
        reason = f"update ({updated.isoformat()}) before import ({imported.isoformat()})"
        warnings.append(
            Finding(
                field="updated_date",
                value=updated_raw,
                reason=reason,
                line=raw.lines.get("updated_date"),
            )
        )
    if not has_title and not any(f.field == "title" for f in raw.notes):  # said once
        warnings.append(Finding(field="title", value=raw.title, reason="no title line"))
    if not has_body_text:
        reason = "no body text: the page shows a title and dates but nothing else"
        warnings.append(Finding(field="body", value=None, reason=reason))
    if raw.view_count is None:
        warnings.append(Finding(field="view_count", value=None, reason="no view count shown"))
    return ArticleContent(
        title=raw.title if has_title else None,
        imported_date=imported,
        imported_date_raw=imported_raw,
        updated_date=updated,
        updated_date_raw=updated_raw,
        view_count=raw.view_count,
        body=[p for p in raw.body if p],
        images=raw.images,
        attachments=raw.attachments,
        videos=raw.videos,
        translations=raw.translations,
        warnings=warnings,
        evidence=raw.evidence,
    )
