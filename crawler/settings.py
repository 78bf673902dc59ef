"""Scrapy settings for the MFA archive.

Every value can be overridden with ``-s NAME=value``; the archive's own settings also
read the environment (``ARCHIVE_URI``, ``ARCHIVE_CONTACT``, ``DEDUP_STATE_PATH``), so a
scheduler can configure a run without a command line.
"""

import os

BOT_NAME = "mfa_archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# Where the archive goes: a path (default ./archive) or s3://bucket/prefix.
ARCHIVE_URI = os.environ.get("ARCHIVE_URI", "archive")
# Who to contact about this crawler; it goes into the User-Agent.
ARCHIVE_CONTACT = os.environ.get("ARCHIVE_CONTACT", "")
# The state file (SQLite: versions, revisit schedule, walks); default:
# <archive>/.state/dedup.sqlite3 for a local archive, under STATE_DIR for a remote one.
DEDUP_STATE_PATH = os.environ.get("DEDUP_STATE_PATH", "")
# The site registry (a TOML file); default: crawler/sites.toml.
SITE_REGISTRY = os.environ.get("SITE_REGISTRY", "")
# A second crawl of the same archive waits this long for the first, then refuses.
CRAWL_LOCK_WAIT = 0.0
# Several workers on one crawl (docs/operating.md, "Several machines"): with REDIS_URL
# (scrapy-redis's own setting) the crawl's state and the archive's lease are on that
# Redis, shared by every worker started with the same arguments. REDIS_CRAWL_ID names
# the crawl outright (default: derived from the spider, its arguments and the archive);
# the lease expires REDIS_LEASE_TTL seconds after the last renewal of a live worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_CRAWL_ID = os.environ.get("REDIS_CRAWL_ID", "")
REDIS_LEASE_TTL = 30.0
# Set by `scrapy crawl` for its own crawler (the token of the lease it holds); not for
# operators.
STATE_FENCING_TOKEN = 0
# Scrapy's scheduler, or scrapy-redis's shared one when REDIS_URL is set.
SCHEDULER = "crawler.scaleout.Scheduler"
# The exit status is 1 when a run passes these (with at least HEALTH_MIN_COUNT cases),
# when nothing was archived from a site whose article pages came, or when anything
# stays spooled.
HEALTH_MAX_QUARANTINE_RATE = 0.25
HEALTH_MAX_FAILED_RATE = 0.10
HEALTH_MIN_COUNT = 5
# Unhealthy when a listing was left incomplete by this many runs in a row (each of them
# walks it to its end again: a dead link or a page that always fails is paid for every
# run until someone looks); 0: never.
HEALTH_MAX_INCOMPLETE_WALKS = 3
# Unhealthy when more than this share of a site's article pages (at least
# HEALTH_MIN_COUNT) were read in a way their own evidence contradicts (og:title, JSON-LD,
# the listing card): a template change on the site is an alarm on the first run.
HEALTH_MAX_DISAGREEMENT_RATE = 0.2
# A JSON copy of the run summary, for schedulers and monitors (optional).
SUMMARY_PATH = os.environ.get("SUMMARY_PATH", "")
# Where the dedup state and spool of a remote (S3) archive live on this machine.
STATE_DIR = os.environ.get("STATE_DIR", ".mfa-state")
# Items the store could not take wait here (default: beside the dedup state).
SPOOL_DIR = os.environ.get("SPOOL_DIR", "")
SPOOL_RETRY_SECONDS = 15.0
# The revisit policy (crawler/state/schedule.py): a changed article comes back after
# REVISIT_MIN_HOURS, an unchanged one waits twice as long each time up to REVISIT_MAX_DAYS,
# articles imported in the last REVISIT_RECENT_DAYS are due every run, and one due for
# longer than REVISIT_OVERDUE_HOURS that a run could not revisit is reported as overdue.
REVISIT_MIN_HOURS = 20.0
REVISIT_MAX_DAYS = 90.0
REVISIT_RECENT_DAYS = 60.0
REVISIT_OVERDUE_HOURS = 24.0
# A known article whose page answers 404/410, redirects away or shows no article is
# "missing"; a check at least GONE_CONFIRM_HOURS later that finds the same confirms it
# as gone (or moved); until then it stays due (docs/operating.md, removals).
GONE_CONFIRM_HOURS = float(os.environ.get("GONE_CONFIRM_HOURS", "20"))
# Storage threads, i.e. uploads in flight (the S3 connection pool is sized to match).
STORE_MAX_CONCURRENCY = 8

