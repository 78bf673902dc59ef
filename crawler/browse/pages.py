"""The index (sites, charts, runs), a page per site (its articles, searchable and
filtered by language and year) and the quarantine page."""

from __future__ import annotations

from collections import Counter
from html import escape

from crawler.browse.charts import bars, every_year, months, ranked, years
from crawler.browse.gather import UNDATED, ArticleRow, Overview, by_site
from crawler.browse.layout import badge, bdi, cell, document, removals_file, site_file, table
from crawler.runs.report import RunReport
from schemas.assess import EARLIEST_PLAUSIBLE_YEAR


def _runs(runs: list[RunReport]) -> str:
    rows = []
    for run in reversed(runs):
        health = '<td class="ok">healthy</td>' if run.healthy else '<td class="bad">FAILED</td>'
        totals = ", ".join(f"{k} {v}" for k, v in sorted(run.totals.items()) if v)
        problems = "; ".join(run.problems)
        rows.append(
            f"<tr>{cell(f'{run.started:%Y-%m-%d %H:%M} UTC')}{cell(run.mode or '?')}{health}"
            f"{cell(f'{run.duration_seconds:.0f} s', True)}{cell(totals or 'nothing')}"
            f"{cell(problems)}</tr>"
        )
    if not rows:
        return '<p class="empty">No run report in the archive.</p>'
    return table(["started", "mode", "health", "took", "totals", "problems"], rows, {3})


NUMBERS = {1, 2, 3}


def _site_charts(site: str, counts: Counter[str], until: str) -> str:
    """A site's articles per year of publication, then per month of the last five years."""
    per_year, outside = years(counts, until)
    implausible = (
        f"dated before {EARLIEST_PLAUSIBLE_YEAR} or after {until} (implausible: see warnings)"
    )
    notes = [
        f"{n} {what}" for n, what in ((counts[UNDATED], "undated"), (outside, implausible)) if n
    ]
    return (
        f"<h3>{bdi(site)}</h3>"
        + bars(
            f"Articles of {site} per year of publication",
            every_year(per_year),
            [("articles", per_year)],
        )
        + bars(
            f"Articles of {site} per month of publication, last five years",
            months(counts, until=until),
            [("articles", counts)],
        )
        + (f'<p class="empty">Not charted: {"; ".join(notes)}.</p>' if notes else "")
    )


def index_page(overview: Overview) -> str:
    rows = overview.rows
    sites = by_site(rows)
    site_rows = [
        f'<tr><td><a class="site" href="{site_file(site)}">{bdi(site)}</a></td>'
        f"{cell(len(items), True)}{cell(sum(r.versions for r in items), True)}"
        f"{cell(sum(r.silent_edits for r in items), True)}"
        f"{cell(', '.join(sorted({r.language for r in items})))}</tr>"
        for site, items in sites.items()
    ]
    totals = (
        f"<p>{len(rows)} articles, {sum(r.versions for r in rows)} versions, "
        f"{sum(r.silent_edits for r in rows)} silent edits, {len(sites)} sites; "
        f'<a href="quarantine.html">{len(overview.quarantine)} pages quarantined</a>.</p>'
    )
    until = overview.today.strftime("%Y-%m")
    per_site = "".join(
        _site_charts(site, counts, until) for site, counts in sorted(overview.per_month.items())
    )
    activity = bars(
        "Updates and silent edits per month",
        months(overview.updates, overview.silent_edits, until=until),
        [
            ("updates (by update date)", overview.updates),
            ("silent edits (by fetch)", overview.silent_edits),
        ],
    )
    if overview.unreadable:
        names = "".join(f"<li>{bdi(str(problem))}</li>" for problem in overview.unreadable)
        totals += (
            f'<p class="warn">{len(overview.unreadable)} records could not be read and are'
            f" left out of this report (<code>scrapy verify</code> checks the archive):</p>"
            f"<ul>{names}</ul>"
        )
    body = (
        f"{totals}<h2>Sites</h2>"
        + table(["site", "articles", "versions", "silent edits", "languages"], site_rows, NUMBERS)
        + f"<h2>Articles per site per month</h2>{per_site}"
        + f"<h2>Updates and silent edits</h2>{activity}"
        + "<h2>Warnings</h2>"
        + ranked("Warnings on the latest versions, by field and reason", overview.warnings)
        + f"<h2>Last runs</h2>{_runs(overview.runs)}"
    )
    return document("Ministry news archive", body)


