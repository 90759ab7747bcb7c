"""Signing under concurrency, on PostgreSQL with real threads and connections: N simultaneous
signatures count exactly N; one address signing N times at once gives one signature; N clicks on
one confirmation link count once."""

import threading

import pytest
from django.db import connection, connections

from advocacy import services
from advocacy.models import Campaign, Signature
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from tests.advocacy.factories import CampaignFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locking under concurrency needs PostgreSQL"
    ),
]

THREADS = 16


def _together(work, count: int = THREADS) -> list:
    """Run work(i) in `count` threads released at the same instant; return their errors."""
    barrier = threading.Barrier(count)
    errors = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def _version() -> int:
    return consent_current(ConsentText.Purpose.PETITION).version


def test_simultaneous_signatures_count_exactly(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign": (1000, 3600)}
    campaign = CampaignFactory()
    members = [UserFactory(email=f"member{i}@example.org") for i in range(THREADS)]
    version = _version()

    def work(i: int) -> None:
        services.signature_request(
            campaign=campaign,
            email=members[i].email,
            consent_version=version,
            language="en",
            user=members[i],
            rate_key=f"user:{members[i].pk}",
        )

    assert _together(work) == []
    campaign.refresh_from_db()
    assert campaign.signature_count == THREADS
    assert Signature.objects.filter(confirmed_at__isnull=False).count() == THREADS


def test_one_address_signing_many_times_at_once_gives_one_signature(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign": (1000, 3600)}
    campaign = CampaignFactory()
    member = UserFactory(email="same@example.org")
    version = _version()

    def work(i: int) -> None:
        services.signature_request(
            campaign=campaign,
            email="Same@Example.org",
            consent_version=version,
            language="en",
            user=member,
            rate_key=f"t{i}",
        )

    assert _together(work) == []
    assert Signature.objects.filter(campaign=campaign).count() == 1
    campaign.refresh_from_db()
    assert campaign.signature_count == 1


def test_many_clicks_on_one_confirmation_link_count_once():
    campaign = CampaignFactory()
    services.signature_request(
        campaign=campaign,
        email="clicker@example.org",
        consent_version=_version(),
        language="en",
        rate_key="x",
    )
    token = Signature.objects.get().token

    assert _together(lambda i: services.signature_confirm(token=token)) == []
    campaign.refresh_from_db()
    assert campaign.signature_count == 1


def test_confirmations_of_different_signatures_at_once_all_count():
    campaign = CampaignFactory()
    for i in range(THREADS):
        services.signature_request(
            campaign=campaign,
            email=f"s{i}@example.org",
            consent_version=_version(),
            language="en",
            rate_key=f"k{i}",
        )
    tokens = list(Signature.objects.values_list("token", flat=True))

    assert _together(lambda i: services.signature_confirm(token=tokens[i])) == []
    assert Campaign.objects.get(pk=campaign.pk).signature_count == THREADS
