"""Writes to accounts. Views, the API and the admin call these, never the models directly."""

from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from humena.accounts.models import ConsentRecord, User
from humena.core.consent import consent_current


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str,
    real_name: str,
    preferred_language: str,
    time_zone: str,
) -> User:
    user.display_name = " ".join(display_name.split())
    user.real_name = real_name.strip()
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean(exclude=["password", "email"])
    user.save(
        update_fields=[
            "display_name",
            "real_name",
            "preferred_language",
            "time_zone",
            "updated_at",
        ]
    )
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language", "updated_at"])


@transaction.atomic
def api_token_regenerate(*, user: User) -> Token:
    """Replace the person's API token: the old one stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user: User) -> None:
    Token.objects.filter(user=user).delete()


@transaction.atomic
def consent_give(
    *, user: User, purpose: str, language: str, version: int | None = None
) -> ConsentRecord:
    """Record that `user` agreed to the text for `purpose` (the version they were shown, else
    the current one), shown in `language`."""
    from humena.core.models import ConsentText

    consent = (
        ConsentText.objects.filter(purpose=purpose, version=version).first() if version else None
    ) or consent_current(purpose)
    return ConsentRecord.objects.create(user=user, consent=consent, language=language)


@transaction.atomic
def consent_withdraw(*, user: User, purpose: str) -> int:
    return ConsentRecord.objects.filter(
        user=user, consent__purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
