"""Secrets stay out of logs, summaries and records.

A URL can carry a credential: ``user:password@`` before the host, or a signature or
token in its query (S3 presigned URLs, CDN tokens).  :func:`redact_url` keeps the URL
recognisable and replaces those values with ``REDACTED``; :class:`RedactingFilter`
applies it to every URL in every log record of the crawl.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

REDACTED = "REDACTED"
SECRET_PARAMETERS = re.compile(
    r"^(x-amz-[a-z0-9-]+|signature|sig|token|access_token|id_token|refresh_token|api[_-]?key"
    r"|apikey|password|passwd|pwd|secret|client_secret|awsaccesskeyid|credential|auth"
    r"|authorization|session|sessionid|sid)$",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?|rediss?)://[^\s<>'\"]+")
_USERINFO = re.compile(r"(?<![\w.%+:/@-])[^\s<>'\"/@:]+:[^\s<>'\"/@]*@(?=[\w\[])")
"""``user:password@host`` outside a URL (an error that quotes a host name with its
credentials: ``invalid hostname: user:S3cret@127.0.0.1``)."""


def is_secret_parameter(name: str) -> bool:
    return bool(SECRET_PARAMETERS.match(name))


def redact_url(url: str) -> str:
    """``url`` without its credentials (userinfo, secret query values)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True) if query else []
    if any(is_secret_parameter(k) for k, _ in pairs):
        query = urlencode([(k, REDACTED if is_secret_parameter(k) else v) for k, v in pairs])
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_text(text: str) -> str:
    """``text`` with every URL in it redacted, and credentials before a host name where
    no URL holds them."""
    text = _URL.sub(lambda match: redact_url(match.group(0)), text)
    return _USERINFO.sub(f"{REDACTED}@", text)


def redact_data(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, strings) with every string redacted: what a run
    leaves for people (its summary, its report) goes through here whole, so that no field
    added later can carry a credential past it."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {key: redact_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(item) for item in value]
    return value


class RedactingFilter(logging.Filter):
    """Rewrites a log record whose message, traceback or stack holds a URL with a
    credential (an exception's message often repeats the URL it failed on)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        clean = redact_text(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:  # formatted once, here, then cached
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True
