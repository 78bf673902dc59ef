"""The frame every report page shares, and the stylesheet and script beside them.

Pages link ``style.css`` and ``report.js`` by relative paths, so the folder opens from
disk (``file://``) or from any static web server, and nothing comes from elsewhere.
"""

from __future__ import annotations

import re
from html import escape

STYLE = """
body { font: 15px/1.5 "Noto Sans Thai", "Noto Sans", sans-serif; margin: 0 auto;
       max-width: 1000px; padding: 0 16px 48px; color: #222; }
header { border-bottom: 1px solid #ccc; margin-bottom: 16px; }
nav a { margin-right: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 24px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
td.n, th.n { text-align: right; }
.t { white-space: pre-wrap; margin: 0 0 8px; }
del { background: #fde2e2; text-decoration: line-through; }
ins { background: #ddf4dd; text-decoration: none; }
.bad { color: #b00020; font-weight: bold; } .ok { color: #1b7a1b; }
.filters { display: flex; gap: 8px; margin: 8px 0; }
.filters input { flex: 1; padding: 4px; }
details { margin: 8px 0; } summary { cursor: pointer; font-weight: bold; }
section.version { border-top: 1px solid #ccc; padding-top: 8px; }
svg.chart { max-width: 100%; height: auto; font-size: 10px; fill: #444; }
figure { margin: 8px 0 16px; } figcaption { color: #555; font-size: 13px; }
.empty { color: #777; }
"""

SCRIPT = """
// Site pages: the search box and the language and year filters hide the rows that do
// not match (data-text is the lowercased title and URL).
function applyFilters() {
  var text = document.getElementById('search').value.trim().toLowerCase();
  var lang = document.getElementById('lang').value;
  var year = document.getElementById('year').value;
  var shown = 0;
  document.querySelectorAll('tr[data-text]').forEach(function (row) {
    var ok = (!text || row.dataset.text.indexOf(text) >= 0) &&
             (!lang || row.dataset.lang === lang) && (!year || row.dataset.year === year);
    row.hidden = !ok;
    if (ok) { shown += 1; }
  });
  document.getElementById('shown').textContent = shown;
}
document.addEventListener('DOMContentLoaded', function () {
  ['search', 'lang', 'year'].forEach(function (id) {
    var input = document.getElementById(id);
    if (input) { input.addEventListener('input', applyFilters); }
  });
});
"""


BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def bdi(text: str) -> str:
    """Page text, escaped and isolated (``<bdi>``): its bidirectional controls (a right-to-
    left override, an isolate left open) reorder nothing of the page around it."""
    return f"<bdi>{escape(text)}</bdi>"


def plain(text: str) -> str:
    """Page text where no markup can isolate it (the window title, SVG labels): escaped,
    its bidirectional controls shown as their code points."""
    return escape(BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text))


def document(title: str, body: str, depth: int = 0) -> str:
    """A whole page; ``depth`` is how many folders below the report's root it sits."""
    up = "../" * depth
    return (
        '<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{plain(title)}</title>"
        f'<link rel="stylesheet" href="{up}style.css"><script src="{up}report.js"></script>'
        f'</head><body><header><nav><a href="{up}index.html">Archive</a>'
        f'<a href="{up}quarantine.html">Quarantine</a></nav><h1>{bdi(title)}</h1></header>'
        f"{body}</body></html>\n"
    )


def table(head: list[str], rows: list[str], numeric: set[int] | None = None) -> str:
    """A table of ``rows`` (already ``<tr>...</tr>``) under the header ``head``."""
    numeric = numeric or set()
    cells = "".join(
        f"<th{' class=n' if i in numeric else ''}>{escape(h)}</th>" for i, h in enumerate(head)
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def cell(value: object, numeric: bool = False) -> str:
    return f"<td{' class=n' if numeric else ''}>{bdi(str(value))}</td>"


def site_file(site: str) -> str:
    """A site page's file (sites are host names, ``host:port`` as ``host_port``)."""
    return f"s/{site.replace(':', '_')}.html"


def removals_file(site: str) -> str:
    """A site's page of removals (articles gone or moved)."""
    return f"s/{site.replace(':', '_')}-removals.html"


def badge(status: str) -> str:
    """A "removed" or "moved" badge (nothing for a live article)."""
    labels = {"gone": "removed", "moved": "moved"}
    return f' <span class="bad badge">{labels[status]}</span>' if status in labels else ""
