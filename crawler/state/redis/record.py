"""A version and its schedule entry in one fenced Lua script: one round trip.

The hot path of a shared crawl (every stored article passes here): the version's row
goes into its article's hash (kept if the key is known: a retry), the counters and
sets that index it, and the schedule entry with its two sorted sets -- all only if the
archive's fencing token is still the crawl's.
"""

from __future__ import annotations

from crawler.state.redis.connection import StateConnection
from crawler.state.redis.rows import due_score, dump_entry, imported_score, row_head
from crawler.state.schedule import Entry
from crawler.state.versions import VersionRow

# KEYS: fence, versions, version keys, version urls, sequence, entry, due, imported,
# sites, old due, old imported, article lock.  ARGV: token ('' unfenced), version key,
# row (JSON without its last element, the order), url, site, entry (JSON), due score,
# imported score ('' if none), old site ('' if the same), lock owner ('' if none: the
# lock, when ours, is released with the writes).  Returns 1, or -1 when not fenced.
RECORD = """
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local order = redis.call('INCR', KEYS[5])
redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3] .. order .. ']')
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[4])
if ARGV[9] ~= '' then
  redis.call('ZREM', KEYS[10], ARGV[4])
  redis.call('ZREM', KEYS[11], ARGV[4])
end
redis.call('SET', KEYS[6], ARGV[6])
redis.call('ZADD', KEYS[7], ARGV[7], ARGV[4])
if ARGV[8] ~= '' then redis.call('ZADD', KEYS[8], ARGV[8], ARGV[4]) end
redis.call('SADD', KEYS[9], ARGV[5])
if ARGV[10] ~= '' and redis.call('GET', KEYS[12]) == ARGV[10] then redis.call('DEL', KEYS[12]) end
return 1
"""


def record_version(
    connection: StateConnection,
    row: VersionRow,
    entry: Entry,
    old: Entry | None,
    lock_owner: str = "",
) -> None:
    """Write ``row`` and ``entry`` (raises LeaseLost when the token is not ours), and
    release the article's lock if ``lock_owner`` holds it."""
    keys, url = connection.keys, row.canonical_url
    old_site = old.site if old is not None and old.site != entry.site else ""
    ordinal = imported_score(entry)
    imported = "" if ordinal is None else str(ordinal)
    token = "" if connection.token is None else str(connection.token)
    done = connection.script(
        RECORD,
        [
            keys.fence,
            keys.versions(url),
            keys.version_keys,
            keys.version_urls,
            keys.sequence,
            keys.entry(url),
            keys.due(entry.site),
            keys.imported(entry.site),
            keys.sites,
            keys.due(old_site),
            keys.imported(old_site),
            keys.article_lock(url),
        ],
        [
            token,
            row.version_key,
            row_head(row),
            url,
            entry.site,
            dump_entry(entry),
            due_score(entry),
            imported,
            old_site,
            lock_owner,
        ],
    )
    if done == -1:
        connection.check_fence(connection.client)
