from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "humena.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from humena.audit.privacy import register_all

        register_all()