# S3-compatible storage (ARCHIVE_URI=s3://bucket/prefix). Credentials come only from
# the AWS configuration chain (environment, AWS_PROFILE, ~/.aws, instance roles); the
# endpoint also from AWS_ENDPOINT_URL, which boto3 reads itself.
S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
S3_REGION_NAME = os.environ.get("S3_REGION_NAME", "")
S3_ADDRESSING_STYLE = os.environ.get("S3_ADDRESSING_STYLE", "")  # "path" for MinIO, moto
S3_MAX_ATTEMPTS = 5  # per request, with exponential backoff (botocore "standard" mode)

# Politeness: these are government sites.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 0.25
CONCURRENT_REQUESTS = 16
# An article page yields one item: a hundred item workers per response (the default) is waste.
CONCURRENT_ITEMS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
# Transient failures (timeouts, resets, 5xx, 429) are retried after a backoff, or after
# the server's Retry-After; what still fails is listed in the run summary.
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 30.0
RETRY_AFTER_MAX = 60.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.addresses.AddressFilterMiddleware": 50,
    "crawler.middlewares.redirects.OffsiteRedirectMiddleware": 650,
    # Scrapy's, with the Public Suffix List from tldextract's snapshot (no download)
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "crawler.middlewares.cookies.OfflineCookiesMiddleware": 700,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    # after decompression (590) on the way back: the payload as the server sent it
    "crawler.middlewares.warc.WarcRecorder": 950,
    # last before the downloader: a request waits here until its site has room
    "crawler.middlewares.politeness.SlotConcurrency": 990,
}
# Hosts that may resolve to private addresses (besides the crawl's own start_urls hosts):
# a mirror or a staging copy on the operator's own network (comma-separated in the env).
ALLOW_PRIVATE_HOSTS = [h for h in os.environ.get("ALLOW_PRIVATE_HOSTS", "").split(",") if h]
# WARC files of every fetch (request, response, revisits) into the archive's warc/,
# rotating at WARC_MAX_BYTES; written here first (WARC_DIR, default beside the spool).
# On by default: ~1 ms of CPU and 4 kB per page (docs/provenance.md).
WARC_ENABLED = os.environ.get("WARC_ENABLED", "true").lower() in ("1", "true", "yes")
WARC_MAX_BYTES = 1024**3  # files of ~1 GB, as archives keep them (uploaded in parts)
WARC_DIR = os.environ.get("WARC_DIR") or None
# Contain what a hostile or broken server sends: bodies (also decompressed) over 16 MB
# are refused, and a listing page is read for at most this many article links.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
LISTING_MAX_LINKS = 500
# Media: each article's pictures (originals), video thumbnails and attached files,
# fetched once and kept by content in media/ (docs/archive.md). Only from MEDIA_HOSTS
# (the platform's image host) and the article's own site; each such host a download slot
# of its own. Caps: bytes a file, files an article, files a crawl (the rest next run).
MEDIA_ENABLED = os.environ.get("MEDIA_ENABLED", "true").lower() in ("1", "true", "yes")
MEDIA_HOSTS = ["image.mfa.go.th"]
MEDIA_CONCURRENCY = 4
MEDIA_DELAY = 0.25
MEDIA_MAX_FILE_BYTES = 32 * 1024 * 1024
MEDIA_MAX_PER_ARTICLE = 60
MEDIA_MAX_PER_CRAWL = 20_000
MEDIA_MAX_ATTEMPTS = 3  # runs that try a file that fails for a reason that may pass
# Discovery: a site's listings found from its home pages' menus (docs/operating.md).
# Pages a menu leads to, fetched per site per run to learn whether they are listings;
# a page found not to be one is checked again after DISCOVERY_RECHECK_DAYS.
DISCOVERY_ENABLED = os.environ.get("DISCOVERY_ENABLED", "true").lower() in ("1", "true", "yes")
DISCOVERY_MAX_PAGES = 40
DISCOVERY_RECHECK_DAYS = 30.0
DNS_TIMEOUT = 15

