"""Item pipelines, one concern each, in this order: validate -> dedup -> store."""
