"""Liveness and readiness of what the site depends on: database, cache and Celery broker."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)

UP = "up"
DOWN = "down"
NOT_CONFIGURED = "not configured"


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return UP


def check_cache() -> str:
    key = f"healthz:{get_random_string(12)}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)
    return UP


def check_broker() -> str:
    from humena.celery import app

    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED  # a first run on a laptop: tasks run in-process
    with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.HEALTHZ_TIMEOUT_SECONDS)
    return UP


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


def run_checks() -> tuple[bool, dict[str, str]]:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:
            logger.warning("healthz: %s is down (%s)", name, type(exc).__name__)
            results[name] = DOWN
    healthy = all(status != DOWN for status in results.values())
    return healthy, results
