"""The pipeline with a real Celery worker consuming from Redis (the PostgreSQL run of CI)."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail

from engagement import services as engagement_services
from humena.celery import app as celery_app
from humena.notifications.models import Category, Channel, Frequency, Notification, Preference
from tests.engagement.factories import InitiativeFactory, add_member

_NO_BROKER = not settings.CELERY_BROKER_URL and not os.environ.get("HUMENA_REQUIRE_REAL_WORKER")
pytestmark = [
    pytest.mark.real_worker,
    pytest.mark.skipif(_NO_BROKER, reason="needs REDIS_URL (a real broker)"),
]


@pytest.fixture
def real_worker(monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    queue = f"test-{time.time_ns()}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    with start_worker(
        celery_app, pool="solo", concurrency=1, perform_ping_check=False, queues=[queue]
    ) as worker:
        yield worker


def _wait(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.django_db(transaction=True)
def test_an_event_reaches_its_recipients_through_the_worker(real_worker, mailoutbox):
    initiative = InitiativeFactory(title="Coast watch")
    immediate = add_member(initiative)
    Preference.objects.create(
        user=immediate,
        category=Category.INITIATIVES,
        channel=Channel.EMAIL,
        frequency=Frequency.IMMEDIATE,
    )
    digest = add_member(initiative)
    engagement_services.update_post(  # commits on its own: the relay runs after commit
        initiative=initiative, author=initiative.organiser_user, title="News", body="Text"
    )
    _wait(lambda: len(mail.outbox) >= 1 and Notification.objects.count() >= 2)
    time.sleep(0.5)  # anything extra would have arrived by now
    assert [m.to for m in mail.outbox] == [[immediate.email]]
    assert set(Notification.objects.values_list("recipient_id", "digest")) == {
        (immediate.pk, ""),
        (digest.pk, "daily"),
    }
