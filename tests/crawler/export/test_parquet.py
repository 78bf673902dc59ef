"""The Parquet schema is the contract's: the same columns, in the same order, nested
records with their models' fields."""

from __future__ import annotations

import pyarrow as pa
from pydantic import BaseModel

from crawler.export.parquet import SCHEMA
from schemas import Attachment, Finding, ImageRef, VideoRef
from schemas.export import ChangeSummary, ExportRow


def test_the_columns_are_the_rows_fields() -> None:
    assert SCHEMA.names == list(ExportRow.model_fields)
    nested: dict[str, type[BaseModel]] = {
        "images": ImageRef,
        "videos": VideoRef,
        "attachments": Attachment,
        "warnings": Finding,
    }
    for column, model in nested.items():
        kind = SCHEMA.field(column).type
        assert isinstance(kind, pa.ListType)
        assert [f.name for f in kind.value_type] == list(model.model_fields)
    changes = SCHEMA.field("changes").type
    assert [f.name for f in changes] == list(ChangeSummary.model_fields)
