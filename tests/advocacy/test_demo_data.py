import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count
from zeal import zeal_ignore

from advocacy import demo
from advocacy.models import (
    Campaign,
    CampaignAction,
    CampaignTarget,
    CampaignUpdate,
    Interaction,
    Signature,
    Stakeholder,
)
from humena.notifications.models import OutboxEvent
from tests.conftest import demo_seeding

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    """The whole demo, as `make run` loads it (taxonomy, accounts, networks, then campaigns)."""
    settings.DEBUG = True
    with demo_seeding():
        call_command("seed_demo", stdout=io.StringIO())


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            Stakeholder,
            Campaign,
            CampaignTarget,
            Interaction,
            CampaignAction,
            CampaignUpdate,
            Signature,
        )
    )


def test_five_campaigns_in_three_languages(seeded):
    assert Campaign.objects.count() == 5
    assert Counter(Campaign.objects.values_list("language", flat=True)) == {
        "ar": 2,
        "fr": 1,
        "en": 2,
    }
    assert Counter(Campaign.objects.values_list("status", flat=True)) == {
        "live": 3,
        "closed": 1,
        "draft": 1,
    }
    closed = Campaign.objects.get(status=Campaign.Status.CLOSED)
    assert closed.outcome == Campaign.Outcome.PARTLY_WON
    assert closed.outcome_note
    assert closed.closed_at
    for campaign in Campaign.objects.all():
        assert campaign.slug.isascii()
        assert len(campaign.summary) < 300
        assert campaign.description_html.startswith("<p>")
        assert campaign.themes.exists()
        assert 2 <= len(campaign.ask_list) <= 4
    assert Stakeholder.objects.count() >= 15


def test_live_campaigns_have_targets_with_interactions_and_actions(seeded):
    # The check asks its questions of each of the few demo campaigns in turn, on purpose.
    per_campaign = [
        {"model": "advocacy.Campaign", "field": field}
        for field in ("targets", "actions", "coordinators")
    ]
    with zeal_ignore(per_campaign):
        for campaign in Campaign.objects.filter(status=Campaign.Status.LIVE):
            targets = campaign.targets.annotate(n=Count("interactions"))
            assert targets.count() >= 2
            assert all(target.n >= 1 for target in targets)
            assert campaign.actions.filter(kind=CampaignAction.Kind.LETTER, target__isnull=False)
            assert campaign.coordinators.filter(email="staff@humena.example").exists()
            assert campaign.launched_at is not None
    assert CampaignAction.objects.filter(kind=CampaignAction.Kind.PLEDGE).count() >= 2
    assert not CampaignUpdate.objects.filter(send_to_supporters=True).exists()


def test_a_target_promised_then_acted(seeded):
    acted = []
    for target in CampaignTarget.objects.prefetch_related("interactions"):
        interactions = target.interactions.all()
        promised = [i for i in interactions if i.kind == Interaction.Kind.COMMITMENT]
        done = [i for i in interactions if i.kind == Interaction.Kind.ACTION]
        if any(d.happened_on > p.happened_on for p in promised for d in done):
            acted.append(target)
    assert acted
    # The position shown is the one set by the latest interaction that set one.
    assert any(target.position == "acted" and target.position_since for target in acted)


def test_signature_count_is_the_confirmed_signatures(seeded):
    for campaign in Campaign.objects.all():
        confirmed = Signature.objects.filter(campaign=campaign, confirmed_at__isnull=False)
        assert campaign.signature_count == confirmed.count()
        if campaign.status in Campaign.PUBLISHED:
            assert campaign.signature_count >= 200
            assert Signature.objects.filter(campaign=campaign, confirmed_at__isnull=True).exists()
            assert confirmed.filter(show_name=True).exclude(name="").exists()
        else:
            assert campaign.signature_count == 0


def test_loading_twice_changes_nothing_and_emits_no_events(seeded):
    counts = _counts()
    events = OutboxEvent.objects.count()
    with demo_seeding():
        demo.load(io.StringIO())
    assert _counts() == counts
    assert OutboxEvent.objects.count() == events


def test_loading_emits_no_outbox_events(settings):
    from humena.accounts import demo as accounts_demo
    from humena.taxonomy import demo as taxonomy_demo

    with demo_seeding():
        taxonomy_demo.load(io.StringIO())
        accounts_demo.load(io.StringIO())
        events = OutboxEvent.objects.count()
        demo.load(io.StringIO())
    assert Campaign.objects.count() == 5
    assert OutboxEvent.objects.count() == events