# Nothing listens: no telnet console, no remote-control endpoint.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

SPIDER_MIDDLEWARES = {
    # a shared crawl only (REDIS_URL): start requests pushed once, responses acknowledged
    "crawler.scaleout.middleware.SharedStart": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.validate.ValidatePipeline": 100,
    "crawler.pipelines.media.MediaPipeline": 150,
    "crawler.pipelines.dedup.DedupPipeline": 200,
    "crawler.pipelines.store.StorePipeline": 300,
    "crawler.pipelines.availability.AvailabilityPipeline": 400,
}
# The crawl context is built first: every other component reaches the archive, the
# state and the spool through it (crawler/context.py).
EXTENSIONS = {
    "crawler.context.CrawlContext": 0,
    "crawler.scaleout.workers.Workers": 5,  # a shared crawl only (REDIS_URL)
    "crawler.extensions.log_redaction.LogRedaction": 10,
    "crawler.extensions.network_errors.OneLineNetworkErrorsExtension": 20,
    "crawler.extensions.item_errors.ItemErrors": 100,
    "crawler.extensions.garbage.GarbageCollection": 150,
    "crawler.runs.summary.RunSummary": 500,
    "crawler.runs.report.RunReports": 510,
    "crawler.runs.metrics.RunMetrics": 520,
    "crawler.runs.notifications.Notifications": 530,
}

# Python's garbage collector set for a crawl while it runs: what the crawl starts with
# frozen, the young collected less often: its CPU in a crawl of 10,000 articles 3.75 s ->
# 0.52 s (crawler/extensions/garbage.py).
GC_TUNING = os.environ.get("GC_TUNING", "true").lower() in ("1", "true", "yes")

# Operations (crawler/runs/): a run report per run is always kept with the
# archive (runs/). Metrics in Prometheus' text format, for node_exporter's textfile
# collector (METRICS_PATH, e.g. /var/lib/node_exporter/textfile/mfa.prom) and/or a
# Pushgateway (PUSHGATEWAY_URL), the instance label METRICS_INSTANCE (default: the host
# name). Notifications, off by default: a chat webhook and/or mail, on NOTIFY_ON
# ("unhealthy", and "silent_edit" if wanted); the SMTP password only from the
# environment (NOTIFY_SMTP_PASSWORD).
METRICS_PATH = os.environ.get("METRICS_PATH", "")
PUSHGATEWAY_URL = os.environ.get("PUSHGATEWAY_URL", "")
METRICS_INSTANCE = os.environ.get("METRICS_INSTANCE", "")
NOTIFY_WEBHOOK_URL = os.environ.get("NOTIFY_WEBHOOK_URL", "")
NOTIFY_MAIL_TO = os.environ.get("NOTIFY_MAIL_TO", "")  # comma-separated; read with getlist
NOTIFY_MAIL_FROM = os.environ.get("NOTIFY_MAIL_FROM", "mfa-archive@localhost")
NOTIFY_SMTP_HOST = os.environ.get("NOTIFY_SMTP_HOST", "localhost")
NOTIFY_SMTP_PORT = os.environ.get("NOTIFY_SMTP_PORT", "25")  # read with getint
NOTIFY_SMTP_USER = os.environ.get("NOTIFY_SMTP_USER", "")
NOTIFY_SMTP_STARTTLS = os.environ.get("NOTIFY_SMTP_STARTTLS", "false")  # read with getbool
NOTIFY_ON = os.environ.get("NOTIFY_ON", "unhealthy")  # comma-separated; read with getlist

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
