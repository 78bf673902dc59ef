"""The URLs of the platform's pictures: the image service's renditions and their
original, a ``background`` declaration's URL, a ``srcset``'s best candidate, and what a
lazy ``<img>`` shows until its picture is swapped in.

On ``image.mfa.go.th/mfa/<op>/<site key>/<path>`` (or a mirror named in ``MEDIA_HOSTS``)
the ``<op>`` segment names a rendition (``0`` the original, ``r_WxH`` resized,
``c_c_WxH`` cropped); the archive records the original (:func:`original_url`) beside the
URL as served.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

IMAGE_HOST = "image.mfa.go.th"
IMAGE_HOSTS = frozenset({IMAGE_HOST})
_RENDITION = re.compile(r"^/mfa/(?P<op>[a-z](?:_[a-z0-9]+)+|0)/(?P<rest>[^/]+/.+)$")
_BACKGROUND = re.compile(r"background(?:-image)?\s*:(?P<declaration>[^;]*)")
_PLACEHOLDER_NAME = re.compile(
    r"blank|placeholder|spacer|transparent|loading|lazy|pixel|1x1|empty|dummy|default-image",
    re.IGNORECASE,
)
_TINY = re.compile(r"/r_(?P<w>\d+)x(?P<h>\d+)/")
TINY_PIXELS = 100
"""A rendition this small (the platform's blurred ``r_50x50``) is a placeholder."""


def original_url(url: str, hosts: frozenset[str] | None = IMAGE_HOSTS) -> str:
    """The original rendition of a platform image (``<op>`` = ``0``); other URLs as they are.

    On the image service's hosts (``hosts``: the image host, or others the operator names
    in ``MEDIA_HOSTS``, a mirror of it; None: any host, for comparing two spellings)."""
    parts = urlsplit(url)
    if hosts is not None and (parts.hostname or "").lower() not in hosts:
        return url
    match = _RENDITION.match(parts.path)
    if match is None or match["op"] == "0":
        return url
    return urlunsplit((parts.scheme, parts.netloc, f"/mfa/0/{match['rest']}", parts.query, ""))


def srcset_best(srcset: str | None) -> str | None:
    """The widest (or densest) candidate of a ``srcset``."""
    best, best_size = None, -1.0
    for candidate in (srcset or "").split(","):
        fields = candidate.split()
        if not fields:
            continue
        size = 1.0
        if len(fields) > 1 and fields[1][:-1].replace(".", "", 1).isdigit():
            size = float(fields[1][:-1])
        if size > best_size:
            best, best_size = fields[0], size
    return best


def background_url(style: str) -> str | None:
    """The first ``url(...)`` of a ``background`` declaration.  A quoted one may hold
    parentheses ("S__3665559 (3).jpg"); an unquoted one that holds them (invalid CSS,
    but served) runs to the last ")" before the declaration's next layer or its end."""
    match = _BACKGROUND.search(style)
    declaration = match["declaration"] if match else ""
    start = declaration.find("url(")
    if start < 0:
        return None
    rest = declaration[start + 4 :].lstrip()
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        return rest[1:end] if end > 0 else None
    layer = rest.find("url(")
    rest = rest[:layer] if layer >= 0 else rest
    end = rest.rfind(")")
    url = rest[:end].strip() if end >= 0 else ""
    return url or None


def is_placeholder(url: str) -> bool:
    """What a lazy ``<img>`` shows until a script swaps its picture in: a ``data:`` URI,
    an SVG or GIF, a file named for it (``blank``, ``placeholder``, ``spacer``,
    ``loading``, ``1x1``...), or the platform's tiny blurred rendition (``r_50x50``)."""
    if url.startswith("data:"):
        return True
    path = urlsplit(url).path.lower()
    name = path.rsplit("/", 1)[-1]
    if name.endswith((".svg", ".gif")) or _PLACEHOLDER_NAME.search(name):
        return True
    tiny = _TINY.search(path)
    return tiny is not None and max(int(tiny["w"]), int(tiny["h"])) <= TINY_PIXELS
