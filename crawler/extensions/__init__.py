"""Scrapy extensions that guard the crawl as it runs: item errors quarantined, network
failures in one line, credentials kept out of the log."""
