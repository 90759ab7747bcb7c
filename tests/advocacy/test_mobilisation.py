"""The audience segment, the test send, the launch through the notification pipeline, its
progress counts, and a broker outage during a launch."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from advocacy import selectors, services
from advocacy.models import Campaign, Mobilisation
from humena.celery import app as celery_app
from humena.notifications import pipeline
from humena.notifications.models import (
    Category,
    Channel,
    EmailDelivery,
    Frequency,
    Notification,
    OutboxEvent,
    Preference,
)
from tests.advocacy.factories import CampaignFactory
from tests.conftest import repeated_lookup
from tests.diaspora.factories import (
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_language,
    give_skill,
)
from tests.engagement.factories import InitiativeFactory, SkillFactory, add_member
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def audience_of(campaign) -> set[int]:
    return set(selectors.campaign_audience(campaign=campaign))


def test_an_empty_segment_reaches_nobody():
    UserFactory()
    ProfileFactory()
    assert audience_of(CampaignFactory()) == set()


def test_members_of_chosen_groups_are_reached_and_no_one_else():
    network, initiative = NetworkFactory(), InitiativeFactory()
    in_network = add_network_member(network)
    in_initiative = add_member(initiative)
    pending = add_network_member(network, status="pending")
    UserFactory()  # in no group
    campaign = CampaignFactory()
    campaign.audience_networks.set([network])
    campaign.audience_initiatives.set([initiative])
    reached = audience_of(campaign)
    assert {in_network.pk, in_initiative.pk} <= reached
    assert pending.pk not in reached
    assert reached == {
        in_network.pk,
        in_initiative.pk,
        network.coordinator_user.pk,
        initiative.organiser_user.pk,
    }


def test_profile_criteria_narrow_and_only_count_people_who_consented():
    skill = SkillFactory()
    match = ProfileFactory(origin_country="SY", residence_country="DE")
    give_skill(match, skill)
    give_language(match, "ar")
    wrong_residence = ProfileFactory(origin_country="SY", residence_country="FR")
    give_skill(wrong_residence, skill)
    give_language(wrong_residence, "ar")
    no_consent = ProfileFactory(origin_country="SY", residence_country="DE")
    no_consent.consent_to_matching = False
    no_consent.save()
    give_skill(no_consent, skill)
    give_language(no_consent, "ar")
    campaign = CampaignFactory(
        audience_origin_countries=["SY"],
        audience_residence_countries=["DE", "BE"],
        audience_languages=["ar"],
    )
    campaign.audience_skills.set([skill])
    assert audience_of(campaign) == {match.user_id}


def test_groups_and_criteria_combine():
    network = NetworkFactory()
    in_germany = ProfileFactory(residence_country="DE")
    add_network_member(network, in_germany.user)
    in_france = ProfileFactory(residence_country="FR")
    add_network_member(network, in_france.user)
    ProfileFactory(residence_country="DE")  # in Germany, not in the network
    campaign = CampaignFactory(audience_residence_countries=["DE"])
    campaign.audience_networks.set([network])
    assert audience_of(campaign) == {in_germany.user_id}


def _campaign_with_audience(size: int):
    network = NetworkFactory()
    members = [add_network_member(network) for _ in range(size)]
    campaign = CampaignFactory(status=Campaign.Status.DRAFT, launched_at=None)
    campaign.audience_networks.set([network])
    return campaign, [network.coordinator_user, *members]


def test_a_test_mobilisation_goes_to_its_sender_only(run_on_commit):
    campaign, audience = _campaign_with_audience(3)
    staff = StaffFactory(email="officer@example.org")
    with run_on_commit():
        mobilisation = services.campaign_send_test(campaign=campaign, actor=staff)
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    assert "[Test]" in mail.outbox[0].subject
    assert campaign.mobilisation_message in mail.outbox[0].body
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT  # a test changes nothing
    assert mobilisation.is_test
    assert Notification.objects.filter(recipient__in=[u.pk for u in audience]).count() == 0


def test_launch_emails_everyone_in_the_audience_once_despite_digest_defaults(run_on_commit):
    campaign, audience = _campaign_with_audience(4)
    # Campaign email defaults to a weekly digest; a call to act is sent at once all the same,
    # except to whoever switched campaign email off.
    off = audience[-1]
    Preference.objects.create(
        user=off, category=Category.CAMPAIGNS, channel=Channel.EMAIL, frequency=Frequency.OFF
    )
    with run_on_commit():
        mobilisation = services.campaign_launch(campaign=campaign, actor=StaffFactory())
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE
    assert campaign.launched_at
    emailed = sorted(m.to[0] for m in mail.outbox)
    assert emailed == sorted(u.email for u in audience if u != off)
    assert Notification.objects.filter(event=mobilisation.event).count() == len(audience)
    progress = selectors.mobilisation_progress(mobilisation=mobilisation)
    assert (progress.audience, progress.queued, progress.sent, progress.failed) == (5, 0, 4, 0)
    assert progress.on_site == 5
    # Running the steps again sends nothing more.
    assert pipeline.fanout(event_id=mobilisation.event_id) == 0
    assert len(mail.outbox) == 4


def test_a_campaign_launches_once(run_on_commit):
    campaign, _audience = _campaign_with_audience(1)
    staff = StaffFactory()
    with run_on_commit():
        services.campaign_launch(campaign=campaign, actor=staff)
    # Launching again on purpose: the service locks and reads the campaign a second time.
    with (
        repeated_lookup("advocacy.Campaign"),
        pytest.raises(ValidationError, match="Only a draft or scheduled campaign"),
    ):
        services.campaign_launch(campaign=campaign, actor=staff)
    assert Mobilisation.objects.count() == 1


def test_only_campaign_staff_with_a_second_factor_may_launch():
    campaign, _audience = _campaign_with_audience(1)
    for actor in (UserFactory(), StaffFactory(mfa=False)):
        with pytest.raises(PermissionDenied):
            services.campaign_launch(campaign=campaign, actor=actor)
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.DRAFT


def test_progress_counts_what_is_still_queued_and_what_failed(run_on_commit, monkeypatch):
    campaign, _audience = _campaign_with_audience(2)

    def refuse(self, fail_silently=False):
        import smtplib

        raise smtplib.SMTPRecipientsRefused({})

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    monkeypatch.setattr(pipeline, "MAX_ATTEMPTS", 1)
    with run_on_commit():
        mobilisation = services.campaign_launch(campaign=campaign, actor=StaffFactory())
    progress = selectors.mobilisation_progress(mobilisation=mobilisation)
    assert (progress.sent, progress.failed, progress.queued) == (0, 3, 0)
    assert EmailDelivery.objects.filter(status="failed").count() == 3


def test_a_launch_while_the_broker_is_down_commits_and_delivers_once_later(
    run_on_commit, monkeypatch
):
    campaign, audience = _campaign_with_audience(3)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")  # a closed port
    monkeypatch.setitem(celery_app.conf, "task_publish_retry", False)
    celery_app._pool = None
    try:
        with run_on_commit():
            mobilisation = services.campaign_launch(campaign=campaign, actor=StaffFactory())
    finally:
        celery_app._pool = None
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE  # the launch committed
    assert OutboxEvent.objects.get(pk=mobilisation.event_id).published_at is None
    assert selectors.mobilisation_progress(mobilisation=mobilisation).queued == 4
    assert mail.outbox == []
    monkeypatch.undo()
    celery_app._pool = None
    assert pipeline.relay_pending() == 1  # the beat sweep, once the broker is back
    assert pipeline.relay_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in audience)


def test_scheduled_campaigns_launch_when_their_start_comes(run_on_commit):
    import datetime

    from django.utils import timezone

    campaign, audience = _campaign_with_audience(1)
    campaign.starts_at = timezone.now() + datetime.timedelta(hours=1)
    campaign.save()
    services.campaign_schedule(campaign=campaign, actor=StaffFactory())
    assert services.campaigns_start_scheduled() == 0
    with run_on_commit():
        launched = services.campaigns_start_scheduled(
            now=timezone.now() + datetime.timedelta(hours=2)
        )
    assert launched == 1
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.LIVE
    assert len(mail.outbox) == len(audience)


def test_a_message_that_cannot_be_built_fails_at_once_instead_of_hanging(
    run_on_commit, monkeypatch
):
    campaign, _audience = _campaign_with_audience(1)

    def refuse(self, fail_silently=False):
        from django.core.mail import BadHeaderError

        raise BadHeaderError("Header values can't contain newlines")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with run_on_commit():
        mobilisation = services.campaign_launch(campaign=campaign, actor=StaffFactory())
    statuses = set(EmailDelivery.objects.values_list("status", flat=True))
    assert statuses == {EmailDelivery.Status.FAILED}
    progress = selectors.mobilisation_progress(mobilisation=mobilisation)
    assert (progress.queued, progress.failed) == (0, 2)


def test_outbound_keys_that_do_not_fit_are_refused_not_cut():
    from humena.notifications.models import OutboxEvent

    event = OutboxEvent.objects.create(name="advocacy.letter.written", payload={"letter_id": 1})
    with pytest.raises(ValueError, match="longer than"):
        pipeline.deliver_outbound(event_id=event.pk, keys=["letter:" + "9" * 120])
    assert not EmailDelivery.objects.exists()


def test_campaigns_end_on_their_end_date_and_stale_schedules_go_back_to_draft(run_on_commit):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    live = CampaignFactory(ends_at=now + datetime.timedelta(hours=1))
    stale = CampaignFactory(
        status=Campaign.Status.SCHEDULED,
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=1),
    )
    later = now + datetime.timedelta(hours=2)
    with run_on_commit():
        assert services.campaigns_start_scheduled(now=later) == 0
    live.refresh_from_db()
    stale.refresh_from_db()
    assert (live.status, live.outcome) == (Campaign.Status.CLOSED, Campaign.Outcome.ENDED)
    assert stale.status == Campaign.Status.DRAFT
