"""What the spider sets before the crawl is built: who it is, and the download slots of
the hosts with a budget of their own."""

from __future__ import annotations

from scrapy.settings import BaseSettings

from crawler import __version__
from crawler.media.slots import media_slots
from crawler.registry import Registry, RegistryError


def identify_and_slot(settings: BaseSettings) -> None:
    """A User-Agent naming the project and its contact (``-s USER_AGENT`` still wins);
    the download slots of the media hosts and of the sites with a budget of their own."""
    contact = settings.get("ARCHIVE_CONTACT") or "no contact set"
    agent = f"mfa-archive/{__version__} (archival crawler; contact: {contact})"
    settings.set("USER_AGENT", agent, priority="spider")
    slots = media_slots(settings)
    try:
        slots.update(Registry.load(settings.get("SITE_REGISTRY")).download_slots())
    except RegistryError:
        return  # said, in one line, before the crawl starts (crawler.commands.crawl)
    if slots:
        merged = {**slots, **settings.getdict("DOWNLOAD_SLOTS")}
        settings.set("DOWNLOAD_SLOTS", merged, priority="spider")
