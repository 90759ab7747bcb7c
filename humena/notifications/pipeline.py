"""From an outbox row to notifications and emails, in idempotent steps.

relay (publish pending events) → fan-out (resolve recipients, in chunks) → deliver a chunk
(write Notification rows in bulk; claim and queue immediate emails) → send one email. Digests
gather what waits for a daily or weekly email. Every step may run twice without effect.
"""

import logging
import os
import smtplib
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from humena.notifications import registry
from humena.notifications.models import (
    Channel,
    EmailDelivery,
    EmailSettings,
    Frequency,
    Notification,
    OutboxEvent,
)
from humena.notifications.services import preferences_of

logger = logging.getLogger(__name__)

# Recipients per task: one bulk insert and one preferences query each.
CHUNK_SIZE = int(os.environ.get("HUMENA_NOTIFICATION_CHUNK_SIZE", "1000"))
RELAY_BATCH = 200
UNSUBSCRIBE_SALT = "humena.notifications.unsubscribe"
DIGEST_HOUR = 8  # local time
MAX_ATTEMPTS = 5  # sending attempts before a delivery is marked failed
KEY_LENGTH = EmailDelivery._meta.get_field("key").max_length


def relay_pending(*, limit: int = RELAY_BATCH) -> int:
    """Publish pending outbox events to the broker; returns how many were published."""
    from humena.notifications.tasks import fanout_task

    published = 0
    with transaction.atomic():
        pending = list(
            OutboxEvent.objects.select_for_update(skip_locked=True)
            .filter(published_at__isnull=True)
            .order_by("id")[:limit]
        )
        for event in pending:
            fanout_task.delay(event.pk)  # raises if the broker is down: the rows stay pending
            event.published_at = timezone.now()
            event.save(update_fields=["published_at"])
            published += 1
    return published


def fanout(*, event_id: int) -> int:
    """Split the event's recipients into chunks, each delivered by its own task."""
    from humena.notifications.tasks import deliver_chunk_task, deliver_outbound_task

    event = OutboxEvent.objects.filter(pk=event_id).first()
    if event is None or event.fanned_out_at is not None:
        return 0
    kind = registry.kind_for(event.name)
    chunks = 0
    if kind is not None:
        recipients = [
            user_id
            for user_id in kind.recipients(event.payload, event.actor_id)
            if user_id != event.actor_id  # nobody is told of what they did themselves
        ]
        for start in range(0, len(recipients), CHUNK_SIZE):
            deliver_chunk_task.delay(event.pk, recipients[start : start + CHUNK_SIZE])
            chunks += 1
        if kind.outbound is not None:
            keys = list(kind.outbound(event.payload))
            for start in range(0, len(keys), CHUNK_SIZE):
                deliver_outbound_task.delay(event.pk, keys[start : start + CHUNK_SIZE])
                chunks += 1
    OutboxEvent.objects.filter(pk=event.pk).update(fanned_out_at=timezone.now())
    return chunks


def deliver_chunk(*, event_id: int, user_ids: list[int]) -> list[int]:
    """Write the chunk's notifications and claim its immediate emails; returns delivery ids."""
    event = OutboxEvent.objects.get(pk=event_id)
    kind = registry.kind_for(event.name)
    if kind is None:
        return []
    from django.contrib.auth import get_user_model

    active = list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .values_list("pk", flat=True)
    )
    preferences = preferences_of(user_ids=active, category=kind.category)
    rows, immediate = [], []
    for user_id in active:
        in_app = preferences[user_id][Channel.IN_APP] != Frequency.OFF
        email = preferences[user_id][Channel.EMAIL]
        if kind.urgent and email != Frequency.OFF:
            email = Frequency.IMMEDIATE
        digest = email if email in (Frequency.DAILY, Frequency.WEEKLY) else ""
        if in_app or digest or email == Frequency.IMMEDIATE:
            rows.append(
                Notification(
                    event=event,
                    recipient_id=user_id,
                    category=kind.category,
                    in_app=in_app,
                    digest=digest,
                )
            )
        if email == Frequency.IMMEDIATE:
            immediate.append(user_id)
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        EmailDelivery.objects.bulk_create(
            [
                EmailDelivery(key=f"event:{event.pk}:{user_id}", recipient_id=user_id, event=event)
                for user_id in immediate
            ],
            ignore_conflicts=True,
        )
    from humena.notifications.selectors import unread_forget

    unread_forget([row.recipient_id for row in rows if row.in_app])
    return list(
        EmailDelivery.objects.filter(
            key__in=[f"event:{event.pk}:{user_id}" for user_id in immediate],
            status=EmailDelivery.Status.PENDING,
        ).values_list("pk", flat=True)
    )


