"""The crawl's state in one SQLite file on this machine (the default backend).

:mod:`.database` holds the connection and its lock, :mod:`.state` the backend
(:class:`~crawler.state.sqlite.state.StateDB`), and one module per table: ``versions``,
``schedule``, ``listing_walks``.  What the tables mean (the revisit policy, the walks'
rules) is backend-neutral and lives one level up, shared with :mod:`crawler.state.redis`.
"""
