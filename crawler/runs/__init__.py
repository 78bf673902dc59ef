"""What a run leaves for the people who run it, and the extensions that leave it.

At the end of a run :mod:`.summary` judges it (:mod:`.health`'s rules, :mod:`.walks`'
listings walked or not) and sends :data:`.report.RUN_FINISHED` with the run report;
:mod:`.report` keeps that report with the archive, :mod:`.metrics` writes and pushes
the metrics a dashboard reads, :mod:`.notifications` tells a webhook or a mailbox when
a run went wrong, and :mod:`.history` reads the reports back (``scrapy runs``).
Nothing here reads pages or writes articles.
"""
