"""Gunicorn settings: `gunicorn -c gunicorn.conf.py humena.wsgi:application`.

Values come from the environment. Logs never carry a client IP address, a query string, a Referer,
a token or an email address (see humena/core/logging.py and docs/operations.md).
"""

import os
import sys

from gunicorn.glogging import Logger

# Gunicorn serves production. Set the default before the import below loads humena/celery.py, which
# would otherwise default to the development settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humena.settings.production")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from humena.core.logging import RedactingFilter, redact


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # CPUs this process may run on
    except AttributeError:
        return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# 2 x cores + 1, capped: each process also holds its own database connection pool.
workers = int(os.environ.get("GUNICORN_WORKERS") or min(2 * _cpu_count() + 1, 8))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then; the jitter keeps them from restarting all at once.
max_requests = 1000
max_requests_jitter = 100
# Addresses allowed to set X-Forwarded-Proto: the TLS-terminating proxy only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Heartbeat files in memory, not on the container's overlay file system.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

accesslog = "-"
errorlog = "-"
# Time, method, path without query string, status, bytes, duration. No IP, no Referer, no agent.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


class RedactingLogger(Logger):
    """Redacts one-time keys in access-log paths, and IPs, emails and tokens in the error log."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, RedactingFilter) for f in self.error_log.filters):
            self.error_log.addFilter(RedactingFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = redact(atoms["U"] or "")
        return atoms


logger_class = RedactingLogger
