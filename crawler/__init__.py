"""Scrapy project: spiders for the MFA platform, pipelines validate -> dedup -> store."""
