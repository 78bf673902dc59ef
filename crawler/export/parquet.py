"""Parquet export files (pyarrow, imported only here): dates typed as dates, times as UTC
timestamps, lists and nested records as Parquet lists and structs; rows written in
groups, so memory does not grow with the archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from crawler.export.writers import temporary
from crawler.storage.atomic import publish

GROUP_ROWS = 2_000
"""Rows per row group: the writer holds one group."""

_TEXT, _WHEN = pa.string(), pa.timestamp("us", tz="UTC")
_FILE = pa.struct([("sha256", _TEXT), ("size", pa.int64()), ("content_type", _TEXT)])
"""The archive's copy of a picture or file (``media/<sha256[:2]>/<sha256>``)."""
_IMAGE = pa.struct(
    [
        ("url", _TEXT),
        ("served_url", _TEXT),
        ("caption", _TEXT),
        ("file", _FILE),
        ("missing", _TEXT),
    ]
)
_VIDEO = pa.struct(
    [
        ("title", _TEXT),
        ("url", _TEXT),
        ("thumbnail_url", _TEXT),
        ("thumbnail_served_url", _TEXT),
        ("thumbnail_file", _FILE),
        ("thumbnail_missing", _TEXT),
    ]
)
_ATTACHMENT = pa.struct([("url", _TEXT), ("title", _TEXT), ("file", _FILE), ("missing", _TEXT)])
_TRANSLATION = pa.struct([("language", _TEXT), ("url", _TEXT)])
_WARC_RECORD = pa.struct(
    [("file", _TEXT), ("offset", pa.int64()), ("length", pa.int64()), ("record_id", _TEXT)]
)
_FINDING = pa.struct([("field", _TEXT), ("value", _TEXT), ("reason", _TEXT), ("line", pa.int64())])

_EVIDENCE = pa.struct([(name, pa.list_(_TEXT)) for name in ("title", "imported_date", "images")])
"""The record's ``evidence`` (a map in JSON) as a struct of its fields: every Parquet
reader takes it (Hugging Face ``datasets`` has no map type)."""
_CHANGES = pa.struct(
    [
        ("paragraphs_added", pa.int32()),
        ("paragraphs_removed", pa.int32()),
        ("paragraphs_changed", pa.int32()),
        ("characters_changed", pa.int64()),
        ("fields_changed", pa.list_(_TEXT)),
    ]
)

SCHEMA = pa.schema(
    [
        ("title", _TEXT),
        ("imported_date", pa.date32()),
        ("imported_date_raw", _TEXT),
        ("updated_date", pa.date32()),
        ("updated_date_raw", _TEXT),
        ("view_count", pa.int64()),
        ("body", pa.list_(_TEXT)),
        ("images", pa.list_(_IMAGE)),
        ("videos", pa.list_(_VIDEO)),
        ("attachments", pa.list_(_ATTACHMENT)),
        ("translations", pa.list_(_TRANSLATION)),
        ("warnings", pa.list_(_FINDING)),
        ("evidence", _EVIDENCE),
        ("url", _TEXT),
        ("canonical_url", _TEXT),
        ("site", _TEXT),
        ("language", _TEXT),
        ("category", _TEXT),
        ("fetched_at", _WHEN),
        ("content_sha256", _TEXT),
        ("version_reason", _TEXT),
        ("warc_record", _WARC_RECORD),
        ("schema_version", _TEXT),
        ("kind", _TEXT),
        ("version", _TEXT),
        ("version_number", pa.int32()),
        ("version_count", pa.int32()),
        ("is_latest", pa.bool_()),
        ("silent_edit", pa.bool_()),
        ("last_fetched_at", _WHEN),
        ("changes", _CHANGES),
        ("status", _TEXT),
        ("gone_since", _WHEN),
        ("moved_to", _TEXT),
    ]
)
"""The Parquet schema of :class:`schemas.export.ExportRow` (a test holds the two equal)."""

PAIR_SCHEMA = pa.schema(
    [
        ("site", _TEXT),
        ("confidence", pa.float64()),
        ("evidence", pa.list_(_TEXT)),
        ("days_apart", pa.int32()),
        ("th_url", _TEXT),
        ("en_url", _TEXT),
        ("th_version", _TEXT),
        ("en_version", _TEXT),
        ("th_title", _TEXT),
        ("en_title", _TEXT),
        ("th_imported_date", pa.date32()),
        ("en_imported_date", pa.date32()),
        ("th_body", pa.list_(_TEXT)),
        ("en_body", pa.list_(_TEXT)),
    ]
)
"""The Parquet schema of :class:`schemas.export.PairRow`."""


class ParquetWriter:
    """A Parquet file of export rows, one row group per ``GROUP_ROWS`` rows."""

    def __init__(self, path: Path, schema: pa.Schema = SCHEMA) -> None:
        self.path, self.partial, self.schema = path, temporary(path), schema
        self.writer = pq.ParquetWriter(self.partial, schema, compression="zstd")
        self.pending: list[dict[str, Any]] = []

    def write(self, row: BaseModel) -> None:
        self.pending.append(row.model_dump())
        if len(self.pending) >= GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_pylist(self.pending, schema=self.schema))
            self.pending = []

    def commit(self) -> None:
        self._flush()
        self.writer.close()
        publish(self.partial, self.path)

    def abort(self) -> None:
        self.writer.close()
        self.partial.unlink(missing_ok=True)
