"""The JSON Schema of the archived article, generated from the models.

The checked-in copy (``schemas/article.schema.json``) is what downstream users read;
a test fails when it no longer matches the models.  Regenerate it with
``python -m schemas jsonschema > schemas/article.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.models import ArchivedArticle

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")


def schema_text(model: type[BaseModel] = ArchivedArticle) -> str:
    """The JSON Schema of ``model`` (by default :class:`ArchivedArticle`, as the checked-in
    file holds it; the exports write their rows' beside them)."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
