"""The crawl's state, one owner: an SQLite file on this machine (:mod:`.sqlite`), or Redis
for workers (:mod:`.redis`), behind one protocol (:mod:`.backend`).

The modules here are backend-neutral: the revisit policy (:mod:`.schedule`), the versions
and walks as rows and rules (:mod:`.versions`, :mod:`.walks`), the state rebuilt from the
archive, the commit order (store first, then state), holding an archive, and its paths.
"""
