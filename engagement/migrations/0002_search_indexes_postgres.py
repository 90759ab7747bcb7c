"""PostgreSQL-only search indexes: a GIN index on the full-text vector and a trigram GIN index
on titles (typo-tolerant search). SQLite, for a first run only, searches without them.

fastupdate is off: with it, new rows wait in a pending list that every search must read in full
until vacuum merges it, which makes the planner (rightly) prefer a sequential scan.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS initiative_search_vector_gin "
    "ON engagement_initiative USING gin (search_vector) WITH (fastupdate = off)",
    "CREATE INDEX IF NOT EXISTS initiative_title_trgm_gin "
    "ON engagement_initiative USING gin (title gin_trgm_ops) WITH (fastupdate = off)",
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
