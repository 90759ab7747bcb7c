"""What the accounts kernel (and the libraries it runs: allauth, DRF tokens, the admin's history)
holds about a person, for their export and erasure (GDPR). No secret is ever exported: for a
second factor, its kind and dates only."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from rest_framework.authtoken.models import Token, TokenProxy

from humena.accounts.models import ConsentRecord, DataExport, User
from humena.accounts.personal_data import Holder, register, rows


def export(user) -> dict[str, list[dict]]:
    return {
        "account": rows(
            User.objects.filter(pk=user.pk),
            "email", "display_name", "real_name", "preferred_language", "time_zone",
            "date_joined", "last_login", "is_staff",
        ),
        "email_addresses": rows(
            EmailAddress.objects.filter(user=user), "email", "verified", "primary"
        ),
        "second_factors": rows(
            Authenticator.objects.filter(user=user), "type", "created_at", "last_used_at"
        ),
        "sessions": rows(
            UserSession.objects.filter(user=user), "created_at", "last_seen_at", "ip",
            "user_agent",
        ),
        "api_token": rows(Token.objects.filter(user=user), "created"),
        "administration_history": rows(
            LogEntry.objects.filter(user=user), "action_time", "content_type__model",
            "object_repr", "change_message",
        ),
        "data_exports": rows(DataExport.objects.filter(user=user), "status", "created_at"),
        "consents": rows(
            ConsentRecord.objects.filter(user=user),
            "consent__purpose", "consent__version", "language", "given_at", "withdrawn_at",
        ),
    }  # fmt: skip


def erase(user) -> None:
    """Addresses, second factors, sessions and tokens go; the admin's history of a staff
    member's changes and the consent records (proof of what was agreed) stay, pointing to the
    tombstone."""
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    UserSession.objects.filter(user=user).delete()
    Token.objects.filter(user=user).delete()
    for data_export in DataExport.objects.filter(user=user):
        if data_export.file:
            data_export.file.delete(save=False)
        data_export.delete()


def register_all() -> None:
    register(
        Holder(
            app="accounts",
            models=(EmailAddress, Authenticator, UserSession, Token, TokenProxy, LogEntry,
                    DataExport, ConsentRecord),
            export=export,
            erase=erase,
        )
    )  # fmt: skip
