"""What the tests share: servers started for real (S3, Redis, receivers, a TCP proxy,
Chromium, pywb), crawls in the test reactor or as processes, the project built for unit
tests, and the loopback guard."""
