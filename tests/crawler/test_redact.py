"""Credentials in URLs never reach logs, summaries or records."""

from __future__ import annotations

import logging

import pytest

from crawler.redact import RedactingFilter, redact_data, redact_text, redact_url
from crawler.urls import canonical_url

SIGNED = (
    "https://bucket.s3.amazonaws.com/a.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAEXAMPLE%2F20261126%2Fus-east-1&X-Amz-Signature=deadbeef&x=1"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.mfa.go.th/th/content/x?cate=1", "https://www.mfa.go.th/th/content/x?cate=1"),
        ("https://user:pa55@www.mfa.go.th/th/x", "https://REDACTED@www.mfa.go.th/th/x"),
        (
            "https://cdn.example/x.jpg?token=s3cr3t&w=200",
            "https://cdn.example/x.jpg?token=REDACTED&w=200",
        ),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_a_presigned_url_keeps_nothing_secret() -> None:
    redacted = redact_url(SIGNED)
    assert "AKIAEXAMPLE" not in redacted and "deadbeef" not in redacted
    assert "x=1" in redacted and redacted.startswith("https://bucket.s3.amazonaws.com/a.pdf?")


def test_redact_text_finds_every_url() -> None:
    text = f"could not fetch {SIGNED}: 403 and https://u:p@h.example/ too"
    clean = redact_text(text)
    assert "deadbeef" not in clean and "u:p@" not in clean and "could not fetch" in clean


def test_a_redis_password_never_reaches_the_log() -> None:
    text = "Overridden settings: {'REDIS_URL': 'rediss://:s3cret@cache.example:6380/0'}"
    assert redact_text(text) == (
        "Overridden settings: {'REDIS_URL': 'rediss://REDACTED@cache.example:6380/0'}"
    )


def test_the_log_filter_rewrites_records(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO):
        logger.info("fetched %s (%d bytes)", SIGNED, 10)
    assert "deadbeef" not in caplog.text and "fetched https://bucket" in caplog.text


def test_secret_parameters_are_no_part_of_an_articles_identity() -> None:
    plain = canonical_url("https://www.mfa.go.th/th/content/x")
    assert canonical_url("https://www.mfa.go.th/th/content/x?token=abc&Signature=z") == plain


def test_the_log_filter_rewrites_tracebacks_too(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    caplog.handler.addFilter(RedactingFilter())
    try:
        raise ValueError(f"cannot open {SIGNED}")
    except ValueError:
        logger.exception("failed")
    assert "ValueError: cannot open https://bucket" in caplog.text
    assert "deadbeef" not in caplog.text


def test_credentials_before_a_host_are_redacted_where_no_url_holds_them() -> None:
    """Twisted quotes the host it could not parse: ``invalid hostname: user:S3cret@HOST``."""
    assert redact_text("invalid hostname: user:S3cret@127.0.0.1") == (
        "invalid hostname: REDACTED@127.0.0.1"
    )
    assert redact_text("write to me at ops@mfa.go.th") == "write to me at ops@mfa.go.th"


def test_redact_data_redacts_every_string_of_a_document() -> None:
    document = {"a": [f"x {SIGNED}", {"b": "user:pw@h"}], "n": 3, "none": None}
    clean = redact_data(document)
    assert "deadbeef" not in str(clean) and "pw@" not in str(clean)
    assert clean["n"] == 3 and clean["none"] is None
