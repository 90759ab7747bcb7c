import pytest
from django.conf import settings
from django.core.cache import cache


def _clear_cache() -> None:
    """Forget rate-limit counters between tests, without flushing the shared Redis database."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("RedisCache"):
        client = cache._cache.get_client(write=True)
        prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _isolated_cache():
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a request queued for after commit (emails, tasks), as production would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Tables come from the models (--no-migrations, fast); add what only migrations create on
    PostgreSQL: pg_trgm and the search indexes, the audit log's append-only trigger."""
    from importlib import import_module

    from django.db import connection

    postgres_only = [
        import_module("engagement.migrations.0002_search_indexes_postgres"),
        import_module("humena.audit.migrations.0002_append_only_trigger"),
    ]
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            for migration in postgres_only:
                for statement in migration.FORWARD:
                    cursor.execute(statement)


def warm_navigation(client) -> None:
    """One page first: the navigation's unread count is cached from then on, as for anyone who
    browses; query counts then measure the page itself."""
    client.get("/en/")
