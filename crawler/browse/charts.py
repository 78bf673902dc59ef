"""Charts as hand-drawn SVG, inline in the pages: no library, no CDN, nothing to load.

Each bar carries a ``<title>`` (its label and count, shown on hover) and each chart an
``aria-label``, so what a chart says can also be read without seeing it.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from crawler.browse.layout import plain
from schemas.assess import EARLIEST_PLAUSIBLE_YEAR

WIDTH, HEIGHT, LEFT, RIGHT, BOTTOM, TOP = 720, 180, 44, 40, 28, 12
RECENT_MONTHS = 60
"""Monthly charts show the last five years; the yearly chart shows them all."""
COLOURS = ("#2f6f9f", "#d9822b")


def months(*counters: Counter[str], until: str, last: int = RECENT_MONTHS) -> list[str]:
    """The ``last`` months up to the latest one counted no later than ``until``
    (``YYYY-MM``, the report's month: a later date is implausible), gaps kept (so time
    reads true); ``YYYY-MM`` keys only (``undated`` is shown apart)."""
    found = sorted(k for c in counters for k in c if len(k) == 7 and k[4] == "-" and k <= until)
    if not found:
        return []
    year, month = map(int, found[-1].split("-"))
    out = []
    for _ in range(last):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        if out[-1] <= found[0]:
            break
    return out[::-1]


def years(counts: Counter[str], until: str) -> tuple[Counter[str], int]:
    """Monthly counts summed per year from :data:`EARLIEST_PLAUSIBLE_YEAR` to the month
    ``until`` (the report's); and how many are dated outside (implausible dates, which
    the warnings list)."""
    per_year: Counter[str] = Counter()
    outside = 0
    for key, n in counts.items():
        if len(key) == 7 and key[4] == "-":
            if int(key[:4]) < EARLIEST_PLAUSIBLE_YEAR or key > until:
                outside += n
            else:
                per_year[key[:4]] += n
    return per_year, outside


def every_year(per_year: Counter[str]) -> list[str]:
    """Every year from the first counted to the last (years without articles kept)."""
    if not per_year:
        return []
    return [str(y) for y in range(int(min(per_year)), int(max(per_year)) + 1)]


def _frame(label: str, top: int, ticks: str, bars: str, legend: str = "") -> str:
    return (
        f"<figure><figcaption>{escape(label)}</figcaption>"
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} '
        f'{HEIGHT}" width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="#888"/><text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end">{top}</text>'
        f'<text x="{LEFT - 6}" y="{HEIGHT - BOTTOM}" text-anchor="end">0</text>'
        f"{ticks}{bars}{legend}</svg></figure>"
    )


def bars(label: str, keys: list[str], series: list[tuple[str, Counter[str]]]) -> str:
    """Bars per key (a month, a year), one bar per series side by side."""
    if not keys:
        return f'<p class="empty">{escape(label)}: nothing dated to chart.</p>'
    top = max(max((counts[k] for k in keys), default=0) for _n, counts in series) or 1
    slot = (WIDTH - LEFT - RIGHT) / len(keys)
    bar = max(slot / len(series) - 1, 1)
    plot = HEIGHT - BOTTOM - TOP
    drawn, ticks = [], []
    every = max(1, len(keys) // 12)
    for i, key in enumerate(keys):
        x = LEFT + i * slot
        for j, (name, counts) in enumerate(series):
            if counts[key]:
                h = plot * counts[key] / top
                drawn.append(
                    f'<rect x="{x + j * bar:.1f}" y="{HEIGHT - BOTTOM - h:.1f}" width="{bar:.1f}" '
                    f'height="{h:.1f}" fill="{COLOURS[j % 2]}"><title>{escape(name)} {key}: '
                    f"{counts[key]}</title></rect>"
                )
        if i % every == 0:
            ticks.append(f'<text x="{x:.1f}" y="{HEIGHT - 10}">{key}</text>')
    legend = (
        "".join(
            f'<rect x="{LEFT + 8 + 170 * j}" y="2" width="10" height="10" fill="{COLOURS[j % 2]}"/>'
            f'<text x="{LEFT + 22 + 170 * j}" y="11">{escape(name)}</text>'
            for j, (name, _c) in enumerate(series)
        )
        if len(series) > 1
        else ""
    )
    return _frame(label, top, "".join(ticks), "".join(drawn), legend)


def ranked(label: str, counts: Counter[str], limit: int = 12) -> str:
    """Horizontal bars, the largest counts first (at most ``limit``)."""
    items = counts.most_common(limit)
    if not items:
        return f'<p class="empty">{escape(label)}: none.</p>'
    top, row = items[0][1], 22
    height = row * len(items) + 8
    bars = "".join(
        f'<text x="0" y="{i * row + 15}">{plain(name[:70])}</text>'
        f'<rect x="430" y="{i * row + 4}" width="{270 * n / top:.1f}" height="14" '
        f'fill="{COLOURS[0]}"><title>{plain(name)}: {n}</title></rect>'
        f'<text x="{436 + 270 * n / top:.1f}" y="{i * row + 15}">{n}</text>'
        for i, (name, n) in enumerate(items)
    )
    return (
        f"<figure><figcaption>{escape(label)}</figcaption>"
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} '
        f'{height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f"{bars}</svg></figure>"
    )
