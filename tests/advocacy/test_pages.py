"""The public campaign pages: list and filters, the campaign page with its targets and what they
promised and did, drafts hidden, staff-only data never shown, and constant query counts."""

import datetime

import pytest
from django.utils import timezone

from advocacy import services
from advocacy.models import Campaign, Interaction, Position
from tests.advocacy.factories import (
    CampaignFactory,
    CampaignTargetFactory,
    CampaignUpdateFactory,
    InteractionFactory,
    LetterActionFactory,
    PledgeActionFactory,
    SignatureFactory,
)
from tests.conftest import warm_navigation
from tests.engagement.factories import ThemeFactory
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

LIST = "/en/campaigns/"


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [campaign.title for campaign in response.context["page"].object_list]


def test_the_list_shows_live_and_closed_campaigns_live_first(client):
    CampaignFactory(title="Closed one", status=Campaign.Status.CLOSED, outcome="won")
    CampaignFactory(title="Live one")
    CampaignFactory(title="Paused one", status=Campaign.Status.PAUSED)
    CampaignFactory(title="Draft one", status=Campaign.Status.DRAFT)
    CampaignFactory(title="Scheduled one", status=Campaign.Status.SCHEDULED)
    assert titles(client.get(LIST)) == ["Live one", "Paused one", "Closed one"]
    assert titles(client.get(LIST, {"status": "closed"})) == ["Closed one"]


def test_the_list_filters_by_country_and_theme(client):
    water = ThemeFactory(slug="water", name_en="Water")
    tunisia = CampaignFactory(title="Tunisia", countries=["TN"])
    tunisia.themes.set([water])
    CampaignFactory(title="Egypt and Lebanon", countries=["EG", "LB"])
    CampaignFactory(title="Lebanon", countries=["LB"])
    CampaignFactory(title="Belgium", countries=["BE"])  # "BE" must not match "LB"
    assert sorted(titles(client.get(LIST, {"country": "LB"}))) == ["Egypt and Lebanon", "Lebanon"]
    assert titles(client.get(LIST, {"country": "TN"})) == ["Tunisia"]
    assert titles(client.get(LIST, {"theme": "water"})) == ["Tunisia"]


def test_an_empty_list_says_so(client):
    page = client.get(LIST).content.decode()
    assert "No campaigns are live yet" in page
    CampaignFactory(countries=["TN"])
    page = client.get(LIST, {"country": "EG"}).content.decode()
    assert "No campaign matches these filters" in page


def _populate(count: int) -> None:
    theme = ThemeFactory()
    for n in range(count):
        CampaignFactory(title=f"Campaign number {n}", themes=[theme])


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    _populate(count)
    # count + page + the page's themes + the filter form's themes.
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == count


def _full_campaign(rows: int) -> Campaign:
    campaign = CampaignFactory()
    for n in range(rows):
        target = CampaignTargetFactory(campaign=campaign)
        InteractionFactory(target=target, kind=Interaction.Kind.COMMITMENT, summary=f"Promise {n}")
        InteractionFactory(target=target, kind=Interaction.Kind.ACTION, summary=f"Deed {n}")
        CampaignUpdateFactory(campaign=campaign)
        SignatureFactory(campaign=campaign)
    LetterActionFactory(campaign=campaign)
    PledgeActionFactory(campaign=campaign)
    return campaign


@pytest.mark.parametrize("count", [3, 30])
def test_campaign_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    campaign = _full_campaign(count)
    # consent text, campaign, themes, targets + interactions, updates, actions, signers.
    with django_assert_num_queries(8):
        response = client.get(f"/en/campaigns/{campaign.slug}/")
    assert len(response.context["targets"]) == count + 1  # and the letter's target


@pytest.mark.parametrize("count", [3, 30])
def test_campaign_page_query_count_for_a_member_does_not_grow(
    client, django_assert_num_queries, count
):
    campaign = _full_campaign(count)
    client.force_login(UserFactory())
    warm_navigation(client)
    # + session, user, and what the member did here (signature, pledges).
    with django_assert_num_queries(12):
        client.get(f"/en/campaigns/{campaign.slug}/")


def test_the_page_shows_asks_targets_positions_and_what_was_promised_and_done(client):
    campaign = CampaignFactory(asks="Withdraw the draft law\n- Consult civil society")
    target = CampaignTargetFactory(campaign=campaign, ask="Vote against article 12")
    today = timezone.localdate()
    staff = StaffFactory()
    services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": today - datetime.timedelta(days=20),
            "kind": Interaction.Kind.COMMITMENT,
            "summary": "Promised to vote against article 12",
            "position": Position.COMMITTED,
        },
    )
    services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": today - datetime.timedelta(days=2),
            "kind": Interaction.Kind.ACTION,
            "summary": "Voted against article 12",
            "evidence_url": "https://example.org/vote",
            "position": Position.ACTED,
        },
    )
    services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": today - datetime.timedelta(days=1),
            "kind": Interaction.Kind.MEETING,
            "summary": "Closed-door meeting notes",
            "public": False,
        },
    )
    page = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    for text in (
        "Withdraw the draft law",
        "Consult civil society",
        "Vote against article 12",
        "Promised to vote against article 12",
        "Voted against article 12",
        "https://example.org/vote",
        "Acted",
    ):
        assert text in page
    assert "Closed-door meeting notes" not in page


