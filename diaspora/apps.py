from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    """FROM MENA: diaspora profiles, transnational networks, joint projects, skill matching."""

    name = "diaspora"
    verbose_name = _("Diaspora and networks (FROM MENA)")

    def ready(self) -> None:
        from diaspora.notifications import register_all

        register_all()

        from diaspora.privacy import register_all as register_personal_data

        register_personal_data()

        from diaspora.moderation import register_all as register_moderated

        register_moderated()
