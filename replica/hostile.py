"""Hostile links for the replica's listings: what an attacker or a broken CMS could emit.

Each is an article page of the sample's layout under a slug made to hurt: encoded
``../``, NUL, a slug near the URL length limit, bidi and zero-width characters, the
same Thai slug in NFC and in NFD, a raw ``../`` path, and a link to another host.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from urllib.parse import quote, unquote, urlsplit

from replica.content import Page

THAI_SLUG = "ข่าวที่มีสระและวรรณยุกต์ซ้อน"


def hostile_pages(base: Page) -> list[tuple[str, Page]]:
    """(server key, page) pairs; the key is the decoded path the server looks up."""
    hrefs = {
        "encoded dot-dot": "/th/content/..%2F..%2F..%2Fescape",
        "NUL": "/th/content/nul%00byte",
        "long": "/th/content/" + quote("ยาว" * 55),
        "bidi and zero-width": "/th/content/" + quote("\u202eevil\u200b-slug\u200d"),
        "NFC": "/th/content/" + quote(unicodedata.normalize("NFC", THAI_SLUG)),
        "NFD": "/th/content/" + quote(unicodedata.normalize("NFD", THAI_SLUG)),
        "raw dot-dot": "/th/content/a/../../../etc/passwd",
        "other host": "http://127.0.0.2:9/th/content/offsite",
    }
    pages = []
    for index, (name, href) in enumerate(hrefs.items()):
        title = f"{base.title} ({name})" if name not in ("NFC", "NFD") else f"{base.title} (Thai)"
        page = replace(base, href=href, title=title, image_seed=f"{index:024x}")
        key = unquote(urlsplit(href).path)
        pages.append((key, page))
    return pages
