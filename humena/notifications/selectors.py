from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from humena.core.numbers import digits_to_int
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


# More pages than anyone's inbox holds, few enough that the offset fits any database's integer.
MAX_PAGE_DIGITS = 9


def inbox_page(*, user, number: str | None, size: int) -> InboxPage:
    """One page of the inbox, newest first, in one query: one row more than the page says whether
    there are older ones, so an inbox of any length is never counted.

    What is not a page number ("abc", "-3", "0") is the first page, as Paginator.get_page has
    it; a page past the end is empty. A number of more pages than any inbox holds is 404: as an
    offset it would overflow the database's integer."""
    if number and number.isascii() and number.isdigit() and len(number) > MAX_PAGE_DIGITS:
        raise Http404
    number = digits_to_int(number, max_digits=MAX_PAGE_DIGITS) or 1
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
