"""A newcomer's laptop (`make run`): SQLite and eager Celery unless DATABASE_URL is set."""

from .base import *
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-secret-key-change-me-0123456789")
# A fixed development key, so that `make run` works without configuration. Never used in production:
# production.py requires MFA_ENCRYPTION_KEYS.
MFA_ENCRYPTION_KEYS = env_list(
    "MFA_ENCRYPTION_KEYS", "ZGV2LW9ubHktbWZhLWtleS0wMTIzNDU2Nzg5YWJjZGU="
)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The demo staff account's TOTP secret. Only the demo data command and `demo_totp` use it.
DEMO_TOTP_SECRET = env_str("DEMO_TOTP_SECRET", "JBSWY3DPEHPK3PXPHUMENADEMOSTAFF2")
