"""URLs of the platform: what kind of page a URL names, and an article's identity.

An article is reached from several menus (``?cate=<id>``, ``?menu=...&page=...``),
under two host names (``mfa.go.th`` and ``www.mfa.go.th``) and with its Thai slug raw
or percent-encoded, in NFC or NFD: :func:`canonical_url` maps all of these to one
identity, so one article is archived once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from crawler.redact import is_secret_parameter

MENU_PARAMETERS = frozenset({"cate", "menu", "page", "fbclid", "gclid"})
_ARTICLE_PATH = re.compile(r"^/[a-z]{2}(?:-[a-z]{2,4})?/(content|page|publicservice)/[^/]+/?$")
_LISTING_PATH = re.compile(r"^/[a-z]{2}(?:-[a-z]{2,4})?/(content-category|page)/[^/]+/?$")
_LANGUAGE = re.compile(r"^/([a-z]{2}(?:-[a-z]{2,4})?)(?:/|$)")
_SEGMENT_SAFE = "-._~!$&'()*+,;=:@"


def path_segments(url_or_path: str) -> list[str]:
    """The path's segments, each percent-decoded (UTF-8) and NFC-normalised.

    Decoding segment by segment keeps an encoded slash (``%2F``) inside its segment:
    ``a%2Fb`` is one slug, not the path ``a/b``.
    """
    path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path
    return [
        unicodedata.normalize("NFC", unquote(segment, errors="surrogateescape"))
        for segment in path.split("/")
        if segment
    ]


@lru_cache(maxsize=16384)
def decoded_path(url_or_path: str) -> str:
    """The decoded path for matching (an encoded slash stays ``%2F``).  Remembered for
    the last links seen: a page's links are asked about again and again (is it an
    article, which card is it), and the menus of a site are on every page."""
    segments = [s.replace("/", "%2F") for s in path_segments(url_or_path)]
    path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path
    return "/" + "/".join(segments) + ("/" if path.endswith("/") and segments else "")


def is_article_path(path: str) -> bool:
    """``/<lang>/content|page|publicservice/<slug>``: pages of the article layout."""
    return bool(_ARTICLE_PATH.match(decoded_path(path)))


def is_listing_url(url: str) -> bool:
    """A URL of a paged listing's form: ``/<lang>/content-category/<name>``, or
    ``/<lang>/page/<name>`` (the form of article pages too: only the content tells)."""
    return bool(_LISTING_PATH.match(decoded_path(url)))


def is_listing_page_link(url: str) -> bool:
    """A link carrying a listing's page number (``?p=N``): a pager's link.  Article links
    carry menu ids (``?page=``, ``?cate=``, ``?menu=``), never ``p``; a pager link of the
    ``/<lang>/page/<name>`` form has an article's path shape, and past a listing's last
    page (no cards left) it would otherwise be read as the page's only card."""
    return any(
        key == "p" and value.isdigit()
        for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
    )


def language_of(url: str) -> str | None:
    """The language segment of the path (``th``, ``en``), if any."""
    match = _LANGUAGE.match(decoded_path(url))
    return match.group(1) if match else None


def page_kind(url: str) -> str | None:
    """``content``, ``page`` or ``publicservice`` for an article URL, else None."""
    match = _ARTICLE_PATH.match(decoded_path(url))
    return match.group(1) if match else None


def canonical_url(url: str, origins: Mapping[str, str] | None = None) -> str:
    """The article's identity: one string however the URL was spelled or reached.

    Scheme and host are lower-cased, a registered name of a site maps to the site's
    origin (``mfa.go.th`` -> ``https://www.mfa.go.th``; ``origins``: name or
    ``name:port`` -> ``scheme://host[:port]``), the path is decoded, NFC-normalised and
    re-encoded, a trailing slash and the fragment are dropped, and the menu parameters
    (``cate``, ``menu``, ``page``) and tracking parameters are removed.
    """
    return _normalised(url, origins, MENU_PARAMETERS)


def listing_key(url: str, origins: Mapping[str, str] | None = None) -> str:
    """A listing's identity, spelled as :func:`canonical_url` spells an article's, but
    keeping the menu parameters (``?menu=<id>`` may be what picks the section) and
    dropping the page number (``p``): the same listing linked from two menus, under an
    alias host, with a trailing slash or lower-case escapes is one listing."""
    return _normalised(url, origins, _LISTING_DROPPED)


_LISTING_DROPPED = frozenset({"p", "fbclid", "gclid"})


def _normalised(url: str, origins: Mapping[str, str] | None, dropped: frozenset[str]) -> str:
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    netloc = (
        host
        if port is None or (scheme, port) in {("http", 80), ("https", 443)}
        else (f"{host}:{port}")
    )
    origin = origins.get(netloc) if origins else None
    if origin is not None:
        scheme, _sep, netloc = origin.partition("://")
    segments = [
        quote(s, safe=_SEGMENT_SAFE, errors="surrogateescape") for s in path_segments(parts.path)
    ]
    encoded = "/" + "/".join(segments)
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in dropped
        and not key.lower().startswith("utm_")
        and not is_secret_parameter(key)
    )
    return urlunsplit((scheme, netloc, encoded, urlencode(query), ""))


def with_listing_page(url: str, page: int) -> str:
    """The listing URL for page ``page`` (the platform pages listings with ``?p=N``)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "p"]
    query.append(("p", str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def listing_page_number(url: str) -> int:
    """The ``p`` of a listing URL (1 when absent or unreadable)."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key == "p" and value.isdigit():
            return max(int(value), 1)
    return 1


def url_key(identity: str) -> int:
    """A canonical URL as 8 bytes: the crawl's sets of seen articles stay small."""
    return int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "big")


def listing_category(listing_url: str) -> str | None:
    """The category a listing URL names (``/<lang>/content-category/<name>`` or
    ``/<lang>/page/<name>?menu=<id>``), if any."""
    path = unquote(urlsplit(listing_url).path).rstrip("/")
    parts = path.split("/")
    return parts[-1] if len(parts) == 4 and parts[2] in ("content-category", "page") else None
