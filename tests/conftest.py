import pytest
from celery.signals import task_postrun, task_prerun
from django.conf import settings
from django.core.cache import cache
from zeal import setup as zeal_setup
from zeal import teardown as zeal_teardown
from zeal import zeal_context, zeal_ignore


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


@pytest.fixture(autouse=True)
def _n_plus_one_raises():
    """Any N+1 query in a test raises (django-zeal): the test's own code, the services it calls,
    eager tasks. Requests get their own detection from the middleware (humena/settings/test.py)."""
    with zeal_context():
        yield


def repeated_lookup(*model_labels: str):
    """Allow repeated `.get()`s of these models only: a test's own setup or checks reading one
    row at each step of its story (zeal blames the repeat on the test's line as an N+1)."""
    return zeal_ignore([{"model": label, "field": "get()"} for label in model_labels])


def set_many(obj, field: str, values) -> None:
    """Test setup: set a many-to-many relation of a freshly made object. Factories do it for each
    object of a batch; zeal counts that repeat as an N+1, but it is the test's loop."""
    with zeal_ignore([{"model": obj._meta.label, "field": field}]):
        getattr(obj, field).set(values)


# The demo seeders (`seed_demo`: DEBUG only, run once on a laptop) make each demo record with its
# own get_or_create and set its relations one by one, for idempotence: loops bounded by the demo's
# fixed size. Allowed while seeding only, for these models and relations only.
_DEMO_SEEDING = [
    {"model": "accounts.User", "field": "get()"},
    {"model": "advocacy.Stakeholder", "field": "get()"},
    {"model": "advocacy.Campaign", "field": "themes"},
    {"model": "advocacy.Campaign", "field": "audience_networks"},
    {"model": "diaspora.Network", "field": "themes"},
    {"model": "diaspora.Network", "field": "memberships"},
    {"model": "diaspora.NetworkMembership", "field": "user"},
    {"model": "diaspora.JointProject", "field": "participants"},
    {"model": "engagement.Initiative", "field": "themes"},
]


def demo_seeding():
    return zeal_ignore(_DEMO_SEEDING)


# Celery tasks, eager or in a worker thread a test starts: detection per task, restored after it
# (a token per task id, so an eager task inside a test does not end the test's own detection).
_zeal_tokens: dict[str, object] = {}


@task_prerun.connect(weak=False)
def _zeal_task_setup(task_id=None, **kwargs):
    _zeal_tokens[task_id] = zeal_setup()


@task_postrun.connect(weak=False)
def _zeal_task_teardown(task_id=None, **kwargs):
    token = _zeal_tokens.pop(task_id, None)
    if token is not None:
        zeal_teardown(token)


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
