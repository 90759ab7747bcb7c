"""A real Celery worker, consuming from Redis, sends the email a request queued after commit."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from humena.celery import app as celery_app
from humena.core.email import email_queue_on_commit

# CI sets HUMENA_REQUIRE_REAL_WORKER in its PostgreSQL + Redis run: there a skip would hide that
# the real-worker path was never exercised, so it fails instead.
_NO_BROKER = not settings.CELERY_BROKER_URL and not os.environ.get("HUMENA_REQUIRE_REAL_WORKER")
pytestmark = [
    pytest.mark.real_worker,
    pytest.mark.skipif(_NO_BROKER, reason="needs REDIS_URL (a real broker)"),
]


@pytest.fixture
def real_worker(monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    # A queue of its own, so that nothing left in Redis by another run is consumed here.
    queue = f"test-{time.time_ns()}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    with start_worker(
        celery_app, pool="solo", concurrency=1, perform_ping_check=False, queues=[queue]
    ) as worker:
        yield worker


def _wait_for_mail(count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_email_is_sent_by_a_real_worker_after_commit(real_worker, mailoutbox):
    message = EmailMultiAlternatives(
        subject="Your HuMENA code",
        body="Plain text",
        from_email="no-reply@humena.example",
        to=["member@example.org"],
    )
    message.attach_alternative("<p dir='rtl'>نص</p>", "text/html")
    with transaction.atomic():
        email_queue_on_commit(message=message)
        time.sleep(0.3)
        assert len(mail.outbox) == 0, "nothing may leave before the transaction commits"
    _wait_for_mail(1)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Your HuMENA code"
    assert sent.to == ["member@example.org"]
    assert sent.alternatives[0].content == "<p dir='rtl'>نص</p>"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(real_worker, mailoutbox):
    message = EmailMultiAlternatives(subject="x", body="y", to=["a@example.org"])

    def failing_change():
        with transaction.atomic():
            email_queue_on_commit(message=message)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()
    ok = EmailMultiAlternatives(subject="after", body="y", to=["b@example.org"])
    with transaction.atomic():
        email_queue_on_commit(message=ok)
    _wait_for_mail(1)
    time.sleep(0.3)
    assert [m.subject for m in mail.outbox] == ["after"]
