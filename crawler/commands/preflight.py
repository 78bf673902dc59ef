"""Before anything is fetched: the arguments are right and the archive takes a write.

A wrong argument (``-a since=yesterday``, an unknown site, ``-a lang=fr``) or an archive
that cannot be written (a bucket that does not exist, credentials that do not work, a
local path that is not writable, a state file that does not open) is found in the first
second, said in one line naming what is wrong and what is accepted, and the command
exits with 2 -- not after every page was fetched and spooled.  A store that does not
answer *now* (no connection, 5xx, throttling) is no refusal: the crawl spools its items
until it answers, as it does when the store fails mid-crawl.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler.extras import missing_extra
from crawler.redact import redact_url
from crawler.registry import Registry, RegistryError
from crawler.runs.notifications import NOTIFY_EVENTS, listed
from crawler.spiders.arguments import ArgumentError, CrawlArguments
from crawler.state.opening import open_state
from crawler.state.paths import StatePaths
from crawler.storage import StorageError, StoreUnavailable
from crawler.storage.archive import open_archive
from crawler.storage.probe import probe

logger = logging.getLogger(__name__)


class Refused(Exception):
    """Why a command cannot run, in one line."""


def check_arguments(spider_arguments: dict[str, str], settings: BaseSettings) -> None:
    """The spider's arguments and the site registry (raises Refused)."""
    try:
        arguments = CrawlArguments.parse(**spider_arguments)
        arguments.start_points(Registry.load(settings.get("SITE_REGISTRY")))
    except (ArgumentError, RegistryError) as exc:
        raise Refused(str(exc)) from None


def check_settings(settings: BaseSettings) -> None:
    """The operator's settings that are read only at the end of a run (raises Refused).

    A mistyped ``NOTIFY_ON`` or SMTP port would otherwise be found after the whole crawl,
    when the one message it was meant to send is lost.
    """
    unknown = sorted(set(listed(settings.getlist("NOTIFY_ON"))) - set(NOTIFY_EVENTS))
    if unknown:
        accepted = ", ".join(NOTIFY_EVENTS)
        raise Refused(f"NOTIFY_ON: unknown {', '.join(unknown)}; accepted: {accepted}")
    try:
        port = settings.getint("NOTIFY_SMTP_PORT")
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        said = settings.get("NOTIFY_SMTP_PORT")
        raise Refused(f"NOTIFY_SMTP_PORT: {said!r} is not a port number (1-65535)")
    for name in ("NOTIFY_WEBHOOK_URL", "PUSHGATEWAY_URL"):
        url = settings.get(name) or ""
        if url and not url.startswith(("http://", "https://")):
            raise Refused(f"{name}: {url!r} is not an http:// or https:// URL")
    problem = redis_url_problem(settings.get("REDIS_URL") or "")
    if problem:
        raise Refused(f"REDIS_URL: {problem}")
    missing = missing_extra(settings)
    if missing:
        raise Refused(missing)


def redis_url_problem(url: str) -> str | None:
    """Why ``url`` is no Redis URL (None: it is one, or it is empty: no Redis)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as exc:
        return f"{redact_url(url)!r} is not a Redis URL ({exc})"
    if parts.scheme not in ("redis", "rediss", "unix"):
        return f"{redact_url(url)!r} is not a Redis URL (redis://, rediss:// or unix://HOST...)"
    if parts.scheme != "unix" and not parts.hostname:
        return f"{redact_url(url)!r} names no host"
    return None


def check_archive(settings: BaseSettings) -> None:
    """The archive takes a write, and the state and spool of this machine open."""
    paths = StatePaths.from_settings(settings)
    try:
        archive = open_archive(settings)
    except StorageError as exc:
        raise Refused(f"ARCHIVE_URI: {exc}") from None
    try:
        probe(archive.storage, b"the crawl can write here\n")
    except StoreUnavailable as exc:  # down for now: the crawl spools until it answers
        logger.warning("the archive does not answer (%s); items are spooled until it does", exc)
    except StorageError as exc:
        raise Refused(f"the archive {paths.location} does not take a write: {exc}") from None
    finally:
        archive.storage.close()
    try:
        open_state(settings).close()
    except (OSError, StorageError) as exc:
        where = "" if settings.get("REDIS_URL") else f" {paths.database}"
        raise Refused(f"the state{where} does not open: {exc}") from None
    try:
        Path(paths.spool).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Refused(f"the spool {paths.spool} cannot be made: {exc}") from None
