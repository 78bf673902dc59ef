"""Exports of the archive for datasets (``scrapy export``): the article histories read
in one streaming pass, rows by the contract of :mod:`schemas.export`, written as JSONL
and Parquet."""
