from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Reports, the moderation queue, review before publishing and blocking (docs/moderation.md)."""

    name = "humena.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from humena.moderation.notifications import register_all as register_notifications
        from humena.moderation.privacy import register_all as register_personal_data

        register_notifications()
        register_personal_data()