def _options(name: str, values: list[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return (
        f'<select id="{name}" aria-label="{name}"><option value="">every {name}</option>'
        f"{options}</select>"
    )


def site_page(site: str, rows: list[ArticleRow]) -> str:
    ordered = sorted(rows, key=lambda r: (r.published, r.url), reverse=True)
    lines = [
        f'<tr data-text="{escape((r.title + " " + r.url).lower())}"'
        f' data-lang="{escape(r.language)}" data-year="{escape(r.year)}">'
        f"<td>{escape(r.published)}</td>"
        f'<td><a href="../{r.page}">{bdi(r.title)}</a>{badge(r.status)}</td>{cell(r.language)}'
        f"{cell(r.versions, True)}{cell(r.silent_edits, True)}{cell(r.warnings, True)}</tr>"
        for r in ordered
    ]
    years = sorted({r.year for r in rows}, reverse=True)
    filters = (
        '<div class="filters"><input id="search" type="search" placeholder="Search titles and '
        f'URLs" aria-label="search">{_options("lang", sorted({r.language for r in rows}))}'
        f'{_options("year", years)}</div><p><span id="shown">{len(rows)}</span> of '
        f"{len(rows)} articles shown</p>"
    )
    head = ["published", "title", "language", "versions", "silent edits", "warnings"]
    removed = sum(1 for r in rows if r.status != "live")
    link = f'<p><a href="../{removals_file(site)}">{removed} articles removed or moved</a></p>'
    return document(site, link + filters + table(head, lines, {3, 4, 5}), depth=1)


def removals_page(site: str, rows: list[ArticleRow]) -> str:
    """A site's articles taken down or moved, the latest removals first."""
    removed = sorted((r for r in rows if r.status != "live"), key=lambda r: r.gone_since)
    lines = [
        f'<tr>{cell(r.gone_since)}<td><a href="../{r.page}">{bdi(r.title)}</a>'
        f"{badge(r.status)}</td><td>{_link(r.url)}</td>"
        f"<td>{_link(r.moved_to) if r.moved_to else ''}</td></tr>"
        for r in reversed(removed)
    ]
    body = (
        "<p>Articles whose page was found absent twice, the confirmation time apart (404,"
        " 410, a redirect away, no article any more), or redirected to another article"
        " page. Their versions stay in the archive.</p>"
        + (
            table(["absent since", "title", "page", "moved to"], lines)
            if lines
            else '<p class="empty">No article of this site was removed or moved.</p>'
        )
    )
    return document(f"{site}: removals", body, depth=1)


def _link(url: str) -> str:
    """A link to a fetched page (only http(s): the URL came from the web)."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}">{bdi(url)}</a>'
    return bdi(url)


def quarantine_page(overview: Overview) -> str:
    rows = [
        f"<tr><td>{_link(q.url)}</td>{cell(q.fetched_at[:16])}"
        f"<td>{'<br>'.join(bdi(r) for r in q.reasons)}</td></tr>"
        for q in sorted(overview.quarantine, key=lambda q: (q.url, q.fetched_at))
    ]
    reasons: Counter[str] = Counter(r for q in overview.quarantine for r in q.reasons)
    body = (
        "<p>Pages fetched that are not articles, kept with the reasons (the raw page is in "
        "the archive's <code>quarantine/</code>).</p>"
        + ranked("Quarantine reasons", reasons)
        + (
            table(["page", "fetched", "reasons"], rows)
            if rows
            else '<p class="empty">Nothing quarantined.</p>'
        )
    )
    return document("Quarantine", body)
