"""The export folder as researchers open it: Hugging Face ``datasets`` (offline) loads
it as it is, by the card's configs, and DuckDB queries the Parquet files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.export.run import export
from crawler.storage.archive import Archive
from tests.crawler.export.conftest import THAI


@pytest.fixture
def folder(archive: Archive, tmp_path: Path) -> Path:
    export(archive.storage, tmp_path / "out")
    return tmp_path / "out"


def test_datasets_loads_the_folder_by_its_configs(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"):  # no traffic but loopback
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    latest = load_dataset(str(folder), "latest", split="train")
    versions = load_dataset(str(folder), "versions", split="train")
    assert latest.num_rows == 5 and versions.num_rows == 8
    expected = [json.loads(line) for line in (folder / "latest.jsonl").read_text().splitlines()]
    assert latest["canonical_url"] == [row["canonical_url"] for row in expected]
    assert all(row["body"][-1] == THAI for row in latest)  # text exact through Parquet
    assert str(latest.features["updated_date"].dtype) == "date32"


def test_duckdb_queries_the_parquet_files(folder: Path) -> None:
    import duckdb

    with duckdb.connect() as db:
        per_site = db.execute(
            "SELECT site, count(*) FROM read_parquet(?) GROUP BY site ORDER BY site",
            [str(folder / "latest.parquet")],
        ).fetchall()
        edits = db.execute(
            "SELECT count(*) FROM read_parquet(?) WHERE silent_edit AND updated_date > ?",
            [str(folder / "versions.parquet"), "2023-01-01"],
        ).fetchone()
    assert per_site == [("bangkok.thaiembassy.org", 1), ("www.mfa.go.th", 4)]
    assert edits == (1,)
