"""Scrapy project: spiders for the MFA platform, pipelines validate -> dedup -> store."""

__version__ = "0.1.0"
