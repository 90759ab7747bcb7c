"""The test suite: `make test`. Same code paths as production, with fast hashing and local email."""

import os

from .base import *
from .base import _postgres
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
MFA_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LW1mYS1rZXktMDEyMzQ1Njc4OWFiY2Q="]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A worker started in another process by a test writes its mail to files it can count.
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env_str("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "var" / "test-mail"))
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Tasks run in-process unless a test starts a real worker (tests/core/test_celery_worker.py).
CELERY_TASK_ALWAYS_EAGER = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# An easy proof of work: tests (and browser tests) solve it in milliseconds.
CHALLENGE_MAX_NUMBER = 1_000
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPHUMENADEMOSTAFF2"  # noqa: S105
if REDIS_URL:
    # Parallel test runs must not share rate-limit counters.
    CACHES["default"]["KEY_PREFIX"] = "test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
LOGGING["root"]["level"] = env_str("DJANGO_LOG_LEVEL", "WARNING")

# N+1 queries raise in every test (django-zeal, a dev dependency): the middleware covers each
# request, including the live server of the browser tests; tests/conftest.py covers the test's own
# code and Celery tasks. A deliberate pattern in a test is allowed narrowly with `zeal_ignore`.
INSTALLED_APPS = [*INSTALLED_APPS, "zeal"]
MIDDLEWARE = ["zeal.middleware.zeal_middleware", *MIDDLEWARE]
ZEAL_RAISE = True
ZEAL_NPLUSONE_THRESHOLD = 2
# zeal blames a query on the nearest frame outside site-packages, so lookups Django and allauth
# repeat inside one call of theirs (the session store on `client.force_login`, allauth's email
# address checks during sign-in) land on our line. Our code never `.get()`s these models itself.
ZEAL_ALLOWLIST = [
    {"model": "sessions.Session", "field": "get()"},
    {"model": "account.EmailAddress", "field": "get()"},
]

# Tests that start a real Celery worker give it a queue of their own and send everything there;
# the routes to the three production queues are checked in tests/core/test_scaling_settings.py.
CELERY_TASK_ROUTES = {}
# PostgreSQL leg: a second alias for the router's tests (tests/core/test_db_router.py), a mirror
# of the test database on connections of its own, read-only like a replica. Reads stay on the
# primary unless a test routes them there.
if DATABASE_URL:
    DATABASES["replica"] = {
        **_postgres(DATABASE_URL, read_only=True),
        "TEST": {"MIRROR": "default"},
    }
    DATABASES["replica"]["OPTIONS"].pop("pool", None)  # closed after each test, no pool left open
DATABASE_READ_REPLICA = ""
