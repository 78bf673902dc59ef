"""Spiders: one per platform, driven by the site registry."""
