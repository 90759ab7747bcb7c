"""Print the demo staff account's current TOTP code, so a newcomer can pass MFA without a phone."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo staff account (development only)."

    def handle(self, *args, **options):
        secret = getattr(settings, "DEMO_TOTP_SECRET", None)
        if not settings.DEBUG or not secret:
            raise CommandError("The demo TOTP secret exists only in development (DEBUG on).")
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
