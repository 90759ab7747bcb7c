"""Email leaves the process only through this task, after the transaction that caused it commits."""

import logging
import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives, get_connection

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    # Transient failures only: a refused recipient or a rejected message will not get better.
    autoretry_for=(
        smtplib.SMTPServerDisconnected,
        smtplib.SMTPConnectError,
        ConnectionError,
        TimeoutError,
    ),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
    soft_time_limit=30,
    time_limit=45,
)
def send_email_task(self, *, message: dict) -> None:
    """Send one rendered email. `message` is the JSON form made by `email_to_payload`."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        headers=message.get("headers") or {},
        connection=get_connection(),
    )
    for content, mimetype in message.get("alternatives", []):
        email.attach_alternative(content, mimetype)
    email.send()
    logger.info("email sent (task %s)", self.request.id)
