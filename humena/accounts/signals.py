"""React to allauth's security events: a changed password, reset, sessions ended, or a changed
second factor must also end what an API token could do. The work is in services."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.dispatch import receiver

from humena.accounts import services


@receiver(password_changed)
@receiver(password_reset)
@receiver(authenticator_added)
@receiver(authenticator_removed)
@receiver(authenticator_reset)
def revoke_api_token_on_security_change(sender, request=None, user=None, **kwargs) -> None:
    if user is not None:
        services.api_token_revoke(user=user)
