"""Load demo data, idempotently: run it as often as you like.

Each app that has demo data provides `<app>.demo.load(stdout)`; they run in INSTALLED_APPS order,
so the kernel's vocabularies and accounts exist before the levels that use them.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create or refresh the demo data (taxonomy, demo accounts, each level's examples)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo accounts even though DEBUG is off (never on a real site).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Demo data holds well-known passwords: it loads only with DEBUG on "
                "(or --allow-production on a throwaway site)."
            )
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
