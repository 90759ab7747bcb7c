"""Per-account limits on actions that can be abused to harass or to probe (asking to join,
asking for introductions). Counters live in the cache, with their period as lifetime."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


class RateLimited(Exception):  # noqa: N818 - reads as what happened
    default_message = _("You have done this too often. Please wait a while and try again.")

    def __init__(self, retry_after: int):
        super().__init__(str(self.default_message))
        self.retry_after = retry_after


def consume(*, scope: str, key: str | int, limit: int, period: int) -> None:
    """Count one action; raise RateLimited past `limit` actions per `period` seconds."""
    cache_key = f"ratelimit:{scope}:{key}"
    if cache.add(cache_key, 1, timeout=period):
        return
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=period)
        return
    if count > limit:
        raise RateLimited(retry_after=period)


def consume_setting(*, scope: str, key: str | int) -> None:
    """`consume` with the limit and period configured for `scope` in settings.RATE_LIMITS."""
    from django.conf import settings

    limit, period = settings.RATE_LIMITS[scope]
    consume(scope=scope, key=key, limit=limit, period=period)


def client_key(request) -> str:
    """A rate-limit key for the request's client: a signed-in person's account, or a keyed hash of
    the address (as far as our own proxies report it), so that no address is stored even in the
    short-lived counters."""
    import hashlib
    import hmac

    from allauth.account.adapter import get_adapter
    from django.conf import settings

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    address = get_adapter().get_client_ip(request) or ""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"ip:{digest.hexdigest()[:32]}"
