"""Downloader middlewares: politeness per site."""
