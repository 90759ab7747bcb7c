"""The one function every level calls to announce something happened."""

from django.db import transaction

from humena.notifications.events import Event
from humena.notifications.models import OutboxEvent


def event_emit(*, event: Event, actor_id: int | None = None, **payload: int | str | None) -> None:
    """Record `event` in the outbox, inside the caller's transaction.

    The payload carries ids and small values only (no names, emails or text), so that the outbox
    never holds what a person later asks us to erase. Delivery happens after commit.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_emit must be called inside the transaction of the change")
    OutboxEvent.objects.create(name=str(event), actor_id=actor_id, payload=payload)
