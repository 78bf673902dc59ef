"""What a page was read as, and from where: ``scrapy explain``'s answer.

When a site changes its templates, the operator's first question is "what does the
crawler make of this page now?".  :func:`explain` reads a page exactly as the crawl
does (:func:`crawler.platforms.reading.read_fetched`), then names, for each field, the
element it came from (a short CSS-like path and its text), the evidence and whether it
agrees, the warnings, and the text form that would be archived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import html as lxml_html
from lxml.html import HtmlElement

from crawler.platforms.evidence import Evidence, page_evidence
from crawler.platforms.mfa import PageContext
from crawler.platforms.mfa.confirm import agrees
from crawler.platforms.page import one_line
from crawler.platforms.reading import read_fetched
from schemas.assess import NotAnArticle, bangkok_today, build_content
from schemas.models import ArticleContent, Finding
from schemas.textform import render

PATH_DEPTH = 5
"""Elements of a path shown (the innermost ones)."""


@dataclass
class Explanation:
    """A page's reading, field by field, with where each came from."""

    url: str
    kind: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    """(field, value as read, where: the element's path and line)."""
    evidence: list[tuple[str, str, str]] = field(default_factory=list)
    """(field, source: claim, agrees / disagrees)."""
    warnings: list[Finding] = field(default_factory=list)
    text: str | None = None
    """The text form archived, or None for a page that is no article."""
    problem: str | None = None
    """Why the page is no article (its first error), or could not be read."""


_STYLED_JSX = re.compile(r"jsx-\d+$")


def element_path(element: HtmlElement) -> str:
    """``… > div.container > div.col-md-9 > h2`` (tags, an id or the first class that
    names something: styled-jsx's ``jsx-<hash>`` classes change with every deploy of the
    site, so a path naming them would lead nowhere the next day)."""
    parts = []
    for node in (element, *element.iterancestors()):
        if node.tag in ("html", "body"):
            break
        label = str(node.tag)
        named = [c for c in str(node.get("class") or "").split() if not _STYLED_JSX.match(c)]
        if node.get("id"):
            label += f"#{node.get('id')}"
        elif named:
            label += "." + named[0]
        parts.append(label)
    shown = " > ".join(reversed(parts[:PATH_DEPTH]))
    return f"… > {shown}" if len(parts) > PATH_DEPTH else shown


def _shown_in(document: HtmlElement, text: str | None) -> list[HtmlElement]:
    """The innermost elements of the page's body that show ``text``, in page order."""
    wanted = one_line(text) or ""
    body = document.find("body")
    found: list[HtmlElement] = []
    if not wanted:
        return found
    for element in (body if body is not None else document).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if wanted in (one_line(element.text_content()) or ""):
            found = [e for e in found if e not in element.iterancestors()] + [element]
    return found


def _where(found: list[HtmlElement], before: HtmlElement | None = None) -> str:
    """Where a field came from: of the elements showing it, the last before ``before``
    (the metadata block: a title is read from the heading nearest above it)."""
    if not found:
        return "not shown as such (read from parts of the page)"
    order = {e: i for i, e in enumerate(found[0].getroottree().iter())}
    if before is not None:
        earlier = [e for e in found if order.get(e, 0) < order.get(before, 0)]
        found = earlier or found
    element = found[-1] if before is not None else found[0]
    return f"{element_path(element)} (line {element.sourceline})"


def _claims(evidence: Evidence, content: ArticleContent) -> list[tuple[str, str, str]]:
    rows = []
    for claim in evidence.titles:
        verdict = "agrees" if content.title and agrees(content.title, claim) else "disagrees"
        rows.append(("title", f"{claim.source}: {claim.value}", verdict))
    days = {d for d in (content.imported_date, content.updated_date) if d is not None}
    for claim in evidence.dates:
        rows.append(
            (
                "date",
                f"{claim.source}: {claim.value}",
                "agrees" if claim.value in days else "disagrees",
            )
        )
    read = {u for image in content.images for u in (image.url, image.served_url) if u}
    for claim in evidence.images:
        shown = "among the pictures read" if str(claim.value) in read else "not among them"
        rows.append(("images", f"{claim.source}: {claim.value}", shown))
    return rows


def explain(body: bytes, url: str, encoding: str = "utf-8") -> Explanation:
    """Read ``body`` (a page fetched from ``url``) as the crawl does, and say how."""
    original = lxml_html.document_fromstring(body)
    context = PageContext.of(url)
    read = read_fetched(
        body, encoding, lambda: lxml_html.document_fromstring(body), context, 10_000
    )
    found = Explanation(url, read.kind, problem=read.problem)
    if read.page is None or read.kind != "article":
        if read.kind == "listing" and read.page is not None:
            found.fields = [("card", c.title or "", c.url) for c in read.page.cards]
        return found
    raw = read.page.raw
    try:
        content = build_content(raw, today=bangkok_today(datetime.now(UTC)))
    except NotAnArticle as exc:
        found.problem = str(exc)
        found.warnings = exc.findings
        return found
    body_first = content.body[0] if content.body else None
    dates = _shown_in(original, content.imported_date_raw or content.updated_date_raw)
    found.fields = [
        (
            "title",
            content.title or "(none)",
            _where(_shown_in(original, content.title), dates[0] if dates else None),
        ),
        (
            "imported_date",
            f"{content.imported_date_raw} -> {content.imported_date}",
            _where(_shown_in(original, content.imported_date_raw)),
        ),
        (
            "updated_date",
            f"{content.updated_date_raw} -> {content.updated_date}",
            _where(_shown_in(original, content.updated_date_raw)),
        ),
        ("view_count", str(content.view_count), "-"),
        ("body", f"{len(content.body)} paragraphs", _where(_shown_in(original, body_first))),
        ("images", f"{len(content.images)}", ", ".join(i.url or "?" for i in content.images)),
        ("videos", f"{len(content.videos)}", ", ".join(v.url or "?" for v in content.videos)),
        (
            "attachments",
            f"{len(content.attachments)}",
            ", ".join(a.url for a in content.attachments),
        ),
    ]
    found.evidence = _claims(page_evidence(original, url), content)
    found.warnings = content.warnings
    found.text = render(content)
    return found


def lines(found: Explanation) -> list[str]:
    """The explanation as the terminal shows it."""
    out = [f"{found.url}: read as {found.kind}"]
    if found.problem:
        out.append(f"  not archived as an article: {found.problem}")
    width = max((len(name) for name, _v, _w in found.fields), default=0)
    for name, value, where in found.fields:
        out.append(f"  {name:<{width}}  {value}")
        out.append(f"  {'':<{width}}    from: {where}")
    if found.evidence:
        out.append("evidence:")
        out += [f"  {name}: {claim} -- {verdict}" for name, claim, verdict in found.evidence]
    if found.warnings:
        out.append("warnings:")
        out += [f"  {w.field}: {w.reason}" for w in found.warnings]
    if found.text is not None:
        out += ["text form:", *(f"  | {line}" for line in found.text.split("\n"))]
    return out
