"""Scrapy settings for the MFA archive; every value can be overridden with ``-s NAME=value``."""

BOT_NAME = "mfa_archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
