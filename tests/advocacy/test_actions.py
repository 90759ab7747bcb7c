"""What members do besides signing: letters to targets (sent through the pipeline, or offered as
text to copy), pledges with a follow-up question, and news sent to supporters."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from advocacy import services
from advocacy.models import Campaign, CampaignUpdate, Letter, Pledge, Signature
from humena.notifications.models import Category, Channel, Frequency, Notification, Preference
from tests.advocacy.factories import (
    CampaignFactory,
    CampaignTargetFactory,
    LetterActionFactory,
    PledgeActionFactory,
    SignatureFactory,
    StakeholderFactory,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def _letter_form(**overrides):
    data = {
        "subject": "Withdraw the draft law",
        "body": "Dear Minister, please withdraw the draft law on associations.",
        "signed_as": "Amal",
    }
    data.update(overrides)
    return data


def test_a_letter_goes_to_the_targets_public_address_without_the_writers(client, run_on_commit):
    writer = UserFactory(email="writer@example.org", display_name="Amal")
    client.force_login(writer)
    action = LetterActionFactory()
    url = f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/"
    form = client.get(url)
    assert action.letter_body in form.content.decode()  # the template, to edit
    with run_on_commit():
        response = client.post(url, _letter_form())
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/campaigns/{action.campaign.slug}/letters/sent/{letter.pk}/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [action.target.stakeholder.public_email]
    assert message.subject == "Withdraw the draft law"
    assert "please withdraw the draft law" in message.body
    assert "Amal" in message.body
    assert "writer@example.org" not in message.message().as_string()  # no reply address
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    assert letter.sent_at


def test_a_writer_may_let_the_target_reply(client, run_on_commit):
    client.force_login(UserFactory(email="writer@example.org"))
    action = LetterActionFactory()
    with run_on_commit():
        client.post(
            f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/",
            _letter_form(reply_to_me="on"),
        )
    assert mail.outbox[0].reply_to == ["writer@example.org"]


def test_without_a_public_address_the_letter_is_offered_to_copy(client, run_on_commit):
    client.force_login(UserFactory())
    campaign = CampaignFactory()
    target = CampaignTargetFactory(
        campaign=campaign, stakeholder=StakeholderFactory(public_email="")
    )
    action = LetterActionFactory(campaign=campaign, target=target)
    with run_on_commit():
        response = client.post(
            f"/en/campaigns/{campaign.slug}/letters/{action.pk}/", _letter_form(), follow=True
        )
    assert mail.outbox == []
    page = response.content.decode()
    assert "ready to send" in page
    assert "please withdraw the draft law" in page
    assert Letter.objects.get().status == Letter.Status.COPY


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"subject": ""}, "This field is required."), ({"body": "Too short"}, "at least a few")],
)
def test_a_letter_with_bad_input_is_refused_clearly(client, run_on_commit, overrides, message):
    client.force_login(UserFactory())
    action = LetterActionFactory()
    with run_on_commit():
        response = client.post(
            f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/", _letter_form(**overrides)
        )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Letter.objects.exists()
    assert mail.outbox == []


def test_letters_need_a_signed_in_member_and_a_live_campaign(client):
    action = LetterActionFactory()
    url = f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    Campaign.objects.filter(pk=action.campaign_id).update(status=Campaign.Status.PAUSED)
    response = client.post(url, _letter_form())
    assert response.status_code == 400
    assert "not taking action" in response.content.decode()
    Campaign.objects.filter(pk=action.campaign_id).update(status=Campaign.Status.DRAFT)
    assert client.get(url).status_code == 404


def test_letters_are_rate_limited_per_account(client, run_on_commit, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "letter": (1, 86400)}
    client.force_login(UserFactory())
    action = LetterActionFactory()
    url = f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/"
    with run_on_commit():
        assert client.post(url, _letter_form()).status_code == 302
        assert client.post(url, _letter_form()).status_code == 429
    assert Letter.objects.count() == 1


def test_a_letter_sent_page_is_its_writers_only(client, run_on_commit):
    client.force_login(UserFactory())
    action = LetterActionFactory()
    with run_on_commit():
        client.post(f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/", _letter_form())
    letter = Letter.objects.get()
    client.force_login(UserFactory())
    url = f"/en/campaigns/{action.campaign.slug}/letters/sent/{letter.pk}/"
    assert client.get(url).status_code == 404


def test_a_pledge_is_followed_up_once_and_answered(client, run_on_commit):
    member = UserFactory()
    client.force_login(member)
    action = PledgeActionFactory(followup_days=14)
    campaign = action.campaign
    client.post(f"/en/campaigns/{campaign.slug}/pledges/{action.pk}/")
    client.post(f"/en/campaigns/{campaign.slug}/pledges/{action.pk}/")  # twice: one pledge
    pledge = Pledge.objects.get()
    assert pledge.followup_due_at > timezone.now() + datetime.timedelta(days=13)
    assert services.pledges_follow_up() == 0  # not due yet
    later = timezone.now() + datetime.timedelta(days=15)
    with run_on_commit():
        assert services.pledges_follow_up(now=later) == 1
    assert services.pledges_follow_up(now=later) == 0
    notification = Notification.objects.get(recipient=member)
    inbox = client.get("/en/notifications/").content.decode()
    assert action.followup_question in inbox
    assert notification.category == Category.CAMPAIGNS
    page = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert action.followup_question in page
    client.post(f"/en/campaigns/pledges/{pledge.pk}/answer/", {"answer": "done"})
    pledge.refresh_from_db()
    assert pledge.answer == Pledge.Answer.DONE


def test_nobody_answers_someone_elses_pledge(client):
    pledge = Pledge.objects.create(
        action=PledgeActionFactory(), user=UserFactory(), followup_due_at=timezone.now()
    )
    client.force_login(UserFactory())
    response = client.post(f"/en/campaigns/pledges/{pledge.pk}/answer/", {"answer": "done"})
    assert response.status_code == 404
    pledge.refresh_from_db()
    assert pledge.answer == ""


def test_news_reaches_supporters_once_and_signers_can_stop_it_without_an_account(
    client, run_on_commit
):
    campaign = CampaignFactory()
    keen = SignatureFactory(campaign=campaign, keep_informed=True, email="keen@example.org")
    SignatureFactory(campaign=campaign, keep_informed=False, email="quiet@example.org")
    SignatureFactory(
        campaign=campaign, keep_informed=True, email="unconfirmed@example.org", confirmed_at=None
    )
    member, quiet_member = UserFactory(), UserFactory()
    SignatureFactory(campaign=campaign, user=member, email=member.email, keep_informed=True)
    SignatureFactory(campaign=campaign, user=quiet_member, email=quiet_member.email)
    for person in (member, quiet_member):
        Preference.objects.create(
            user=person,
            category=Category.CAMPAIGNS,
            channel=Channel.EMAIL,
            frequency=Frequency.IMMEDIATE,
        )
    update = CampaignUpdate(campaign=campaign, title="The vote moved", body="To **June**.")
    update.send_to_supporters = True
    with run_on_commit():
        services.update_save(update=update, actor=StaffFactory())
    # Only those who asked for news when they signed (with or without an account).
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["keen@example.org", member.email])
    assert not Notification.objects.filter(recipient=quiet_member).exists()
    news = next(m for m in mail.outbox if m.to == ["keen@example.org"])
    assert "The vote moved" in news.subject
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Saving the post again does not send it again.
    with run_on_commit():
        services.update_save(update=update, actor=StaffFactory())
    assert len(mail.outbox) == 2
    stop = re.search(r"/campaigns/news/stop/[^/\s>]+/", news.extra_headers["List-Unsubscribe"])
    response = client.post("/en" + stop.group(0))  # one click, no session, no CSRF token
    assert response.status_code == 200
    assert not Signature.objects.get(pk=keen.pk).keep_informed
    forged = stop.group(0).replace("/stop/", "/stop/x")
    assert client.post("/en" + forged).status_code == 404


def test_saving_news_again_from_a_stale_copy_does_not_send_it_twice(run_on_commit):
    campaign = CampaignFactory()
    SignatureFactory(campaign=campaign, keep_informed=True, email="keen@example.org")
    staff = StaffFactory()
    update = CampaignUpdate(campaign=campaign, title="News", body="Text", send_to_supporters=True)
    with run_on_commit():
        services.update_save(update=update, actor=staff)
    stale = CampaignUpdate.objects.get(pk=update.pk)
    stale.sent_at = None  # as a second request that read the row before the first one sent it
    with run_on_commit():
        services.update_save(update=stale, actor=staff)
    assert len(mail.outbox) == 1
    assert CampaignUpdate.objects.get(pk=update.pk).sent_at is not None


def test_a_subject_with_line_breaks_is_sent_on_one_line(client, run_on_commit):
    client.force_login(UserFactory())
    action = LetterActionFactory()
    with run_on_commit():
        client.post(
            f"/en/campaigns/{action.campaign.slug}/letters/{action.pk}/",
            _letter_form(subject="Withdraw the law\r\nBcc: everyone@example.org"),
        )
    assert mail.outbox[0].subject == "Withdraw the law Bcc: everyone@example.org"
    assert mail.outbox[0].bcc == []
    assert Letter.objects.get().status == Letter.Status.SENT
