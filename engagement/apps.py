from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """IN MENA: local civic initiatives that activists find, join and run."""

    name = "engagement"
    verbose_name = _("Initiatives (IN MENA)")

    def ready(self) -> None:
        from engagement.notifications import register_all

        register_all()

        from engagement.privacy import register_all as register_personal_data

        register_personal_data()

        from engagement.moderation import register_all as register_moderated

        register_moderated()
