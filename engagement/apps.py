from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """IN MENA: local civic initiatives that activists find, join and run."""

    name = "engagement"
    verbose_name = _("Initiatives (IN MENA)")
