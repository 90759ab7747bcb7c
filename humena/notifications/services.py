"""Recording events and the choices people make about hearing of them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from humena.notifications.events import Event
from humena.notifications.models import (
    Category,
    Channel,
    EmailSettings,
    Frequency,
    Notification,
    OutboxEvent,
    Preference,
)

# Conservative: everything on the site at once; email in digests, except account and security.
DEFAULTS: dict[tuple[str, str], str] = {
    (Category.INITIATIVES, Channel.IN_APP): Frequency.IMMEDIATE,
    (Category.NETWORKS, Channel.IN_APP): Frequency.IMMEDIATE,
    (Category.CAMPAIGNS, Channel.IN_APP): Frequency.IMMEDIATE,
    (Category.ACCOUNT, Channel.IN_APP): Frequency.IMMEDIATE,
    (Category.INITIATIVES, Channel.EMAIL): Frequency.DAILY,
    (Category.NETWORKS, Channel.EMAIL): Frequency.DAILY,
    (Category.CAMPAIGNS, Channel.EMAIL): Frequency.WEEKLY,
    (Category.ACCOUNT, Channel.EMAIL): Frequency.IMMEDIATE,
}
# What cannot be switched off: people must hear about their own account's security.
LOCKED = {(Category.ACCOUNT, Channel.EMAIL), (Category.ACCOUNT, Channel.IN_APP)}


def event_emit(
    *, event: Event, actor_id: int | None = None, **payload: int | str | None
) -> OutboxEvent:
    """Record `event` in the outbox, inside the caller's transaction.

    The payload carries ids and small values only (no names, emails or text), so that the outbox
    never holds what a person later asks us to erase. After commit the relay publishes it; if the
    broker is unreachable then, the periodic sweep publishes it later.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_emit must be called inside the transaction of the change")
    recorded = OutboxEvent.objects.create(name=str(event), actor_id=actor_id, payload=payload)
    transaction.on_commit(_relay_soon, robust=True)
    return recorded


def _relay_soon() -> None:
    """After commit: publish at once. If the broker is down this fails (logged by on_commit's
    robust mode) and the beat sweep publishes the event later."""
    from humena.notifications.tasks import outbox_relay_task

    outbox_relay_task.delay()


def preferences_of(*, user_ids: list[int], category: str) -> dict[int, dict[str, str]]:
    """{user_id: {channel: frequency}} for one category, defaults filled in: one query."""
    chosen = {
        (pref.user_id, pref.channel): pref.frequency
        for pref in Preference.objects.filter(user_id__in=user_ids, category=category)
    }
    return {
        user_id: {
            channel: chosen.get((user_id, channel), DEFAULTS[(category, channel)])
            for channel in Channel.values
        }
        for user_id in user_ids
    }


def preference_table(*, user) -> list[dict]:
    """Every category with its frequency per channel, for the preferences page."""
    chosen = {(p.category, p.channel): p.frequency for p in user.notification_preferences.all()}
    return [
        {
            "category": category,
            "label": label,
            **{
                channel: chosen.get((category, channel), DEFAULTS[(category, channel)])
                for channel in Channel.values
            },
            "locked": [channel for channel in Channel.values if (category, channel) in LOCKED],
        }
        for category, label in Category.choices
    ]


@transaction.atomic
def preference_set(*, user, category: str, channel: str, frequency: str) -> None:
    if category not in Category.values or channel not in Channel.values:
        raise ValidationError(_("Unknown kind of notification."))
    if frequency not in Frequency.values:
        raise ValidationError(_("Unknown frequency."))
    if (category, channel) in LOCKED and frequency == Frequency.OFF:
        raise ValidationError(_("Account and security messages cannot be switched off."))
    if channel == Channel.IN_APP and frequency in (Frequency.DAILY, Frequency.WEEKLY):
        raise ValidationError(_("Digests are sent by email."))
    Preference.objects.update_or_create(
        user=user, category=category, channel=channel, defaults={"frequency": frequency}
    )


@transaction.atomic
def email_settings_set(*, user, content_free: bool) -> EmailSettings:
    settings_row, _created = EmailSettings.objects.get_or_create(user=user)
    settings_row.content_free = content_free
    settings_row.save(update_fields=["content_free"])
    return settings_row


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark some (or, with ids None, all) of the user's notifications read; returns how many."""
    from humena.notifications.selectors import unread_forget

    unread = Notification.objects.filter(recipient=user, in_app=True, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    changed = unread.update(read_at=timezone.now())
    unread_forget([user.pk])
    return changed
