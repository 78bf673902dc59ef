"""An article's page: its versions, newest first, each with its text and what changed
from the version before it (:func:`crawler.diffing.versions.diff`: fields, then
paragraphs, a changed paragraph word by word, Thai words with PyThaiNLP when the
``thai`` extra is installed)."""

from __future__ import annotations

from html import escape

from crawler.browse.layout import badge, bdi, document, site_file
from crawler.browse.media import media_html
from crawler.diffing.versions import Paragraph, diff
from crawler.export.histories import ArticleVersions, Version
from schemas.models import ArchivedArticle

REASONS = {
    "first": "first archived",
    "updated": "updated (the page's update date moved on)",
    "silent_edit": "silent edit (content changed, update date did not)",
    "changed": "changed (no newer update date)",
    None: "archived",
}


def _text(article: ArchivedArticle) -> str:
    dates = " · ".join(
        f"{name} {bdi(raw)}"
        for name, raw in (
            ("imported", article.imported_date_raw),
            ("updated", article.updated_date_raw),
        )
        if raw
    )
    body = "".join(f'<p class="t">{bdi(p)}</p>' for p in article.body)
    images = (
        f"<p>{len(article.images)} images, {len(article.videos)} videos, "
        f"{len(article.attachments)} attachments</p>{media_html(article, depth=1)}"
    )
    return (
        f'<p class="dates">{dates}</p><h3 class="t">{bdi(article.title or "")}</h3>{body}{images}'
    )


def _paragraph(p: Paragraph) -> str:
    if p.op == "added":
        return f'<p class="t added"><ins>{bdi(p.new or "")}</ins></p>'
    if p.op == "removed":
        return f'<p class="t removed"><del>{bdi(p.old or "")}</del></p>'
    pieces = "".join(_piece(piece.op, escape(piece.text)) for piece in p.pieces)
    return f'<p class="t changed"><bdi>{pieces}</bdi></p>'


def _piece(op: str, text: str) -> str:
    """Words kept as they are, added (``<ins>``) or removed (``<del>``)."""
    tag = {"added": "ins", "removed": "del"}.get(op)
    return f"<{tag}>{text}</{tag}>" if tag else text


def _changes(old: ArchivedArticle, new: ArchivedArticle, number: int) -> str:
    found = diff(old, new)
    fields = "".join(
        f"<tr><td>{escape(name)}</td><td class=t><del>{bdi(str(before))}</del></td>"
        f"<td class=t><ins>{bdi(str(after))}</ins></td></tr>"
        for name, before, after in found.fields
    )
    kept = sum(1 for p in found.paragraphs if p.op == "equal")
    shown = "".join(_paragraph(p) for p in found.paragraphs if p.op != "equal")
    s = found.summary
    summary = (
        f"{s.paragraphs_added} added, {s.paragraphs_removed} removed, "
        f"{s.paragraphs_changed} changed paragraphs; {s.characters_changed} characters"
    )
    fields_table = f"<table><tbody>{fields}</tbody></table>" if fields else ""
    return (
        f'<details class="diff" id="diff-{number}"><summary>Changes from version {number - 1}'
        f" ({escape(summary)})</summary>{fields_table}{shown or '<p>The body is the same.</p>'}"
        f'<p class="empty">{kept} paragraphs unchanged</p></details>'
    )


def _version(versions: list[Version], index: int, latest: str) -> str:
    version = versions[index]
    article = version.article
    number = index + 1
    flags = " (latest)" if version.key == latest else ""
    changes = _changes(versions[index - 1].article, article, number) if index else ""
    is_open = " open" if version.key == latest else ""
    return (
        f'<section class="version" id="v{number}"><h2>Version {number} of {len(versions)}'
        f"{flags}</h2><p>{escape(REASONS.get(article.version_reason, 'archived'))}; fetched "
        f"{article.fetched_at:%Y-%m-%d %H:%M} UTC</p>{changes}"
        f'<details class="text"{is_open}><summary>Text of version {number}</summary>'
        f"{_text(article)}</details></section>"
    )


def _removal(history: ArticleVersions) -> str:
    """What the last check of the page found, when the article is not live."""
    event = history.removal
    if event is None:
        return ""
    since = f"{event.since:%Y-%m-%d %H:%M} UTC" if event.since else "?"
    where = f" to {bdi(event.moved_to)}" if event.moved_to else ""
    return (
        f'<p class="warn">{badge(history.status)} absent since {since}{where}'
        f" ({bdi(event.reason)}); confirmed {event.at:%Y-%m-%d %H:%M} UTC</p>"
    )


def article_page(history: ArticleVersions, latest: ArchivedArticle) -> str:
    """The page of the article whose versions are ``history`` (``latest`` the one its
    ``latest.json`` names)."""
    versions = history.versions
    url = escape(latest.canonical_url)
    head = (
        f'<p><a href="../{site_file(latest.site)}">{bdi(latest.site)}</a> · '
        f'<a class="original" href="{url}">{bdi(latest.canonical_url)}</a> ·'
        f" {len(versions)} versions</p>{_removal(history)}"
    )
    body = "".join(_version(versions, i, history.latest) for i in reversed(range(len(versions))))
    return document(latest.title or latest.canonical_url, head + body, depth=1)
