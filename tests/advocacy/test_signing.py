"""Petition signing through the pages: double opt-in by emailed link, one signature per address
(a database constraint), privacy of names and of who signed, clear errors, withdrawal."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from advocacy import services
from advocacy.models import Campaign, Signature
from humena.core.consent import consent_current
from humena.core.models import ConsentText
from humena.notifications.models import EmailDelivery
from tests.advocacy.factories import CampaignFactory, SignatureFactory
from tests.challenge import solved
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    data = {
        "email": "Rania@Example.org",
        "name": "Rania",
        "show_name": "",
        "country": "TN",
        "keep_informed": "on",
        "consent_version": consent_current(ConsentText.Purpose.PETITION).version,
        "agree": "on",
        "challenge": solved(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _link(message, name: str) -> str:
    """The path of the emailed link to `name` (confirm, withdraw)."""
    match = re.search(rf"/[a-z]{{2}}/campaigns/{name}/[^/\s]+/", message.body)
    assert match, message.body
    return match.group(0)


def sign(client, campaign, run_on_commit, **overrides):
    with run_on_commit():
        return client.post(f"/en/campaigns/{campaign.slug}/sign/", _form(**overrides))


def test_signing_asks_for_confirmation_and_counts_only_after_it(client, run_on_commit):
    campaign = CampaignFactory()
    response = sign(client, campaign, run_on_commit)
    assert response.status_code == 302
    assert response.url == f"/en/campaigns/{campaign.slug}/signed/"
    signature = Signature.objects.get()
    assert signature.email == "rania@example.org"  # one address, however it is typed
    assert signature.confirmed_at is None
    campaign.refresh_from_db()
    assert campaign.signature_count == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rania@example.org"]
    assert campaign.title in message.subject
    confirm_path = _link(message, "confirm")

    # Opening the link (as a mail scanner does) counts nothing; pressing the button does.
    assert client.get(confirm_path).status_code == 200
    campaign.refresh_from_db()
    assert campaign.signature_count == 0
    response = client.post(confirm_path)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    # A second press changes nothing.
    client.post(confirm_path)
    campaign.refresh_from_db()
    assert campaign.signature_count == 1


def test_the_confirmation_email_is_in_the_signers_language_and_right_to_left(client, run_on_commit):
    campaign = CampaignFactory()
    with run_on_commit():
        client.post(f"/ar/campaigns/{campaign.slug}/sign/", _form())
    message = mail.outbox[0]
    html = message.alternatives[0].content
    assert 'dir="rtl"' in html
    assert "/ar/campaigns/confirm/" in message.body


def test_signing_again_with_the_same_address_reveals_nothing_and_counts_once(client, run_on_commit):
    campaign = CampaignFactory()
    first = sign(client, campaign, run_on_commit)
    client.post(_link(mail.outbox[0], "confirm"))
    second = sign(client, campaign, run_on_commit, name="Someone else")
    # The same answer as for a new signature: nobody learns whether an address had signed.
    assert second.status_code == first.status_code == 302
    assert second.url == first.url
    assert Signature.objects.count() == 1
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    # The address's owner is told, by email, that nothing changed.
    assert len(mail.outbox) == 2
    assert "already" in mail.outbox[1].subject.lower()


def test_the_database_refuses_a_second_signature_for_an_address():
    signature = SignatureFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(campaign=signature.campaign, email=signature.email)


def test_a_signed_in_member_with_their_verified_address_counts_at_once(client, run_on_commit):
    member = UserFactory(email="member@example.org")
    client.force_login(member)
    campaign = CampaignFactory()
    response = sign(client, campaign, run_on_commit, email="member@example.org")
    assert response.status_code == 302
    assert response.url == f"/en/campaigns/{campaign.slug}/"
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    assert mail.outbox == []
    page = client.get(f"/en/campaigns/{campaign.slug}/")
    assert "You have signed this petition" in page.content.decode()


def test_a_member_signing_with_another_address_must_confirm_it(client, run_on_commit):
    client.force_login(UserFactory(email="member@example.org"))
    campaign = CampaignFactory()
    sign(client, campaign, run_on_commit, email="other@example.org")
    campaign.refresh_from_db()
    assert campaign.signature_count == 0
    assert mail.outbox[0].to == ["other@example.org"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": ""}, "email", "This field is required."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"show_name": "on", "name": ""}, "name", "Enter the name to show"),
        ({"agree": None}, "agree", "This field is required."),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"consent_version": 99}, "consent", "The text you agree to has changed"),
    ],
)
def test_bad_input_is_answered_next_to_the_field_and_nothing_is_written(
    client, run_on_commit, overrides, field, message
):
    campaign = CampaignFactory()
    response = sign(client, campaign, run_on_commit, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signature.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("status", [Campaign.Status.PAUSED, Campaign.Status.CLOSED])
def test_a_paused_or_closed_petition_takes_no_signature(client, run_on_commit, status):
    campaign = CampaignFactory(status=status, outcome="ended" if status == "closed" else "")
    response = sign(client, campaign, run_on_commit)
    assert response.status_code == 400
    assert "not open for signatures" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_draft_campaign_is_404_to_signers(client, run_on_commit):
    campaign = CampaignFactory(status=Campaign.Status.DRAFT)
    assert sign(client, campaign, run_on_commit).status_code == 404
    assert Signature.objects.count() == 0


def test_anonymous_signers_are_counted_never_shown(client, run_on_commit):
    campaign = CampaignFactory()
    SignatureFactory(campaign=campaign, name="Hidden Person", show_name=False)
    SignatureFactory(campaign=campaign, name="Named Person", show_name=True)
    for path in (f"/en/campaigns/{campaign.slug}/", f"/en/campaigns/{campaign.slug}/signatures/"):
        page = client.get(path).content.decode()
        assert "Named Person" in page
        assert "Hidden Person" not in page
        assert "@example.org" not in page  # no address, ever


def test_a_name_is_shown_only_when_asked_even_if_given(client, run_on_commit):
    campaign = CampaignFactory()
    sign(client, campaign, run_on_commit, name="Quiet Signer", show_name="")
    client.post(_link(mail.outbox[0], "confirm"))
    assert "Quiet Signer" not in client.get(f"/en/campaigns/{campaign.slug}/").content.decode()


def test_signing_is_rate_limited_per_client(client, run_on_commit, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign": (2, 3600)}
    campaign = CampaignFactory()
    for n in range(2):
        assert sign(client, campaign, run_on_commit, email=f"s{n}@example.org").status_code == 302
    response = sign(client, campaign, run_on_commit, email="s9@example.org")
    assert response.status_code == 429
    assert Signature.objects.count() == 2


def test_a_signature_can_be_withdrawn_by_its_link(client, run_on_commit):
    campaign = CampaignFactory()
    sign(client, campaign, run_on_commit)
    client.post(_link(mail.outbox[0], "confirm"))
    withdraw = re.search(r"/en/campaigns/withdraw/[^/\s]+/", mail.outbox[0].body).group(0)
    assert client.get(withdraw).status_code == 200
    client.post(withdraw)
    campaign.refresh_from_db()
    assert campaign.signature_count == 0
    assert not Signature.objects.exists()
    assert client.post(withdraw).status_code == 404


def test_confirmation_links_cannot_be_guessed(client):
    assert client.get("/en/campaigns/confirm/not-a-token/").status_code == 404
    assert client.post("/en/campaigns/confirm/not-a-token/").status_code == 404


def test_a_signature_confirmed_after_the_petition_closed_does_not_count(client, run_on_commit):
    campaign = CampaignFactory()
    sign(client, campaign, run_on_commit)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED, outcome="ended")
    response = client.post(_link(mail.outbox[0], "confirm"), follow=True)
    assert "closed before your signature was confirmed" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.signature_count == 0


def test_the_confirmation_survives_a_retry_without_a_second_email(run_on_commit):
    """The confirmation goes through the notification pipeline: a delivery per signature."""
    campaign = CampaignFactory()
    with run_on_commit():
        services.signature_request(
            campaign=campaign,
            email="a@example.org",
            consent_version=consent_current(ConsentText.Purpose.PETITION).version,
            language="en",
            rate_key="test",
        )
    from humena.notifications import pipeline

    delivery = EmailDelivery.objects.get()
    assert delivery.recipient is None
    assert delivery.status == EmailDelivery.Status.SENT
    assert pipeline.send_immediate(delivery_id=delivery.pk) is False
    assert len(mail.outbox) == 1


def test_a_member_typing_someone_elses_address_does_not_learn_if_they_signed(client, run_on_commit):
    campaign = CampaignFactory()
    client.force_login(UserFactory(email="member@example.org"))
    sign(client, campaign, run_on_commit, email="neighbour@example.org")
    signature = Signature.objects.get()
    assert signature.user is None  # not linked to the member who typed it
    client.post(_link(mail.outbox[0], "confirm"))  # the neighbour confirms
    page = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert "You have signed this petition" not in page


def test_unconfirmed_signatures_are_forgotten_after_a_week():
    import datetime

    from django.utils import timezone

    old = SignatureFactory(confirmed_at=None)
    Signature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    recent = SignatureFactory(confirmed_at=None)
    confirmed = SignatureFactory()
    Signature.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert services.signatures_purge_unconfirmed() == 1
    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
