"""The crawl's state, one owner: an SQLite file on this machine, or Redis for workers."""
