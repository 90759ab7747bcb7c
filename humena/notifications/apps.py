from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "humena.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from humena.notifications.privacy import register_all

        register_all()
