"""Scrapy extensions: the crawl context, run report, metrics and notifications."""
