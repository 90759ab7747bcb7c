"""The environment decides the backends: PostgreSQL with a pool, Redis, a real broker."""

import importlib.util
from pathlib import Path

import pytest

from humena.celery import app as celery_app

BASE = Path(__file__).resolve().parents[2] / "humena" / "settings" / "base.py"


def _load_base(monkeypatch, **env):
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("humena.settings._probe", BASE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_urls_the_first_run_needs_nothing_but_python(monkeypatch):
    settings = _load_base(monkeypatch)
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert settings.CELERY_TASK_ALWAYS_EAGER is True


def test_urls_select_postgres_with_a_pool_redis_and_a_broker(monkeypatch):
    settings = _load_base(
        monkeypatch,
        DATABASE_URL="postgres://u:p@db.example:5432/humena",
        REDIS_URL="redis://cache.example:6379/0",
    )
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["OPTIONS"]["pool"]["max_size"] >= 1
    assert database["CONN_MAX_AGE"] == 0  # pooling replaces persistent connections
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CACHES["default"]["OPTIONS"]["socket_timeout"] <= 5
    assert settings.CELERY_BROKER_URL == "redis://cache.example:6379/0"
    assert settings.CELERY_TASK_ALWAYS_EAGER is False


def test_celery_is_configured_for_safe_delivery():
    conf = celery_app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.beat_scheduler.startswith("django_celery_beat")


def test_production_settings_refuse_to_start_without_secrets(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.delenv("MFA_ENCRYPTION_KEYS", raising=False)
    path = BASE.parent / "production.py"
    spec = importlib.util.spec_from_file_location("humena.settings._prod_probe", path)
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(ImproperlyConfigured):
        spec.loader.exec_module(module)
