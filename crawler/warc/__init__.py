"""WARC (ISO 28500) output: what the servers sent, as web archives keep it."""
