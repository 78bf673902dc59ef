"""The pictures and files of the replica's pages: where the pages say they are, and their
bytes when the replica serves them itself (``--media``).

Bytes made from the path alone, the same on every request, at realistic sizes: an
original picture (``/mfa/0/...jpg``) 40-160 kB, a rendition (``r_WxH``, ``c_c_WxH``) a
few kB, a document 60-200 kB; each with the content type its extension says.
"""

from __future__ import annotations

import hashlib

IMAGE_HOSTS = ["https://image.mfa.go.th/mfa"]
"""Where the pages say their pictures and files are: the platform's image host, or the
replica itself when it serves them (``--media``: :func:`serve_media_at`)."""
SHARED_FILE = "0/shared0000/statement-form.pdf"
"""With ``--media``, every article page links this one file: a file shown by many."""


def image_host() -> str:
    return IMAGE_HOSTS[-1]


def serve_media_at(base: str) -> None:
    """Pages name ``<base>/mfa/...`` for their pictures and files from now on."""
    IMAGE_HOSTS.append(f"{base}/mfa")


JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
PDF_START = b"%PDF-1.7\n"
TYPES = {".jpg": b"image/jpeg", ".jpeg": b"image/jpeg", ".png": b"image/png"}


def media_file(path: str) -> tuple[bytes, bytes]:
    """The bytes at ``path`` (``/mfa/<op>/<key>/<name>``) and their content type."""
    seed = hashlib.sha256(path.encode("utf-8")).digest()
    number = int.from_bytes(seed[:4], "big")
    original = path.startswith("/mfa/0/")
    if path.lower().endswith(".pdf"):
        size, start, kind = 60_000 + number % 140_000, PDF_START, b"application/pdf"
    else:
        size = 40_000 + number % 120_000 if original else 2_000 + number % 6_000
        start = JPEG_START
        kind = next((t for s, t in TYPES.items() if path.lower().endswith(s)), b"image/jpeg")
    block = hashlib.sha512(seed).digest()
    body = start + (block * (size // len(block) + 1))[: size - len(start)]
    return body, kind
