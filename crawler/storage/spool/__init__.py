"""Nothing finished is lost while the store is down: items wait on local disk.

:mod:`.disk` is the spool itself (one folder per item, written whole or not at all);
:mod:`.circuit` is the store in front of it, which spools while the store does not
answer and flushes when it does.
"""
