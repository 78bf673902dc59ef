"""For scrapyd-deploy, which builds its egg with ``setup.py bdist_egg``: everything,
the scrapy entry point included, is declared in pyproject.toml."""

from setuptools import setup

setup()
