"""The checked-in JSON Schema is the one the models generate."""

from __future__ import annotations

import json

from schemas.jsonschema import SCHEMA_PATH, schema_text


def test_checked_in_json_schema_is_fresh() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "schemas/article.schema.json is stale: run "
        "`python -m schemas jsonschema > schemas/article.schema.json`"
    )


def test_json_schema_names_the_contract_fields() -> None:
    schema = json.loads(schema_text())
    for name in (
        "title",
        "imported_date",
        "imported_date_raw",
        "updated_date",
        "updated_date_raw",
        "view_count",
        "body",
        "images",
        "attachments",
        "url",
        "canonical_url",
        "site",
        "language",
        "category",
        "fetched_at",
        "content_sha256",
        "schema_version",
        "warnings",
    ):
        assert name in schema["properties"], name
    assert schema["additionalProperties"] is False
