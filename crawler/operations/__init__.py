"""Running the crawl on a schedule: what a run leaves for the people who run it.

A run report per run, kept with the archive (:mod:`.report`), read back as a history
(:mod:`.history`: ``scrapy runs``), metrics a dashboard reads (:mod:`.metrics`) and
notifications when a run goes wrong (:mod:`.notify`).  Nothing here reads pages or
writes articles; the extensions of :mod:`crawler.extensions` call it when a run ends.
"""
