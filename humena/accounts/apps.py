from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "humena.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from humena.accounts import signals

        signals.connect_sign_in_recorder()

        from humena.accounts.privacy import register_all

        register_all()
