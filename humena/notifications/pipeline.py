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
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, Q, Value, When
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
# Immediate emails per sending task: one SMTP connection, one claim and one status update for
# all of them. Each takes a few milliseconds to render and send (benchmarks/README.md, the
# campaign launch), so a batch stays far below the task's time limit.
SEND_BATCH = int(os.environ.get("HUMENA_EMAIL_BATCH_SIZE", "200"))
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
            rows.append((user_id, in_app, digest))
        if email == Frequency.IMMEDIATE:
            immediate.append(user_id)
    keys = [f"event:{event.pk}:{user_id}" for user_id in immediate]
    with transaction.atomic():
        inserted = _rows_write(event=event, category=kind.category, rows=rows, keys=keys)
    from humena.notifications.selectors import unread_forget

    unread_forget([user_id for user_id, in_app, _digest in rows if in_app])
    if inserted is not None and len(inserted) == len(keys):
        return inserted
    # A chunk run again (a worker died after writing): the deliveries still waiting to be sent.
    return list(
        EmailDelivery.objects.filter(key__in=keys, status=EmailDelivery.Status.PENDING).values_list(
            "pk", flat=True
        )
    )


def _rows_write(
    *, event: OutboxEvent, category: str, rows: list[tuple], keys: list[str]
) -> list[int] | None:
    """Notification rows and email deliveries in one statement each, from arrays: a chunk of a
    thousand costs two round trips and no model instances (issue 10's floor is INSERT ... SELECT
    of the same rows). Existing rows are kept (a chunk run twice writes nothing twice). Returns
    the ids of the deliveries written now (None on SQLite, a first run's database)."""
    if connection.vendor != "postgresql":
        Notification.objects.bulk_create(
            [
                Notification(
                    event=event, recipient_id=user_id, category=category, in_app=in_app, digest=d
                )
                for user_id, in_app, d in rows
            ],
            ignore_conflicts=True,
        )
        EmailDelivery.objects.bulk_create(
            [
                EmailDelivery(key=key, recipient_id=int(key.rsplit(":", 1)[1]), event=event)
                for key in keys
            ],
            ignore_conflicts=True,
        )
        return None
    # Our own table names in the SQL; every value is a parameter.
    notification, delivery = Notification._meta.db_table, EmailDelivery._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        if rows:
            recipients, in_app, digests = (list(column) for column in zip(*rows, strict=True))
            cursor.execute(
                f"INSERT INTO {notification}"  # noqa: S608  # nosec B608
                " (event_id, recipient_id, category, in_app, digest, created_at)"
                " SELECT %s, r.recipient, %s, r.in_app, r.digest, %s"
                " FROM unnest(%s::bigint[], %s::boolean[], %s::text[]) AS r(recipient, in_app,"
                " digest) ON CONFLICT DO NOTHING",
                [event.pk, category, now, recipients, in_app, digests],
            )
        if not keys:
            return []
        cursor.execute(
            f"INSERT INTO {delivery}"  # noqa: S608  # nosec B608
            " (key, recipient_id, attempts, event_id, status, created_at)"
            " SELECT r.key, r.recipient, 0, %s, %s, %s"
            " FROM unnest(%s::text[], %s::bigint[]) AS r(key, recipient)"
            " ON CONFLICT DO NOTHING RETURNING id",
            [
                event.pk,
                EmailDelivery.Status.PENDING,
                now,
                keys,
                [int(key.rsplit(":", 1)[1]) for key in keys],
            ],
        )
        return [row[0] for row in cursor.fetchall()]


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


def _email(*, user, category: str, subject: str, context: dict, template: str, content_free=None):
    """The email, rendered in the person's language. `content_free`: their setting, when the
    caller read it already for many people (else one query)."""
    if content_free is None:
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


def _attempt(delivery: EmailDelivery, message, smtp=None) -> tuple[bool | None, Exception | None]:
    """Send once (over `smtp`, an open connection, if given). (True, None): sent, to be marked
    by the caller. (None, error): a mail server's refusal or a network error, the delivery given
    back as pending for a retry (failed after MAX_ATTEMPTS: False). (False, None): a message the
    mail library refuses to build, failed at once. Never left "sending" by an error."""
    if smtp is not None:
        message.connection = smtp
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        delivery.attempts += 1
        retry = delivery.attempts < MAX_ATTEMPTS
        delivery.status = EmailDelivery.Status.PENDING if retry else EmailDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "status"])
        if retry:
            return None, error
        logger.warning("email delivery %s failed after %s attempts", delivery.pk, MAX_ATTEMPTS)
        return False, None
    except Exception:
        delivery.attempts += 1
        delivery.status = EmailDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "status"])
        logger.exception("email delivery %s cannot be sent", delivery.pk)
        return False, None
    return True, None


