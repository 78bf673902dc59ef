"""One export: the archive read once, each selected article's rows written to every
view and format asked for, all files published together at the end.  The ``pairs``
view is written after the pass (pairing needs every article of a site), from what
the pass kept of each article (:class:`crawler.export.evidence.Signature`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from crawler.export.card import Tally, render_card, write_card
from crawler.export.evidence import signature
from crawler.export.histories import ArticleVersions, UnreadableRecord, histories, read
from crawler.export.pairs import Pairing, pair_row
from crawler.export.rows import Selection, latest_of, version_rows
from crawler.export.writers import JsonLinesWriter, RowWriter
from crawler.runs import history
from crawler.storage import Storage
from crawler.storage.atomic import write_atomically
from crawler.storage.layout import ARTICLES, site_folder
from schemas.export import VIEWS, ExportRow, View

FORMATS = ("jsonl", "parquet")


def _parquet(path: Path, view: View) -> RowWriter:
    from crawler.export.parquet import PAIR_SCHEMA, SCHEMA, ParquetWriter  # pyarrow if asked

    return ParquetWriter(path, PAIR_SCHEMA if view == "pairs" else SCHEMA)


def _jsonl(path: Path, view: View) -> RowWriter:
    return JsonLinesWriter(path)


OPENERS: dict[str, Callable[[Path, View], RowWriter]] = {"jsonl": _jsonl, "parquet": _parquet}
DEFAULT_VIEWS: tuple[View, ...] = ("latest", "versions")
"""What an export writes unless told: ``pairs`` holds every article of a site in memory
while it pairs them, so it is asked for by name."""


MARKER = ".mfa-export"
"""A file every export folder holds: the folder may be written by the next export
(:mod:`crawler.storage.outdir`)."""


def earlier_export(names: list[str]) -> bool:
    """A folder an export wrote before exports left a marker: nothing but the files an
    export writes, a data file among them (a user's own README.md alone is not one)."""
    ours = {f"{view}.{form}" for view in VIEWS for form in FORMATS}
    return set(names) <= ours | {"README.md", "schema.json"} and bool(set(names) & ours)


@dataclass
class Exported:
    """What an export wrote."""

    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    unreadable: list[UnreadableRecord] = field(default_factory=list)
    """Records left out because they could not be read (named by the command and the card)."""


def run_end(storage: Storage, name: str) -> datetime:
    """When the run ``name`` (its id, or its report's key) ended: ``--since-run``."""
    runs = history.reports(storage)
    found = [r for r in runs if name in (r.run_id, r.key, r.key.removeprefix("runs/"))]
    if not found:
        last = ", ".join(r.run_id for r in runs[-5:]) or "none"
        raise ValueError(f"no run {name!r} in the archive (the last ones: {last})")
    return found[-1].finished


def export(
    storage: Storage,
    folder: Path,
    views: Iterable[View] = DEFAULT_VIEWS,
    formats: Iterable[str] = FORMATS,
    selection: Selection | None = None,
) -> Exported:
    """Write ``<view>.<format>`` into ``folder`` for each view and format; returns counts."""
    selection = selection or Selection()
    views = [v for v in VIEWS if v in set(views)]
    if "pairs" in views and selection.languages and not {"th", "en"} <= selection.languages:
        raise ValueError("the pairs view needs both languages: --language th,en or none")
    folder.mkdir(parents=True, exist_ok=True)
    run = _Export(storage, selection)
    try:
        run.open(folder, views, formats)
        prefixes = sorted({site_folder(site) for site in selection.sites}) or [ARTICLES]
        for prefix in prefixes:
            for found in histories(storage, prefix):
                article = read(storage, found, run.result.unreadable)
                if article is not None:
                    run.add(article)
        run.write_pairs()
        card = run.card()
        run.publish()
    except BaseException:
        run.abort()
        raise
    run.result.files += write_card(folder, card)
    write_atomically(
        folder / MARKER, b"Written by `scrapy export`; the next export may replace it.\n"
    )
    return run.result


class _Export:
    """One export's writers, counts and pairing, as the archive is read."""

    def __init__(self, storage: Storage, selection: Selection) -> None:
        self.storage, self.selection = storage, selection
        self.writers: dict[View, list[RowWriter]] = {}
        self.result, self.tally, self.pairing = Exported(), Tally(), Pairing()

    def open(self, folder: Path, views: list[View], formats: Iterable[str]) -> None:
        for view in views:
            self.writers[view] = [OPENERS[f](folder / f"{view}.{f}", view) for f in formats]
            self.result.rows[view] = 0

    def add(self, article: ArticleVersions) -> None:
        """One article of the archive: weighed for pairs, its rows written if taken."""
        newest = latest_of(article)
        taken = self.selection.takes(newest)
        if "pairs" in self.writers:  # every article weighs, the filters choose pairs
            self.pairing.add(signature(newest, article.latest, taken))
        if not taken:
            return
        if not self.writers.keys() - {"pairs"}:
            self.result.articles += 1
            return
        chosen = self._chosen(list(version_rows(article)))
        if not chosen["latest"] and not chosen["versions"]:
            return  # nothing new of this article since the run named
        self.result.articles += 1
        for row in chosen["latest"]:
            self.tally.latest(row)
        for row in chosen["versions"]:
            self.tally.version(row)
        for view, outputs in self.writers.items():
            self.result.rows[view] += len(chosen[view])
            for writer in outputs:
                for row in chosen[view]:
                    writer.write(row)

    def _chosen(self, rows: list[ExportRow]) -> dict[View, list[ExportRow]]:
        [latest] = [r for r in rows if r.is_latest]
        return {
            "latest": [latest] if self.selection.fresh(latest, "latest") else [],
            "versions": [r for r in rows if self.selection.fresh(r, "versions")],
            "pairs": [],
        }

    def write_pairs(self) -> None:
        """The pairs view, from what the pass kept of every article."""
        if "pairs" not in self.writers:
            return
        for pair in self.pairing.pairs():
            self.tally.pair(pair.confidence)
            self.result.rows["pairs"] += 1
            paired = pair_row(self.storage, pair)
            for writer in self.writers["pairs"]:
                writer.write(paired)

    def card(self) -> str:
        names: dict[str, list[str]] = {
            v: [w.path.name for w in ws] for v, ws in self.writers.items()
        }
        reports = history.reports(self.storage)
        card = render_card(self.tally, names, reports, self.selection.changed_after)
        return card + _left_out(self.result.unreadable)

    def publish(self) -> None:
        """Each file published whole, one after the other."""
        for outputs in self.writers.values():
            for writer in outputs:
                writer.commit()
                self.result.files.append(writer.path)

    def abort(self) -> None:
        """What was not published is removed (the earlier export stays)."""
        for outputs in self.writers.values():
            for writer in outputs:
                if writer.path not in self.result.files:
                    writer.abort()


def _left_out(unreadable: list[UnreadableRecord]) -> str:
    """The card's note of the records an export could not read (none: nothing)."""
    if not unreadable:
        return ""
    lines = "".join(f"- `{problem.key}`: {problem.reason}\n" for problem in unreadable)
    return (
        f"\n## Left out\n\n{len(unreadable)} records of the archive could not be read and are"
        f" not in these files (`scrapy verify` checks the archive):\n\n{lines}"
    )
