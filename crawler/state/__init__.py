"""The crawl's state: one SQLite database, one owner."""
