"""Settings for more than one machine: a read replica, PgBouncer, and Celery's three queues."""

import pytest
from celery import Celery

from humena.celery import app as humena_celery
from tests.core.test_settings_wiring import _load_base

PRIMARY = "postgres://u:p@db.example:5432/humena"
REPLICA = "postgres://u:p@replica.example:5432/humena"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    for name in ("DATABASE_REPLICA_URL", "DATABASE_PGBOUNCER", "DATABASE_POOL"):
        monkeypatch.delenv(name, raising=False)


def test_without_a_replica_url_there_is_no_replica(monkeypatch):
    settings = _load_base(monkeypatch, DATABASE_URL=PRIMARY)
    assert list(settings.DATABASES) == ["default"]
    assert settings.DATABASE_READ_REPLICA == ""
    assert settings.DATABASE_ROUTERS == ["humena.core.db_router.PrimaryReplicaRouter"]


def test_a_replica_url_adds_a_read_only_replica(monkeypatch):
    settings = _load_base(monkeypatch, DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA)
    replica = settings.DATABASES["replica"]
    assert settings.DATABASE_READ_REPLICA == "replica"
    assert replica["HOST"] == "replica.example"
    assert "default_transaction_read_only=on" in replica["OPTIONS"]["options"]
    assert "read_only" not in settings.DATABASES["default"]["OPTIONS"]["options"]
    assert replica["OPTIONS"]["pool"]["max_size"] >= 1


def test_a_replica_needs_postgresql_as_the_primary(monkeypatch):
    settings = _load_base(monkeypatch, DATABASE_REPLICA_URL=REPLICA)
    assert list(settings.DATABASES) == ["default"]
    assert settings.DATABASE_READ_REPLICA == ""


def test_behind_pgbouncer_no_pool_no_server_side_state(monkeypatch):
    settings = _load_base(monkeypatch, DATABASE_URL=PRIMARY, DATABASE_PGBOUNCER="1")
    database = settings.DATABASES["default"]
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert "pool" not in database["OPTIONS"]
    assert "options" not in database["OPTIONS"]  # PgBouncer refuses startup parameters
    assert database["OPTIONS"]["prepare_threshold"] is None
    assert database["CONN_MAX_AGE"] == 60  # a connection to PgBouncer is kept for a minute


def _queue(app: Celery, task_name: str) -> str:
    return app.amqp.router.route({}, task_name)["queue"].name


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("humena.notifications.tasks.fanout_task", "notifications"),
        ("humena.notifications.tasks.deliver_chunk_task", "notifications"),
        ("humena.notifications.tasks.send_email_delivery_task", "notifications"),
        ("humena.notifications.tasks.digests_task", "notifications"),
        ("humena.accounts.tasks.data_export_build_task", "exports"),
        ("humena.core.tasks.send_email_task", "celery"),  # sign-in codes never wait on campaigns
        ("humena.accounts.tasks.data_exports_expire_task", "celery"),
        ("engagement.tasks.events_remind_task", "celery"),
        ("advocacy.tasks.campaigns_start_scheduled_task", "celery"),
    ],
)
def test_tasks_go_to_their_queue(monkeypatch, task_name, queue):
    humena_celery.loader.import_default_modules()
    assert task_name in humena_celery.tasks  # a renamed task would silently change queue
    settings = _load_base(monkeypatch)
    app = Celery(set_as_current=False)
    app.config_from_object(settings, namespace="CELERY")
    assert _queue(app, task_name) == queue
    # A worker started without -Q consumes every queue a task can be routed to.
    assert {q.name for q in app.conf.task_queues} == {"celery", "notifications", "exports"}


def test_a_task_lands_in_one_queue_only(monkeypatch):
    settings = _load_base(monkeypatch)
    app = Celery(set_as_current=False)
    app.config_from_object(settings, namespace="CELERY")
    bindings = {(q.exchange.name, q.routing_key) for q in app.amqp.queues.values()}
    assert len(bindings) == 3  # shared bindings would copy each task into several queues
