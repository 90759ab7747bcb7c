"""A campaign launch while the broker is unreachable, then delivered by a real Celery worker on
Redis once it is back: the launch commits, nothing is lost, and every recipient gets exactly one
email (the PostgreSQL + Redis run of CI)."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail

from advocacy import selectors, services
from advocacy.models import Campaign
from humena.celery import app as celery_app
from humena.notifications import pipeline
from humena.notifications.models import EmailDelivery, OutboxEvent
from tests.advocacy.factories import CampaignFactory
from tests.diaspora.factories import NetworkFactory, add_network_member
from tests.factories import StaffFactory

_NO_BROKER = not settings.CELERY_BROKER_URL and not os.environ.get("HUMENA_REQUIRE_REAL_WORKER")
pytestmark = [
    pytest.mark.real_worker,
    pytest.mark.skipif(_NO_BROKER, reason="needs REDIS_URL (a real broker)"),
]

AUDIENCE = 40


def _forget_connections() -> None:
    """Drop pooled broker connections and producers, so the next publish uses the current URL."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _wait(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_launch_during_a_broker_outage_is_delivered_once_after_recovery(monkeypatch, mailoutbox):
    network = NetworkFactory()
    members = [add_network_member(network) for _ in range(AUDIENCE - 1)]
    audience = [network.coordinator_user, *members]
    campaign = CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    campaign.audience_networks.set([network])
    queue = f"launch-{time.time_ns()}"
    real_broker = celery_app.conf.broker_url
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    monkeypatch.setitem(celery_app.conf, "task_publish_retry", False)

    # The broker is unreachable (a closed port) when the officer launches.
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    _forget_connections()
    try:
        mobilisation = services.campaign_launch(campaign=campaign, actor=StaffFactory())
    finally:
        _forget_connections()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE  # committed despite the outage
    assert OutboxEvent.objects.get(pk=mobilisation.event_id).published_at is None
    assert selectors.mobilisation_progress(mobilisation=mobilisation).queued == AUDIENCE

    # The broker is back; the beat sweep publishes; a real worker delivers.
    monkeypatch.setitem(celery_app.conf, "broker_url", real_broker)
    _forget_connections()
    with start_worker(
        celery_app, pool="solo", concurrency=1, perform_ping_check=False, queues=[queue]
    ):
        assert pipeline.relay_pending() == 1
        delivered = _wait(
            lambda: (
                EmailDelivery.objects.filter(
                    event_id=mobilisation.event_id, status=EmailDelivery.Status.SENT
                ).count()
                == AUDIENCE
            )
        )
        assert pipeline.relay_pending() == 0  # a second sweep finds nothing to publish
        time.sleep(0.5)  # anything extra would have arrived by now
    assert delivered, f"{len(mail.outbox)} of {AUDIENCE} emails after recovery"
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(user.email for user in audience)  # each exactly once
    progress = selectors.mobilisation_progress(mobilisation=mobilisation)
    assert (progress.queued, progress.sent, progress.failed) == (0, AUDIENCE, 0)