def _message_for(delivery: EmailDelivery, kind, *, describe, content_free=None):
    """What a claimed delivery sends, or None (skipped): an outbound message built from its key,
    or the immediate email of the event to a member still active. `describe(event)`: the event's
    description in the active language."""
    user, event = delivery.recipient, delivery.event
    if kind is not None and user is None:
        if kind.compose is None:
            return None
        return kind.compose(event.payload, delivery.key.split(":", 2)[2])
    if kind is None or user is None or not user.is_active or not user.email:
        return None
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        description = describe(event)
        return _email(
            user=user,
            category=kind.category,
            subject=description.title,
            context={"item": description, "item_url": _absolute(description.url)},
            template="immediate",
            content_free=content_free,
        )


def _after_send(delivery: EmailDelivery, kind) -> None:
    if delivery.recipient_id is None and kind is not None and kind.after_send is not None:
        kind.after_send(delivery.event.payload, delivery.key.split(":", 2)[2])


def send_immediate(*, delivery_id: int) -> bool:
    delivery = _claim(delivery_id)
    if delivery is None:
        return False
    kind = registry.kind_for(delivery.event.name)
    message = _message_for(delivery, kind, describe=registry.describe)
    if message is None:
        _finish(delivery, EmailDelivery.Status.SKIPPED)
        return False
    sent, error = _attempt(delivery, message)
    if error is not None:
        raise error  # the task retries; the delivery waits as pending
    if sent:
        _finish(delivery, EmailDelivery.Status.SENT)
        _after_send(delivery, kind)
    return bool(sent)


def _claim_after(delivery: EmailDelivery, sent: EmailDelivery | None) -> bool:
    """Claim `delivery` (pending to sending) and, in the same statement, mark `sent` as sent.
    True if the claim was won."""
    if sent is None:
        return bool(
            EmailDelivery.objects.filter(
                pk=delivery.pk, status=EmailDelivery.Status.PENDING
            ).update(status=EmailDelivery.Status.SENDING)
        )
    now = timezone.now()
    changed = EmailDelivery.objects.filter(
        Q(pk=sent.pk) | Q(pk=delivery.pk, status=EmailDelivery.Status.PENDING)
    ).update(
        status=Case(
            When(pk=sent.pk, then=Value(EmailDelivery.Status.SENT)),
            default=Value(EmailDelivery.Status.SENDING),
        ),
        sent_at=Case(When(pk=sent.pk, then=Value(now)), default=F("sent_at")),
    )
    sent.status, sent.sent_at = EmailDelivery.Status.SENT, now
    return changed == 2


def send_batch(*, delivery_ids: list[int]) -> int:
    """Send many deliveries over one SMTP connection; returns how many were sent.

    Each is claimed (an update that only a pending row passes), sent and marked one at a time,
    as send_immediate does it: a worker killed mid-batch leaves at most the message it was
    sending in doubt, and an error counts against that delivery alone. One statement marks the
    message just sent and claims the next (one commit per email, not two). What the batch shares
    is read once: the rows, each person's content-free setting, each event's description per
    language. Raises the last retryable error at the end (the task's retry sends what was given
    back)."""
    from django.core.mail import get_connection

    smtp = get_connection()
    smtp.open()  # before claiming: a mail server that is down leaves every delivery pending
    retry_error, sent, just_sent = None, 0, None
    try:
        deliveries = list(
            EmailDelivery.objects.select_related("recipient", "event")
            .filter(pk__in=delivery_ids, status=EmailDelivery.Status.PENDING)
            .order_by("pk")
        )
        content_free = set(
            EmailSettings.objects.filter(
                user_id__in=[d.recipient_id for d in deliveries if d.recipient_id],
                content_free=True,
            ).values_list("user_id", flat=True)
        )
        events = {d.event_id: d.event for d in deliveries}
        refs = registry.load_refs(list(events.values()))
        descriptions: dict = {}

        def describe(event):
            key = (event.pk, translation.get_language())
            if key not in descriptions:
                kind = registry.kind_for(event.name)
                descriptions[key] = kind.describe(event.payload, refs[event.pk])
            return descriptions[key]

        for delivery in deliveries:
            claimed = _claim_after(delivery, just_sent[0] if just_sent else None)
            if just_sent:
                _after_send(*just_sent)
                sent, just_sent = sent + 1, None
            if not claimed:
                continue  # another worker has it, or it is done
            kind = registry.kind_for(delivery.event.name)
            try:
                message = _message_for(
                    delivery,
                    kind,
                    describe=describe,
                    content_free=delivery.recipient_id in content_free,
                )
            except Exception:
                # Not left "sending": back to waiting, for the fix and the retry.
                EmailDelivery.objects.filter(pk=delivery.pk).update(
                    status=EmailDelivery.Status.PENDING
                )
                raise
            if message is None:
                _finish(delivery, EmailDelivery.Status.SKIPPED)
                continue
            ok, error = _attempt(delivery, message, smtp)
            if ok:
                just_sent = (delivery, kind)  # marked with the next claim, or below
            retry_error = error or retry_error
    finally:
        if just_sent:
            _finish(just_sent[0], EmailDelivery.Status.SENT)
            _after_send(*just_sent)
            sent += 1
        smtp.close()
    if retry_error is not None:
        raise retry_error
    return sent


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
