"""What the notification pipeline holds about a person, for their export and erasure (GDPR)."""

from humena.accounts.personal_data import Holder, register, rows
from humena.notifications.models import EmailDelivery, EmailSettings, Notification, Preference


def export(user) -> dict[str, list[dict]]:
    return {
        "notifications": rows(
            Notification.objects.filter(recipient=user),
            "event__name", "event__payload", "category", "in_app", "created_at", "read_at",
        ),
        "notification_preferences": rows(
            Preference.objects.filter(user=user), "category", "channel", "frequency"
        ),
        "email_settings": rows(EmailSettings.objects.filter(user=user), "content_free"),
        "emails_sent": rows(
            EmailDelivery.objects.filter(recipient=user), "key", "status", "created_at", "sent_at"
        ),
    }  # fmt: skip


def erase(user) -> None:
    Notification.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
    EmailSettings.objects.filter(user=user).delete()
    EmailDelivery.objects.filter(recipient=user).delete()


def register_all() -> None:
    register(
        Holder(
            app="notifications",
            models=(Notification, Preference, EmailSettings, EmailDelivery),
            export=export,
            erase=erase,
        )
    )
