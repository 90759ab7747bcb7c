"""React to allauth's security events: a changed password, reset, sessions ended, or a changed
second factor must also end what an API token could do. The work is in services."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from humena.accounts import services
from humena.core.security import coarse_ip


@receiver(password_changed)
@receiver(password_reset)
@receiver(authenticator_added)
@receiver(authenticator_removed)
@receiver(authenticator_reset)
def revoke_api_token_on_security_change(sender, request=None, user=None, **kwargs) -> None:
    if user is not None:
        services.api_token_revoke(user=user)


@receiver(pre_save, sender="usersessions.UserSession")
def keep_only_the_network_of_session_addresses(sender, instance, **kwargs) -> None:
    """The sessions page needs "which network", never the exact address."""
    # "0.0.0.0": the column cannot be empty; it is a placeholder, not a listening address.
    instance.ip = coarse_ip(instance.ip) or "0.0.0.0"  # noqa: S104  # nosec B104


def record_day_of_sign_in(sender, user, **kwargs) -> None:
    """last_login at day precision: enough to spot a dormant account, not a timeline."""
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    if user.last_login != today:
        user.last_login = today
        user.save(update_fields=["last_login"])


def connect_sign_in_recorder() -> None:
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(record_day_of_sign_in, dispatch_uid="humena_last_login_day")
