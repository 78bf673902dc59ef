"""Telling people when a run goes wrong: a webhook a chat tool accepts, and mail.

Off by default.  A notification is sent for an unhealthy run and, if asked for, for
silent edits and for articles taken down or moved (``NOTIFY_ON``).  The webhook gets
``{"text": ...}`` as JSON, which Slack, Mattermost, Rocket.Chat and Google Chat accept;
mail goes through SMTP (STARTTLS when asked, a password only from the environment).
Sending may fail: the caller logs one line and the crawl's outcome is unchanged.

The extension :class:`Notifications` is configured by ``NOTIFY_WEBHOOK_URL``,
``NOTIFY_MAIL_TO`` (with ``NOTIFY_SMTP_HOST`` and friends) and ``NOTIFY_ON``.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.redact import redact_text
from crawler.runs.report import RUN_FINISHED, RunReport


@dataclass(frozen=True)
class Mail:
    """Where mail goes and through which server."""

    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    user: str = ""
    password: str = ""
    starttls: bool = False


NOTIFY_EVENTS = ("unhealthy", "silent_edit", "removal")
"""What ``NOTIFY_ON`` accepts."""


def listed(values: list[str]) -> list[str]:
    """A comma-separated setting's values (``-s NOTIFY_MAIL_TO="a@x, b@y"``), without blanks."""
    return [value.strip() for value in values if value.strip()]


def reasons(report: RunReport, on: set[str]) -> list[str]:
    """Why this run is worth telling (empty: say nothing)."""
    said = []
    if "unhealthy" in on and not report.healthy:
        said.append("the run is unhealthy: " + "; ".join(report.problems))
    if "silent_edit" in on and report.silent_edits:
        said.append(f"{len(report.silent_edits)} articles were edited without a new date")
    confirmed = [r for r in report.removals if r["kind"] in ("gone", "moved")]
    if "removal" in on and confirmed:
        said.append(f"{len(confirmed)} articles were taken down or moved")
    return said


def message(report: RunReport, why: list[str], archive: str) -> tuple[str, str]:
    """(subject, text) of a notification."""
    verdict = "OK" if report.healthy else "FAILED"
    sites = ", ".join(report.scope.get("sites", [])) or "?"
    subject = f"mfa-archive: run {verdict} ({sites}, {report.started:%Y-%m-%d %H:%M} UTC)"
    lines = [subject, *why, f"archive: {archive}", f"report: {report.key}"]
    for site, counts in sorted(report.sites.items()):
        lines.append(f"{site}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    lines += [f"silently edited: {url}" for url in report.silent_edits[:20]]
    lines += [f"{r['kind']}: {r['url']}: {r['reason']}" for r in report.removals[:20]]
    return subject, "\n".join(lines)


def send_webhook(url: str, text: str, timeout: float = 10) -> None:
    """POST ``{"text": text}``; raises OSError when the target does not take it."""
    body = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - the operator's webhook URL
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
        answer.read()


def send_mail(mail: Mail, subject: str, text: str, timeout: float = 10) -> None:
    """Send one message; raises OSError or smtplib.SMTPException."""
    envelope = EmailMessage()
    envelope["Subject"], envelope["From"] = subject, mail.sender
    envelope["To"] = ", ".join(mail.recipients)
    envelope.set_content(text)
    with smtplib.SMTP(mail.host, mail.port, timeout=timeout) as server:
        if mail.starttls:
            server.starttls()
        if mail.user:
            server.login(mail.user, mail.password)
        server.send_message(envelope)


logger = logging.getLogger(__name__)


class Notifications:
    """Extension: tells the webhook and the mailbox about runs that went wrong."""

    def __init__(self, crawler: Crawler, webhook: str, mail: Mail | None, on: set[str]) -> None:
        self.crawler, self.webhook, self.mail, self.on = crawler, webhook, mail, on
        crawler.signals.connect(self.run_finished, signal=RUN_FINISHED)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Notifications:
        settings = crawler.settings
        webhook = settings.get("NOTIFY_WEBHOOK_URL")
        recipients = tuple(listed(settings.getlist("NOTIFY_MAIL_TO")))
        if not webhook and not recipients:
            raise NotConfigured("no NOTIFY_WEBHOOK_URL and no NOTIFY_MAIL_TO")
        mail = None
        if recipients:
            mail = Mail(
                host=settings.get("NOTIFY_SMTP_HOST"),
                port=settings.getint("NOTIFY_SMTP_PORT"),
                sender=settings.get("NOTIFY_MAIL_FROM"),
                recipients=recipients,
                user=settings.get("NOTIFY_SMTP_USER"),
                password=os.environ.get("NOTIFY_SMTP_PASSWORD", ""),
                starttls=settings.getbool("NOTIFY_SMTP_STARTTLS"),
            )
        return cls(crawler, webhook, mail, set(listed(settings.getlist("NOTIFY_ON"))))

    async def run_finished(self, report: RunReport) -> None:
        why = reasons(report, self.on)
        if not why:
            return
        archive = CrawlContext.of(self.crawler).archive.storage.location
        subject, text = message(report, why, archive)
        await maybe_deferred_to_future(deferToThread(self._send, subject, text))

    def _send(self, subject: str, text: str) -> None:
        if self.webhook:
            try:
                send_webhook(self.webhook, text)
                logger.info("notified the webhook: %s", subject)
            except OSError as exc:
                logger.error("could not notify the webhook: %s", redact_text(str(exc)))
        if self.mail is not None:
            try:
                send_mail(self.mail, subject, text)
                logger.info("mailed %s: %s", ", ".join(self.mail.recipients), subject)
            except (OSError, smtplib.SMTPException) as exc:
                logger.error("could not send the mail through %s: %s", self.mail.host, exc)
