"""Notifications when a run goes wrong (off by default): a webhook and mail.

``NOTIFY_WEBHOOK_URL`` (a chat tool's incoming webhook) and ``NOTIFY_MAIL_TO`` (with
``NOTIFY_SMTP_HOST`` and friends) say where; ``NOTIFY_ON`` says when: ``unhealthy`` (the
default), ``silent_edit`` too if listed.  A target that cannot be reached costs one
log line and never fails the crawl.
"""

from __future__ import annotations

import logging
import os
import smtplib

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.context import CrawlContext
from crawler.extensions.summary import RUN_FINISHED
from crawler.operations.notify import Mail, listed, message, reasons, send_mail, send_webhook
from crawler.operations.report import RunReport
from crawler.redact import redact_text

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
