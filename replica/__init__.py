"""A replica of the MFA platform on 127.0.0.1, for the end-to-end tests and the demo.

A real server process (Twisted), like Scrapy's ``tests/mockserver``: article pages
rendered from ``../shared/sample`` and ``../shared/corpus`` at their real paths, in
both templates of the platform, among the noise of a real page (navigation,
breadcrumbs, related news, share buttons, footer), with styled-jsx class names drawn
afresh at each start; category listings with pagination; robots.txt; and controls
(``POST /_replica/...``) to bump an article's update date, edit it silently or break
it.  ``python -m replica --port 8765`` runs it.
"""
