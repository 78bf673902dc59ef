"""The media hosts' download slots: the image host has a politeness budget of its own."""

from __future__ import annotations

from scrapy.settings import BaseSettings


def media_slots(settings: BaseSettings) -> dict[str, dict[str, float]]:
    """Scrapy's ``DOWNLOAD_SLOTS`` for ``MEDIA_HOSTS`` (``MEDIA_CONCURRENCY``,
    ``MEDIA_DELAY``)."""
    budget: dict[str, float] = {
        "concurrency": settings.getint("MEDIA_CONCURRENCY"),
        "delay": settings.getfloat("MEDIA_DELAY"),
    }
    return {host.lower(): dict(budget) for host in settings.getlist("MEDIA_HOSTS")}
