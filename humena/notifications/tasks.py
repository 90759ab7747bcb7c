"""Thin tasks: load by id, call the pipeline, retry on broker or database hiccups."""

import smtplib

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from humena.notifications import pipeline
from humena.notifications.models import Frequency

RETRY = {
    # OSError covers refused connections; SMTPException a mail server's refusals (the delivery
    # counts attempts and gives up as failed after pipeline.MAX_ATTEMPTS).
    "autoretry_for": (OperationalError, BrokerError, OSError, smtplib.SMTPException),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 10,
}


@shared_task(soft_time_limit=60, time_limit=90, **RETRY)
def outbox_relay_task() -> int:
    """After each commit that emitted events, and every minute from beat (the sweep)."""
    return pipeline.relay_pending()


@shared_task(soft_time_limit=120, time_limit=180, **RETRY)
def fanout_task(event_id: int) -> int:
    return pipeline.fanout(event_id=event_id)


def _send_in_batches(delivery_ids: list[int]) -> None:
    for start in range(0, len(delivery_ids), pipeline.SEND_BATCH):
        send_email_batch_task.delay(delivery_ids[start : start + pipeline.SEND_BATCH])


@shared_task(soft_time_limit=120, time_limit=180, **RETRY)
def deliver_chunk_task(event_id: int, user_ids: list[int]) -> int:
    delivery_ids = pipeline.deliver_chunk(event_id=event_id, user_ids=user_ids)
    _send_in_batches(delivery_ids)
    return len(delivery_ids)


@shared_task(soft_time_limit=120, time_limit=180, **RETRY)
def deliver_outbound_task(event_id: int, keys: list[str]) -> int:
    delivery_ids = pipeline.deliver_outbound(event_id=event_id, keys=keys)
    _send_in_batches(delivery_ids)
    return len(delivery_ids)


@shared_task(soft_time_limit=120, time_limit=180, **RETRY)
def send_email_batch_task(delivery_ids: list[int]) -> int:
    return pipeline.send_batch(delivery_ids=delivery_ids)


@shared_task(soft_time_limit=30, time_limit=45, **RETRY)
def send_email_delivery_task(delivery_id: int) -> bool:
    """One delivery (tasks queued before batches existed, and single resends)."""
    return pipeline.send_immediate(delivery_id=delivery_id)


@shared_task(soft_time_limit=300, time_limit=360, **RETRY)
def digests_task() -> int:
    """Hourly from beat: daily digests at 8:00 local time, weekly ones on Monday at 8:00."""
    now = timezone.now()
    queued = 0
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        for user_id in pipeline.digest_recipients(now=now, frequency=frequency):
            send_digest_task.delay(user_id, frequency)
            queued += 1
    return queued


@shared_task(soft_time_limit=60, time_limit=90, **RETRY)
def send_digest_task(user_id: int, frequency: str) -> bool:
    return pipeline.send_digest(user_id=user_id, frequency=frequency)
