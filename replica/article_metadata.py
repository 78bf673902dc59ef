"""An article page's metadata block in the replica, in the layout's style: the dates
with their labels (or the bare template's label-less date), and the view counter inside
the block, beside it or after the body."""

from __future__ import annotations

from replica.content import Page
from replica.markup import Markup

IMPORTED, UPDATED = "วันที่นำเข้าข้อมูล", "วันที่ปรับปรุงข้อมูล"


def _view(m: Markup, page: Page, bar: str) -> str:
    count = f"{page.view_count:,}"
    style = m.layout.view
    if style == "split":
        return f"<p><span>{bar}</span> <span>{count}</span> <span>view</span></p>"
    if style == "icon":
        return f'<div><i class="fa fa-eye" aria-hidden="true"></i> <span>{bar} {count} view</span></div>'
    return f"<p>{bar} {count} view</p>".replace("<p> ", "<p>")


def _label(m: Markup, label: str, value: str) -> str:
    style = m.layout.labels
    if style == "one":
        return f"<p>{label} {m.text(value)}</p>"
    if style == "split":
        return f"<div><p>{label}</p><p>{m.text(value)}</p></div>"
    if style == "colon":
        return f"<p>{label} : {m.text(value)}</p>"
    return f"<p><span>{label}</span> <span>{m.text(value)}</span></p>"


def metadata(m: Markup, page: Page) -> tuple[str, str]:
    """The metadata block, and the view counter when it stands apart (``sibling``:
    right after the block; ``bar``: after the body)."""
    view = (
        _view(m, page, "" if page.template == "bare" else "|")
        if page.view_count is not None
        else ""
    )
    if m.layout.labels == "dotted":  # everything on one line
        shown = (
            [m.text(page.imported_raw)]
            if page.template == "bare" and page.imported_raw
            else [
                f"{label} {m.text(value)}"
                for label, value in ((IMPORTED, page.imported_raw), (UPDATED, page.updated_raw))
                if value is not None and page.template != "bare"
            ]
        )
        if page.view_count is not None:
            shown.append(f'<i class="icon-web-eye"></i> {page.view_count:,} view')
        return f"<div{m.cls('meta')}><small>{' · '.join(shown)}</small></div>", ""
    if page.template == "bare":
        dates = f"<p>{m.text(page.imported_raw)}</p>" if page.imported_raw else ""
    else:
        dates = "".join(
            _label(m, label, value)
            for label, value in ((IMPORTED, page.imported_raw), (UPDATED, page.updated_raw))
            if value is not None
        )
    if m.layout.view in ("sibling", "bar") and view:
        block = f"<div{m.cls('meta', 'd-flex')}>{dates}</div>"
        return (
            (block + f"<div{m.cls('views')}>{view}</div>", "")
            if m.layout.view == "sibling"
            else (block, view)
        )
    return (
        f"<div{m.cls('meta', 'd-flex justify-content-between')}><div>{dates}</div>{view}</div>",
        "",
    )