def deliver_outbound(*, event_id: int, keys: list[str]) -> list[int]:
    """Claim one delivery per outbound key (mail to people without an account)."""
    event = OutboxEvent.objects.get(pk=event_id)
    full_keys = [f"event:{event.pk}:{key}" for key in keys]
    too_long = [key for key in full_keys if len(key) > KEY_LENGTH]
    if too_long:  # a cut key could merge two people's deliveries into one
        raise ValueError(f"outbound delivery keys longer than {KEY_LENGTH}: {too_long[:3]}")
    EmailDelivery.objects.bulk_create(
        [EmailDelivery(key=key, event=event) for key in full_keys], ignore_conflicts=True
    )
    return list(
        EmailDelivery.objects.filter(
            key__in=full_keys, status=EmailDelivery.Status.PENDING
        ).values_list("pk", flat=True)
    )


def _claim(delivery_id: int) -> EmailDelivery | None:
    """Take a pending delivery for sending; None if another worker has it or it is done."""
    with transaction.atomic():
        delivery = (
            EmailDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "event")
            .filter(pk=delivery_id, status=EmailDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return None
        delivery.status = EmailDelivery.Status.SENDING
        delivery.save(update_fields=["status"])
    return delivery


def _finish(delivery: EmailDelivery, status: str) -> None:
    delivery.status = status
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "sent_at"])


def unsubscribe_token(*, user_id: int, category: str) -> str:
    return signing.dumps({"u": user_id, "c": category}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[int, str]:
    """The (user id, category) a token stands for; raises signing.BadSignature if forged."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return int(data["u"]), str(data["c"])


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _email(*, user, category: str, subject: str, context: dict, template: str):
    content_free = EmailSettings.objects.filter(user=user, content_free=True).exists()
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        token = unsubscribe_token(user_id=user.pk, category=category)
        unsubscribe_url = _absolute(reverse("notifications:unsubscribe", args=[token]))
        context = {
            **context,
            "user": user,
            "content_free": content_free,
            "unsubscribe_url": unsubscribe_url,
            "inbox_url": _absolute(reverse("notifications:inbox")),
            "site_url": settings.SITE_URL,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        if content_free:
            subject = translation.gettext("You have something new on HuMENA")
        text = render_to_string(f"emails/notifications/{template}.txt", context)
        html = render_to_string(f"emails/notifications/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _send(delivery: EmailDelivery, message) -> None:
    """Send, or give the delivery back: for the task's retry after a mail server's refusal or a
    network error (failed after MAX_ATTEMPTS), or at once as failed when retrying cannot help
    (a message the mail library refuses to build). Never left "sending" by an error."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        delivery.attempts += 1
        retry = delivery.attempts < MAX_ATTEMPTS
        delivery.status = EmailDelivery.Status.PENDING if retry else EmailDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "status"])
        if retry:
            raise
        logger.warning("email delivery %s failed after %s attempts", delivery.pk, MAX_ATTEMPTS)
        return
    except Exception:
        delivery.attempts += 1
        delivery.status = EmailDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "status"])
        logger.exception("email delivery %s cannot be sent", delivery.pk)
        return
    _finish(delivery, EmailDelivery.Status.SENT)


