"""The dataset card: front matter the Hugging Face tools read, and what the files hold."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from crawler.export.run import export
from crawler.storage.archive import Archive


def _front_matter(card: str) -> dict[str, object]:
    head, _, _ = card.removeprefix("---\n").partition("\n---\n")
    found: dict[str, object] = yaml.safe_load(head)
    return found


def test_the_card_names_the_views_and_counts_what_is_there(
    archive: Archive, tmp_path: Path
) -> None:
    export(archive.storage, tmp_path / "out")
    card = (tmp_path / "out" / "README.md").read_text("utf-8")
    meta = _front_matter(card)
    assert meta["configs"] == [
        {"config_name": "latest", "data_files": "latest.parquet", "default": True},
        {"config_name": "versions", "data_files": "versions.parquet"},
    ]
    assert meta["language"] == ["en", "th"]
    assert "5 articles and 8 versions" in card and "1 versions are silent edits" in card
    assert "| www.mfa.go.th | 4 | 80.0% |" in card
    assert "| bangkok.thaiembassy.org | 1 | 20.0% |" in card
    assert "| 2019 | 1 | 20.0% |" in card and "| 2020 | 4 | 80.0% |" in card
    assert "| updated_date | 80.0% |" in card  # delta shows no update date
    schema = json.loads((tmp_path / "out" / "schema.json").read_text("utf-8"))
    assert "silent_edit" in schema["properties"] and "version_number" in schema["required"]


def test_a_jsonl_only_export_points_the_card_at_its_files(archive: Archive, tmp_path: Path) -> None:
    export(archive.storage, tmp_path / "out", ["versions"], ["jsonl"])
    meta = _front_matter((tmp_path / "out" / "README.md").read_text("utf-8"))
    assert meta["configs"] == [
        {"config_name": "versions", "data_files": "versions.jsonl", "default": True}
    ]
