from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    """FOR MENA: advocacy campaigns, stakeholder mapping and member actions."""

    name = "advocacy"
    verbose_name = _("Campaigns (FOR MENA)")

    def ready(self) -> None:
        from advocacy.notifications import register_all

        register_all()

        from advocacy.privacy import register_all as register_personal_data

        register_personal_data()

        from advocacy.moderation import register_all as register_moderated

        register_moderated()
