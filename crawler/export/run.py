"""One export: the archive read once, each selected article's rows written to every
view and format asked for, all files published together at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crawler.export.card import Tally, render_card, write_card
from crawler.export.histories import histories, read
from crawler.export.rows import Selection, latest_of, version_rows
from crawler.export.writers import JsonLinesWriter, RowWriter
from crawler.operations import history
from crawler.storage import Storage
from crawler.storage.layout import ARTICLES, site_folder
from schemas.export import VIEWS, View

FORMATS = ("jsonl", "parquet")


def _parquet(path: Path) -> RowWriter:
    from crawler.export.parquet import ParquetWriter  # pyarrow only when asked for

    return ParquetWriter(path)


OPENERS: dict[str, Callable[[Path], RowWriter]] = {"jsonl": JsonLinesWriter, "parquet": _parquet}


@dataclass
class Exported:
    """What an export wrote."""

    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def export(
    storage: Storage, folder: Path, views: Iterable[View] = VIEWS,
    formats: Iterable[str] = FORMATS, selection: Selection | None = None,
) -> Exported:  # fmt: skip
    """Write ``<view>.<format>`` into ``folder`` for each view and format; returns counts."""
    selection = selection or Selection()
    folder.mkdir(parents=True, exist_ok=True)
    writers: dict[View, list[RowWriter]] = {}
    result, tally = Exported(), Tally()
    try:
        for view in views:
            writers[view] = [OPENERS[f](folder / f"{view}.{f}") for f in formats]
            result.rows[view] = 0
        prefixes = sorted(site_folder(site) for site in selection.sites) or [ARTICLES]
        for prefix in prefixes:
            for found in histories(storage, prefix):
                article = read(storage, found)
                if article is None or not selection.takes(latest_of(article)):
                    continue
                result.articles += 1
                rows = list(version_rows(article))
                for row in rows:
                    tally.version(row)
                    if row.is_latest:
                        tally.latest(row)
                for view, outputs in writers.items():
                    chosen = rows if view == "versions" else [r for r in rows if r.is_latest]
                    result.rows[view] += len(chosen)
                    for writer in outputs:
                        for row in chosen:
                            writer.write(row)
    except BaseException:
        for outputs in writers.values():
            for writer in outputs:
                writer.abort()
        raise
    names: dict[str, list[str]] = {v: [w.path.name for w in ws] for v, ws in writers.items()}
    card = render_card(tally, names, history.reports(storage))
    for outputs in writers.values():
        for writer in outputs:
            writer.commit()
            result.files.append(writer.path)
    result.files += write_card(folder, card)
    return result
