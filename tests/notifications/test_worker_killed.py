"""A worker killed in the middle of a fan-out: another worker delivers the rest, and nobody gets
anything twice. Real processes: `celery worker` subprocesses on Redis, PostgreSQL committed data."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from engagement.models import Initiative, Membership
from humena.notifications.models import (
    Category,
    Channel,
    EmailDelivery,
    Frequency,
    Notification,
    OutboxEvent,
    Preference,
)
from tests.factories import UserFactory

RECIPIENTS = 300
CHUNK = 15

pytestmark = [
    pytest.mark.real_worker,
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL,
        reason="needs PostgreSQL and Redis (a worker in another process shares the database)",
    ),
]


def _worker(queue: str, mail_dir: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "humena.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_POOL": "0",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "HUMENA_NOTIFICATION_CHUNK_SIZE": str(CHUNK),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(mail_dir),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "humena",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "--loglevel=WARNING",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _wait(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_nothing_and_duplicates_nothing(tmp_path, monkeypatch):
    from humena.celery import app
    from humena.notifications import pipeline

    queue = f"kill-{time.time_ns()}"
    initiative = Initiative.objects.create(
        slug="k", title="K", summary="", country="TN", city="Tunis", status="open"
    )
    users = [UserFactory() for _ in range(RECIPIENTS)]
    Membership.objects.bulk_create(
        Membership(user=user, initiative=initiative, status="approved") for user in users
    )
    Preference.objects.bulk_create(
        Preference(
            user=user,
            category=Category.INITIATIVES,
            channel=Channel.EMAIL,
            frequency=Frequency.IMMEDIATE,
        )
        for user in users
    )
    OutboxEvent.objects.create(
        name="engagement.update.published", payload={"initiative_id": initiative.pk}
    )
    # Publish to the test's queue from this process, as the relay would.
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    app._pool = None
    try:
        assert pipeline.relay_pending() == 1
    finally:
        app._pool = None

    first = _worker(queue, tmp_path)
    try:
        started = _wait(lambda: Notification.objects.count() >= CHUNK, timeout=60)
        assert started, "the first worker never started delivering"
        os.killpg(first.pid, signal.SIGKILL)  # mid-fan-out, without warning
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    done_by_first = Notification.objects.count()
    assert done_by_first < RECIPIENTS, "the first worker finished before it could be killed"

    second = _worker(queue, tmp_path)
    try:
        finished = _wait(
            lambda: (
                EmailDelivery.objects.filter(status="sent").count()
                + EmailDelivery.objects.filter(status="sending").count()
                >= RECIPIENTS
            ),
            timeout=120,
        )
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=20)
    assert finished, f"only {Notification.objects.count()} of {RECIPIENTS} delivered"
    assert Notification.objects.count() == RECIPIENTS
    assert EmailDelivery.objects.count() == RECIPIENTS
    # At most one message per person: the claim before sending makes a retry send nothing.
    sent_to = []
    for message_file in tmp_path.iterdir():
        text = message_file.read_text(errors="replace")
        sent_to += [line[4:].strip() for line in text.splitlines() if line.startswith("To: ")]
    assert len(sent_to) == len(set(sent_to))
    stuck = EmailDelivery.objects.filter(status="sending").count()
    assert len(sent_to) + stuck == RECIPIENTS  # at most the one killed mid-send is in doubt
    assert stuck <= 1