def test_position_history_follows_the_latest_interaction_by_date():
    target = CampaignTargetFactory()
    staff = StaffFactory()
    today = timezone.localdate()

    def record(days_ago, position, kind=Interaction.Kind.STATEMENT):
        services.interaction_record(
            target=target,
            actor=staff,
            data={
                "happened_on": today - datetime.timedelta(days=days_ago),
                "kind": kind,
                "summary": "x",
                "position": position,
            },
        )
        target.refresh_from_db()
        return target.position

    assert record(30, Position.OPPOSED) == Position.OPPOSED
    assert record(10, Position.SUPPORTIVE) == Position.SUPPORTIVE
    # Recording an older interaction later does not overwrite the newer position.
    assert record(20, Position.NEUTRAL) == Position.SUPPORTIVE
    assert record(1, "", Interaction.Kind.MEETING) == Position.SUPPORTIVE
    assert target.position_since == today - datetime.timedelta(days=10)
    history = list(target.interactions.exclude(position="").values_list("position", flat=True))
    assert history == [Position.SUPPORTIVE, Position.NEUTRAL, Position.OPPOSED]


def test_members_never_see_stakeholders_private_notes_or_contacts(client):
    target = CampaignTargetFactory()
    client.force_login(UserFactory())
    page = client.get(f"/en/campaigns/{target.campaign.slug}/").content.decode()
    assert target.stakeholder.name in page
    assert target.stakeholder.private_notes not in page
    assert target.stakeholder.private_contacts not in page
    assert target.stakeholder.public_email not in page


@pytest.mark.parametrize("status", [Campaign.Status.DRAFT, Campaign.Status.SCHEDULED])
def test_unpublished_campaigns_are_404_except_to_campaign_staff(client, status):
    campaign = CampaignFactory(status=status)
    url = f"/en/campaigns/{campaign.slug}/"
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(StaffFactory())  # staff without a second factor in this session
    assert client.get(url).status_code == 404
    login_with_mfa(client, StaffFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert "Preview: this campaign is not public yet" in response.content.decode()
    assert client.get(f"/en/campaigns/{campaign.slug}/signatures/").status_code == 200


def test_the_page_works_in_arabic_right_to_left(client):
    campaign = CampaignFactory(title="حرية تكوين الجمعيات", slug="حرية", language="ar")
    response = client.get(f"/ar/campaigns/{campaign.slug}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert 'lang="ar" dir="rtl"' in page
    assert "حرية تكوين الجمعيات" in page


def test_share_links_are_plain_links(client):
    campaign = CampaignFactory()
    page = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert "https://wa.me/?text=" in page
    assert "<iframe" not in page
    assert '<script src="http' not in page


def test_a_position_learnt_in_private_stays_private(client):
    target = CampaignTargetFactory()
    staff = StaffFactory()
    services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": timezone.localdate() - datetime.timedelta(days=30),
            "kind": Interaction.Kind.STATEMENT,
            "summary": "Said publicly they are against",
            "position": Position.OPPOSED,
        },
    )
    services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": timezone.localdate() - datetime.timedelta(days=2),
            "kind": Interaction.Kind.MEETING,
            "summary": "Committed in a closed meeting",
            "position": Position.COMMITTED,
            "public": False,
        },
    )
    target.refresh_from_db()
    assert target.position == Position.OPPOSED  # what the public record says
    page = client.get(f"/en/campaigns/{target.campaign.slug}/").content.decode()
    assert "Opposed" in page
    assert "Committed" not in page
    assert "Committed in a closed meeting" not in page
    api = client.get(f"/api/v1/campaigns/{target.campaign.slug}/targets/").json()
    assert api[0]["position"] == "opposed"


@pytest.mark.parametrize("count", [3, 30])
def test_signers_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    campaign = CampaignFactory()
    for n in range(count):
        SignatureFactory(campaign=campaign, country="TN" if n % 2 else "")
    SignatureFactory(campaign=campaign, show_name=False)
    SignatureFactory(campaign=campaign, confirmed_at=None)
    # The campaign, the count and the page of named signers.
    with django_assert_num_queries(3):
        response = client.get(f"/en/campaigns/{campaign.slug}/signatures/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == count
