"""The media hosts (``MEDIA_HOSTS``, the image service and its mirrors) and their download
slots: the image host has a politeness budget of its own."""

from __future__ import annotations

from scrapy.settings import BaseSettings


def media_slots(settings: BaseSettings) -> dict[str, dict[str, float]]:
    """Scrapy's ``DOWNLOAD_SLOTS`` for ``MEDIA_HOSTS`` (``MEDIA_CONCURRENCY``,
    ``MEDIA_DELAY``)."""
    budget: dict[str, float] = {
        "concurrency": settings.getint("MEDIA_CONCURRENCY"),
        "delay": settings.getfloat("MEDIA_DELAY"),
    }
    return {host: dict(budget) for host in media_hosts(settings)}


def media_hosts(settings: BaseSettings) -> frozenset[str]:
    """``MEDIA_HOSTS``, lower-cased: the hosts of the image service an article's files
    may come from, whose renditions are read as their original."""
    return frozenset(host.lower() for host in settings.getlist("MEDIA_HOSTS"))
