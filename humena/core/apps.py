from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "humena.core"
    label = "core"
    verbose_name = _("Platform core")


class HumenaAdminConfig(admin_apps.AdminConfig):
    default = False
    """The Django admin, served by a site that demands multi-factor authentication."""

    default_site = "humena.core.admin_site.HumenaAdminSite"
