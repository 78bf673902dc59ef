"""The figures the benchmark's aims are stated in, from its table's rows."""

from __future__ import annotations

from bench.measure import Measure

TWO = "two processes (th | en), at once"
WARC_RUN = "full pipeline + WARC -> local disk"
RECRAWL_RUN = "full re-crawl + WARC, site unchanged"
MEDIA_RUN = "full pipeline + media capture -> local disk"


def _warc_kb(run: Measure, per: int) -> float:
    """The run's WARC output in kB, per ``per`` (article pages or requests)."""
    return float(run.extra["warc_bytes"]) / max(per, 1) / 1024


def ratios(rows: list[tuple[int, Measure]]) -> list[str]:
    """The figures the aims are stated in."""
    by = {(size, m.name): m for size, m in rows}
    lines = []
    for size in sorted({size for size, _ in rows}):
        bare = by.get((size, "bare scrapy"))
        local = by.get((size, "full pipeline -> local disk"))
        if bare and local:
            lines.append(
                f"{size}: full pipeline / bare: rate {local.rate / bare.rate:.2f}x, "
                f"CPU per article {local.cpu_ms_per_article / bare.cpu_ms_per_article:.2f}x "
                f"(+{local.cpu_ms_per_article - bare.cpu_ms_per_article:.2f} ms)"
            )
        warc = by.get((size, WARC_RUN))
        if warc and local:
            lines.append(
                f"{size}: with WARC / without: rate {warc.rate / local.rate:.2f}x, CPU per"
                f" article {warc.cpu_ms_per_article - local.cpu_ms_per_article:+.2f} ms,"
                f" {_warc_kb(warc, warc.articles):.0f} kB of WARC"
                " per article page"
            )
        again = by.get((size, RECRAWL_RUN))
        if warc and again:
            lines.append(
                f"{size}: WARC bytes per page: first crawl"
                f" {_warc_kb(warc, warc.requests):.1f} kB, full re-crawl of the unchanged"
                f" site {_warc_kb(again, again.requests):.1f} kB (revisit records)"
            )
        for name in ("incremental, nothing changed", "incremental, 1% updated"):
            inc = by.get((size, name))
            if inc and local:
                caught = ""
                if "caught" in inc.extra:
                    caught = (
                        f"; updated caught {inc.extra['caught']}/{inc.extra['updated_on_site']}"
                    )
                    if inc.extra["caught"] < inc.extra["updated_on_site"]:
                        caught += " -- UPDATES MISSED"
                lines.append(
                    f"{size}: {name}: requests {100 * inc.requests / local.requests:.1f}% and"
                    f" time {100 * inc.seconds / local.seconds:.1f}% of the full crawl{caught}"
                )
        lines += _media_ratios(size, by)
        remote = by.get((size, "full pipeline -> S3 (moto_server)"))
        if remote and local:
            lines.append(f"{size}: S3 / local disk: rate {remote.rate / local.rate:.2f}x")
        pair = by.get((size, TWO))
        if pair and local:
            lines.append(f"{size}: two processes / one: rate {pair.rate / local.rate:.2f}x")
        lines += _worker_ratios(size, by)
    for kind, detail in (("export (", "versions"), ("export --view pairs", "pairs")):
        exports = sorted(
            ((size, m) for size, m in rows if m.name.startswith(kind)), key=lambda pair: pair[0]
        )
        for size, m in exports:
            lines.append(
                f"{size}: {m.name}: {m.rate:.0f} articles/s ({m.extra[detail]} {detail}),"
                f" peak RSS {m.peak_rss_mb:.0f} MB"
            )
        if len(exports) > 1:
            (fewest, one), (most, other) = exports[0], exports[-1]
            lines.append(
                f"{kind.strip(' (')} peak RSS {most} / {fewest} articles: "
                f"{other.peak_rss_mb / one.peak_rss_mb:.2f}x"
            )
    sizes = sorted({size for size, m in rows if m.name == "full pipeline -> local disk"})
    if len(sizes) > 1:
        small, large = (by[(s, "full pipeline -> local disk")] for s in (sizes[0], sizes[-1]))
        lines.append(
            f"peak RSS {sizes[-1]} / {sizes[0]} articles: "
            f"{large.peak_rss_mb / small.peak_rss_mb:.2f}x ({large.peak_rss_mb:.0f} / "
            f"{small.peak_rss_mb:.0f} MB)"
        )
    return lines


def _media_ratios(size: int, by: dict[tuple[int, str], Measure]) -> list[str]:
    """What media capture adds to the full crawl, per article."""
    captured, local = by.get((size, MEDIA_RUN)), by.get((size, "full pipeline -> local disk"))
    if not (captured and local):
        return []
    pages = max(captured.articles, 1)
    return [
        f"{size}: media capture: {captured.extra['media_files'] / pages:.2f} files and"
        f" {captured.extra['media_bytes'] / pages / 1024:.0f} kB per article, requests"
        f" {captured.requests / max(local.requests, 1):.2f}x, time"
        f" {captured.seconds / local.seconds:.2f}x, CPU per article"
        f" {captured.cpu_ms_per_article - local.cpu_ms_per_article:+.2f} ms"
    ]


def _worker_ratios(size: int, by: dict[tuple[int, str], Measure]) -> list[str]:
    """Workers against the faster of the two plain processes of the same rounds."""
    plains = [m for m in (by.get((size, f"1 plain process, {n} concurrent")) for n in (64, 8)) if m]
    if not plains:
        return []
    best = max(plains, key=lambda m: m.rate)
    lines = []
    for count in (1, 2, 4):
        shared = by.get(
            (size, f"{count} worker{'s' if count > 1 else ''} on Redis, 8 concurrent each")
        )
        if shared:
            lines.append(
                f"{size}: {count} on Redis / the faster plain process ({best.name}): rate"
                f" {shared.rate / best.rate:.2f}x{_per_round(shared, best)}, CPU per article"
                f" {shared.cpu_ms_per_article / best.cpu_ms_per_article:.2f}x"
            )
    pair, shared = by.get((size, TWO)), by.get((size, "2 workers on Redis, 8 concurrent each"))
    if pair and shared:
        lines.append(
            f"{size}: 2 on Redis / two processes splitting the site: rate"
            f" {shared.rate / pair.rate:.2f}x{_per_round(shared, pair)}"
        )
    return lines


def _per_round(one: Measure, other: Measure) -> str:
    """The ratio in each round (the two ran in the same rounds), when there were several."""
    mine, theirs = one.extra.get("rounds", []), other.extra.get("rounds", [])
    if len(mine) < 2 or len(mine) != len(theirs):
        return ""
    return " (rounds: " + ", ".join(f"{a / b:.2f}" for a, b in zip(mine, theirs, strict=True)) + ")"