def _send_outbound(delivery: EmailDelivery, kind) -> bool:
    """Mail to someone without an account: the kind builds it from the outbound key."""
    outbound_key = delivery.key.split(":", 2)[2]  # "event:<id>:<outbound key>"
    payload = delivery.event.payload
    message = kind.compose(payload, outbound_key) if kind.compose else None
    if message is None:
        _finish(delivery, EmailDelivery.Status.SKIPPED)
        return False
    _send(delivery, message)
    sent = delivery.status == EmailDelivery.Status.SENT
    if sent and kind.after_send is not None:
        kind.after_send(payload, outbound_key)
    return sent


def send_immediate(*, delivery_id: int) -> bool:
    delivery = _claim(delivery_id)
    if delivery is None:
        return False
    user, event = delivery.recipient, delivery.event
    kind = registry.kind_for(event.name)
    if kind is not None and user is None:
        return _send_outbound(delivery, kind)
    if kind is None or user is None or not user.is_active or not user.email:
        _finish(delivery, EmailDelivery.Status.SKIPPED)
        return False
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        description = registry.describe(event)
        message = _email(
            user=user,
            category=kind.category,
            subject=description.title,
            context={"item": description, "item_url": _absolute(description.url)},
            template="immediate",
        )
    _send(delivery, message)
    return delivery.status == EmailDelivery.Status.SENT


def _period_start(now: datetime, frequency: str) -> str:
    return now.strftime("%Y-%m-%d") if frequency == Frequency.DAILY else now.strftime("%G-W%V")


def digest_recipients(*, now: datetime, frequency: str) -> list[int]:
    """People with notifications waiting for this digest whose local time is the digest hour."""
    waiting = (
        Notification.objects.filter(digest=frequency)
        .order_by()
        .values_list("recipient_id", "recipient__time_zone")
        .distinct()
    )
    due = []
    for user_id, time_zone in waiting:
        try:
            local = now.astimezone(zoneinfo.ZoneInfo(time_zone or "UTC"))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            local = now
        if local.hour != DIGEST_HOUR:
            continue
        if frequency == Frequency.WEEKLY and local.isoweekday() != 1:
            continue  # weekly digests on Monday morning
        due.append(user_id)
    return due


def send_digest(*, user_id: int, frequency: str, now: datetime | None = None) -> bool:
    """One email with everything waiting, grouped by initiative, network or campaign."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    key = f"digest:{frequency}:{user_id}:{_period_start(now, frequency)}"
    try:
        with transaction.atomic():
            delivery = EmailDelivery.objects.create(
                key=key, recipient=user, status=EmailDelivery.Status.SENDING
            )
    except IntegrityError:
        return False  # this period's digest was sent (or is being sent) already
    items = list(
        Notification.objects.filter(recipient=user, digest=frequency)
        .select_related("event")
        .order_by("-created_at")[:200]
    )
    groups: dict[str, dict] = {}
    refs = registry.load_refs([n.event for n in items])
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        for notification in items:
            kind = registry.kind_for(notification.event.name)
            if kind is None:
                continue
            description = kind.describe(notification.event.payload, refs[notification.event_id])
            group = groups.setdefault(
                description.group_key, {"title": description.group_title, "items": []}
            )
            group["items"].append({"title": description.title, "url": _absolute(description.url)})
        if not groups:
            _finish(delivery, EmailDelivery.Status.SKIPPED)
            return False
        subject = (
            translation.gettext("Your daily HuMENA digest")
            if frequency == Frequency.DAILY
            else translation.gettext("Your weekly HuMENA digest")
        )
        message = _email(
            user=user,
            category=items[0].category,
            subject=subject,
            context={"groups": list(groups.values()), "count": len(items)},
            template="digest",
        )
    message.send()
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(digest="")
    _finish(delivery, EmailDelivery.Status.SENT)
    return True
