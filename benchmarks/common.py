"""What every benchmark shares: a scratch PostgreSQL database, Django set up on it, COPY of rows,
timing samples and their percentiles, and where results are written."""

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def admin_url() -> str:
    """The connection used to create and drop scratch databases (DATABASE_URL, any database)."""
    url = os.environ.get("DATABASE_URL") or DEFAULT_ADMIN_URL
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (any database: a scratch one is made).")
    return url


def scratch_database(url: str, name: str) -> str:
    """Drop and re-create database `name` on the server of `url`; returns its URL."""
    import psycopg

    base = url.rsplit("/", 1)[0]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(database_url: str, settings: str = "humena.settings.dev") -> None:
    """Point Django at the scratch database, migrate it and load the taxonomy."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_taxonomy", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def copy_rows(model, fields: list[str], rows: Iterable[tuple]) -> int:
    """COPY `rows` (tuples in the order of `fields`, model field names) into the model's table.

    Every other column gets its field's default (the time of the call for auto_now fields),
    computed once per call (so a unique field must be among `fields`); a column without one is
    left to the database (NULL)."""
    import json

    from django.db import connection
    from django.utils import timezone

    opts = model._meta
    given = [opts.get_field(name) for name in fields]
    now = timezone.now()

    def default(field):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        value = field.get_default()
        return json.dumps(value) if isinstance(value, dict | list) else value

    rest = [
        field
        for field in opts.concrete_fields
        if field not in given and not field.primary_key and default(field) is not None
    ]
    defaults = tuple(default(field) for field in rest)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [*given, *rest])
    written = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {opts.db_table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row((*row, *defaults))
            written += 1
    return written


def time_samples(function: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call, `repeat` calls."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(percentile(ordered, 0.99), 2),
        "max_ms": round(ordered[-1], 2),
    }
