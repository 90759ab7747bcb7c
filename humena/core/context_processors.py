from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"SITE_NAME": settings.SITE_NAME, "QUICK_EXIT_URL": settings.QUICK_EXIT_URL}


def notifications(request: HttpRequest) -> dict:
    """The unread count in the navigation, from the cache (kept fresh by the pipeline)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from humena.notifications.selectors import unread_count_cached

    return {"UNREAD_NOTIFICATIONS": unread_count_cached(user=user)}
