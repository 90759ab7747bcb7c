import pytest
from django.db import connection
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency_up(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "up"
    assert body["checks"]["cache"] == "up"
    expected_broker = "up" if settings.CELERY_BROKER_URL else "not configured"
    assert body["checks"]["broker"] == expected_broker
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_a_cache_that_is_down(client, settings):
    # Nothing listens on port 1: a real connection failure, not a mock.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {
            "database": "up",
            "cache": "down",
            "broker": response.json()["checks"]["broker"],
        },
    }


def test_healthz_names_a_broker_that_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "down"
    assert response.json()["checks"]["database"] == "up"


def test_healthz_names_a_database_that_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    # The server itself cannot be stopped under a test; its connection failing is the same to us.
    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "down"


def test_healthz_is_not_translated_or_redirected(client):
    assert client.get("/en/healthz").status_code == 404
