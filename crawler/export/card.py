"""The dataset card written beside an export (``README.md``, YAML front matter in the
Hugging Face convention, so ``datasets`` and the Hub read the folder as it is) and the
rows' JSON Schema (``schema.json``).

The card says what is in the files (counts per site, language and year; how often each
field is filled; warnings), where it came from (the crawler, the runs the archive
holds), what it may be used for (left to the operator), and how to load it.  It holds
no clock time: two exports of one archive write the same card.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from crawler.runs.report import RunReport
from crawler.storage.atomic import write_atomically
from crawler.version import crawler_identity
from schemas.export import ExportRow
from schemas.jsonschema import schema_text
from schemas.models import SCHEMA_VERSION

COVERED = (
    "title",
    "imported_date",
    "updated_date",
    "view_count",
    "body",
    "images",
    "videos",
    "attachments",
    "translations",
    "category",
)
"""Fields whose coverage the card reports (filled: not null, not empty)."""


@dataclass
class Tally:
    """What the card counts, row by row of the ``latest`` view (and versions)."""

    articles: int = 0
    versions: int = 0
    silent_edits: int = 0
    with_warnings: int = 0
    by_site: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)
    by_year: Counter[str] = field(default_factory=Counter)
    filled: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    pairs: int = 0
    sure_pairs: int = 0
    """Pairs of confidence 0.9 or more."""
    media: dict[str, int] = field(default_factory=dict)
    """The files the latest versions point to (schema 1.5): SHA-256 -> size, each once."""
    missing: Counter[str] = field(default_factory=Counter)
    """Files the latest versions show but the archive holds no copy of, by reason."""

    def pair(self, confidence: float) -> None:
        self.pairs += 1
        self.sure_pairs += confidence >= 0.9

    def latest(self, row: ExportRow) -> None:
        self.articles += 1
        self.by_site[row.site] += 1
        self.by_language[row.language or "unknown"] += 1
        published = row.imported_date or row.updated_date
        self.by_year[str(published.year) if published else "undated"] += 1
        for name in COVERED:
            value = getattr(row, name)
            self.filled[name] += value is not None and value != []
        self.with_warnings += bool(row.warnings)
        for finding in row.warnings:
            self.warnings[finding.field] += 1
        for _url, stored, missing in row.file_entries():
            if stored is not None:
                self.media[stored.sha256] = stored.size
            elif missing:
                self.missing[missing.split(" (")[0]] += 1

    def version(self, row: ExportRow) -> None:
        self.versions += 1
        self.silent_edits += row.silent_edit


def _media_lines(tally: Tally) -> list[str]:
    """What the card says of the pictures and files the latest versions show."""
    if not tally.media and not tally.missing:
        return []
    megabytes = sum(tally.media.values()) / 1024 / 1024
    missing = ", ".join(f"{reason} {count}" for reason, count in sorted(tally.missing.items()))
    return [
        f"Their pictures and attached files: {len(tally.media)} files ({megabytes:.1f} MB)"
        " held in the archive's `media/` folder, each once by its SHA-256 (the rows' `file`"
        f" fields name them); shown but not held: {missing or 'none'}.",
        "",
    ]


def _table(title: str, counts: Counter[str], total: int) -> list[str]:
    lines = [f"| {title} | articles | share |", "|---|---:|---:|"]
    for name, count in sorted(counts.items()):
        lines.append(f"| {name} | {count} | {100 * count / total:.1f}% |")
    return lines


def render_card(
    tally: Tally,
    files: dict[str, list[str]],
    runs: list[RunReport],
    changed_after: datetime | None = None,
) -> str:
    """The card's text; ``files`` maps each view to its file names."""
    total = max(tally.articles, 1)
    configs = []
    for number, (view, names) in enumerate(files.items()):
        parquet = [n for n in names if n.endswith(".parquet")]
        configs += [f"- config_name: {view}", f"  data_files: {(parquet or names)[0]}"]
        configs += ["  default: true"] if number == 0 else []
    languages = sorted(lang for lang in tally.by_language if lang != "unknown")
    commits = sorted({run.crawler.get("commit", "unknown") for run in runs})
    me = crawler_identity()
    lines = [
        "---",
        "pretty_name: Thai Ministry of Foreign Affairs news (archive export)",
        f"language: [{', '.join(languages)}]",
        "license: other  # to be filled by the operator",
        "configs:",
        *configs,
        "---",
        "",
        "# Thai Ministry of Foreign Affairs news: archive export",
        "",
        f"{tally.articles} articles and {tally.versions} versions archived from the news pages"
        " of the Thai Ministry of Foreign Affairs and its sister sites (departments,"
        f" embassies). {tally.silent_edits} versions are silent edits (the text changed,"
        " the page's update date did not).",
        "",
        *(
            [
                f"Incremental: only what the archive gained after {changed_after.isoformat()}"
                " (the end of the run named by `--since-run`).",
                "",
            ]
            if changed_after
            else []
        ),
        *_media_lines(tally),
        "## Files",
        "",
        *[f"- `{name}`: the {view} view" for view, names in files.items() for name in names],
        "- `schema.json`: the rows' JSON Schema",
        "",
        "The `latest` view has one row per article (its newest version), `versions` one row"
        " per archived version (`version_number`, `version_reason`, `silent_edit`). Text is"
        " exactly as published (no-break spaces, Thai digits and trailing spaces kept);"
        " dates are normalised to the Gregorian calendar, the strings as shown kept beside"
        " them (`*_raw`).",
        "",
        *(
            [
                f"The `pairs` view has {tally.pairs} Thai and English articles of one site found"
                f" to be translations of one another ({tally.sure_pairs} with a confidence of"
                " 0.9 or more), each with its `confidence` and `evidence`; pairs below 0.5 are"
                " left out. It is always the whole archive's pairs, `--since-run` or not (a new"
                " article may take an article from the pair it was in).",
                "",
            ]
            if "pairs" in files
            else []
        ),
        "## Counts",
        "",
        *_table("site", tally.by_site, total),
        "",
        *_table("language", tally.by_language, total),
        "",
        *_table("year published", tally.by_year, total),
        "",
        "## Field coverage (latest view)",
        "",
        "| field | filled |",
        "|---|---:|",
        *[f"| {name} | {100 * tally.filled[name] / total:.1f}% |" for name in COVERED],
        "",
        f"{tally.with_warnings} articles carry warnings (implausible or missing fields, kept"
        " as published): "
        + (", ".join(f"{k} {v}" for k, v in sorted(tally.warnings.items())) or "none")
        + ".",
        "",
        "## Provenance",
        "",
        f"- schema version {SCHEMA_VERSION} (`schema.json`)",
        f"- exported by the crawler {me['version']} at commit {me['commit']}",
        f"- runs in the archive: {len(runs)}"
        + (f", from {runs[0].started:%Y-%m-%d} to {runs[-1].started:%Y-%m-%d}" if runs else ""),
        f"- crawler commits of those runs: {', '.join(commits) or 'none recorded'}",
        "",
        "## Licence",
        "",
        "Works of the Thai government. Whether and how they may be reused is for the"
        " operator of this archive to state here before the data is shared.",
        "",
        "## Loading",
        "",
        "```python",
        "from datasets import load_dataset",
        f'latest = load_dataset("path/to/this/folder", "{next(iter(files), "latest")}")',
        "```",
        "",
        "```sql",
        "SELECT site, count(*) FROM 'latest.parquet' GROUP BY site;",
        "```",
        "",
    ]
    return "\n".join(lines)


def write_card(folder: Path, card: str) -> list[Path]:
    """``README.md`` and ``schema.json`` into ``folder``, each whole or not at all."""
    written = []
    for name, text in (("README.md", card), ("schema.json", schema_text(ExportRow))):
        write_atomically(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written
