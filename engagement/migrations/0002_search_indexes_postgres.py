"""PostgreSQL-only search indexes: a GIN index on the full-text vector and a trigram GIN index
on titles (typo-tolerant search). SQLite, for a first run only, searches without them."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS initiative_search_vector_gin "
    "ON engagement_initiative USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS initiative_title_trgm_gin "
    "ON engagement_initiative USING gin (title gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS initiative_title_trgm_gin",
    "DROP INDEX IF EXISTS initiative_search_vector_gin",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("engagement", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
