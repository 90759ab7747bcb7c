from django.core.management.base import BaseCommand

from humena.taxonomy.services import taxonomy_seed


class Command(BaseCommand):
    help = "Create the seed themes, skill categories and skills that are missing (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite-names",
            action="store_true",
            help="Also reset existing names to the seed's (undoes edits made in the admin).",
        )

    def handle(self, *args, **options):
        result = taxonomy_seed(overwrite_names=options["overwrite_names"])
        self.stdout.write(f"Taxonomy: {result.created} created, {result.updated} updated.")
