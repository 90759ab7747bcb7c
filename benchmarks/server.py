"""The processes a run starts: the site under gunicorn (production settings, pinned to one core)
and a local SMTP sink; each is stopped by its own process id at the end."""

import os
import secrets
import shutil
import socket
import subprocess  # nosec B404  (fixed argument lists, no shell)
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
SERVER_CORE = 0  # gunicorn (and the in-process pipeline), the other core drives the load
LOAD_CORE = 1


# The cores this run may use, read before the run pins itself to one of them.
CORES = len(os.sched_getaffinity(0))


def cores() -> int:
    return CORES


def pinned(command: list[str], core: int) -> list[str]:
    """`taskset -c core command` when there are two cores or more and taskset exists."""
    if cores() < 2 or not shutil.which("taskset"):
        return command
    return ["taskset", "-c", str(core), *command]


def pin_self(core: int) -> None:
    if cores() >= 2:
        os.sched_setaffinity(0, {core})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_url: str, redis_url: str) -> dict:
    """What production settings require, for a local run: throwaway secrets, this host only."""
    from cryptography.fernet import Fernet

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "humena-bench",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "MFA_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(VAR / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
        # The load comes from one address: the API's per-client throttles would measure
        # themselves (429s), not the endpoint.
        "API_THROTTLE_ANON": "1000000/minute",
        "API_THROTTLE_USER": "1000000/minute",
        # One pool per process; four threads each.
        "DATABASE_POOL_MAX_SIZE": "4",
        "PYTHONPATH": str(ROOT),
    }


def collect_static(environment: dict) -> None:
    subprocess.run(  # nosec B603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped at start (see {VAR})")
        try:
            with urllib.request.urlopen(url, timeout=2):  # nosec B310  (loopback)
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn(environment: dict, port: int):
    """gunicorn with the project's own gunicorn.conf.py (workers from the one core it may use)."""
    VAR.mkdir(parents=True, exist_ok=True)
    log = (VAR / "gunicorn.log").open("w")
    command = pinned(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "humena.wsgi:application",
        ],
        SERVER_CORE,
    )
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)  # nosec B603
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)
        log.close()


@contextmanager
def smtp_sink(port: int):
    """benchmarks.smtp_sink on the load core; yields the file it writes one recipient a line to."""
    VAR.mkdir(parents=True, exist_ok=True)
    out = VAR / "smtp-recipients.txt"
    out.unlink(missing_ok=True)
    command = pinned(
        [sys.executable, "-m", "benchmarks.smtp_sink", "--port", str(port), "--out", str(out)],
        LOAD_CORE,
    )
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})  # nosec B603
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    try:
        yield out
    finally:
        _stop(process)


@contextmanager
def celery_worker(environment: dict):
    """One Celery worker process (concurrency 1) on the server core, its queue emptied first."""
    import redis

    redis.Redis.from_url(environment["REDIS_URL"]).flushdb()  # the bench's own Redis database
    VAR.mkdir(parents=True, exist_ok=True)
    log_path = VAR / "celery.log"
    log = log_path.open("w")
    command = pinned(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "humena",
            "worker",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        SERVER_CORE,
    )
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)  # nosec B603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "ready." not in log_path.read_text():
        if process.poll() is not None:
            raise RuntimeError(f"the Celery worker stopped at start (see {log_path})")
        time.sleep(0.3)
    try:
        yield
    finally:
        _stop(process)
        log.close()
