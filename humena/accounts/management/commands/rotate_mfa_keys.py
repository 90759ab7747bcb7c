"""Re-encrypt every stored MFA secret with the newest key in MFA_ENCRYPTION_KEYS."""

from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

SECRET_FIELDS = ("secret", "seed")


class Command(BaseCommand):
    help = "Re-encrypt TOTP secrets and recovery-code seeds with the first MFA_ENCRYPTION_KEYS key."

    def handle(self, *args, **options):
        adapter = get_adapter()
        rotated = 0
        with transaction.atomic():
            authenticators = Authenticator.objects.select_for_update().filter(
                type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
            )
            for authenticator in authenticators:
                for field in SECRET_FIELDS:
                    if authenticator.data.get(field):
                        authenticator.data[field] = adapter.rotate(authenticator.data[field])
                authenticator.save(update_fields=["data"])
                rotated += 1
        self.stdout.write(f"Re-encrypted {rotated} authenticators.")
