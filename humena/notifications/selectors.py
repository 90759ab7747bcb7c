from dataclasses import dataclass

from django.db.models import QuerySet

from humena.notifications.models import Notification


def inbox_of(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, in_app=True).select_related("event")


@dataclass(frozen=True)
class InboxPage:
    notifications: list[Notification]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def inbox_page(*, user, number: str | int | None, size: int) -> InboxPage:
    """One page of the inbox, newest first, in one query: one row more than the page says whether
    there are older ones, so an inbox of any length is never counted."""
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * size
    rows = list(inbox_of(user=user)[start : start + size + 1])
    return InboxPage(notifications=rows[:size], number=number, has_next=len(rows) > size)


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, in_app=True, read_at__isnull=True).count()


UNREAD_TTL = 10 * 60


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count_cached(*, user) -> int:
    """Cached: the navigation shows it on every page. New notifications and reading them clear
    the entry (pipeline.deliver_chunk, services.notifications_mark_read)."""
    from django.core.cache import cache

    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = unread_count(user=user)
        cache.set(key, count, UNREAD_TTL)
    return count


def unread_forget(user_ids) -> None:
    from django.core.cache import cache

    cache.delete_many([unread_cache_key(user_id) for user_id in user_ids])
