"""Hostile markup in every user-writable field that pages show: none of it becomes executable."""

import datetime
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from diaspora import services as diaspora_services
from engagement import services as engagement_services
from engagement.models import Event, Visibility
from tests.challenge import solved
from tests.diaspora.factories import NetworkFactory, ProfileFactory, add_network_member
from tests.engagement.factories import NeedFactory, add_member
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<svg/onload=alert(3)>",
    '"><script>alert(4)</script>',
    "[click](javascript:alert(5))",
    '<a href="javascript:alert(6)">x</a>',
    "<iframe src=javascript:alert(7)></iframe>",
    "{{ 7*7 }}{% now 'Y' %}",
]
HOSTILE = "\n\n".join(PAYLOADS)


class ExecutableMarkup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._in_script = tag == "script"
        for name, raw in attributes.items():
            value = raw or ""
            if name.startswith("on") and "alert" in value:
                self.found.append(f"<{tag} {name}>")
            if name in {"href", "src", "action"} and value.strip().lower().startswith("javascript"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in {"iframe", "svg"}:
            self.found.append(f"<{tag}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append("<script>alert")

    def handle_endtag(self, tag):
        self._in_script = False


def assert_inert(html: str) -> None:
    parser = ExecutableMarkup()
    parser.feed(html)
    assert parser.found == []
    assert "49" not in html.split("{{ 7*7 }}", maxsplit=1)[0][-5:]  # templates are not evaluated


def test_initiative_fields_updates_events_and_needs(client):
    organiser = UserFactory(display_name="<script>alert(0)</script>")
    client.force_login(organiser)
    initiative = engagement_services.initiative_create(
        user=organiser,
        data={
            "title": PAYLOADS[0],
            "summary": PAYLOADS[1],
            "description": HOSTILE,
            "country": "TN",
            "city": PAYLOADS[2],
            "language": "en",
            "status": "open",
            "visibility": "public",
            "join_policy": "open",
        },
    )
    engagement_services.update_post(
        initiative=initiative, author=organiser, title=PAYLOADS[3], body=HOSTILE
    )
    event = engagement_services.event_create(
        initiative=initiative,
        actor=organiser,
        data={
            "title": PAYLOADS[0],
            "description": HOSTILE,
            "starts_at": timezone.now() + datetime.timedelta(days=2),
            "ends_at": timezone.now() + datetime.timedelta(days=2, hours=2),
            "time_zone": "Africa/Tunis",
            "mode": Event.Mode.IN_PERSON,
            "city": PAYLOADS[1],
            "visibility": Visibility.PUBLIC,
        },
    )
    NeedFactory(initiative=initiative, description=HOSTILE)
    add_member(initiative)
    pages = [
        "/en/initiatives/",
        initiative.get_absolute_url(),
        f"/en/initiatives/{initiative.slug}/events/{event.pk}/",
        f"/en/initiatives/{initiative.slug}/members/",
        "/en/initiatives/mine/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
    api = client.get(f"/api/v1/initiatives/{initiative.slug}/").json()
    assert "<script" not in api["description_html"]


def test_networks_consultations_profiles_and_matches(client):
    coordinator = UserFactory()
    network = NetworkFactory(coordinator=coordinator, name=PAYLOADS[0])
    member = add_network_member(network, UserFactory(display_name=PAYLOADS[1]))
    diaspora_services.network_update_post(
        network=network, author=coordinator, title=PAYLOADS[2], body=HOSTILE
    )
    consultation = diaspora_services.consultation_open(
        network=network, actor=coordinator, question=PAYLOADS[3], context=HOSTILE
    )
    diaspora_services.consultation_answer(consultation=consultation, user=member, body=HOSTILE)
    profile = ProfileFactory(bio=HOSTILE, residence_city=PAYLOADS[0])
    need = NeedFactory(description=HOSTILE)
    client.force_login(coordinator)
    for url in [
        network.get_absolute_url(),
        f"/en/diaspora/networks/{network.slug}/members/",
        f"/en/diaspora/consultations/{consultation.pk}/",
        profile.get_absolute_url(),
        "/en/diaspora/networks/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
    login_with_mfa(client, StaffFactory())
    for url in [f"/en/diaspora/needs/{need.pk}/matches/", profile.get_absolute_url()]:
        assert_inert(client.get(url).content.decode())


def test_campaigns_targets_news_signatures_and_letters(client, run_on_commit):
    from advocacy import services as advocacy_services
    from advocacy.models import CampaignUpdate, Interaction
    from tests.advocacy.factories import (
        CampaignFactory,
        CampaignTargetFactory,
        LetterActionFactory,
        StakeholderFactory,
    )

    staff = StaffFactory()
    campaign = CampaignFactory(
        title=PAYLOADS[0], summary=PAYLOADS[1], asks=HOSTILE, petition_text=HOSTILE
    )
    campaign.description = HOSTILE
    advocacy_services.campaign_save(campaign=campaign, actor=staff)
    target = CampaignTargetFactory(
        campaign=campaign, stakeholder=StakeholderFactory(name=PAYLOADS[2]), ask=HOSTILE
    )
    advocacy_services.interaction_record(
        target=target,
        actor=staff,
        data={
            "happened_on": timezone.localdate(),
            "kind": Interaction.Kind.COMMITMENT,
            "summary": HOSTILE,
            "evidence_url": "https://example.org/x",
        },
    )
    advocacy_services.update_save(
        update=CampaignUpdate(campaign=campaign, title=PAYLOADS[3], body=HOSTILE), actor=staff
    )
    action = LetterActionFactory(campaign=campaign, title=PAYLOADS[4], description=HOSTILE)
    writer = UserFactory()
    client.force_login(writer)
    for payload in PAYLOADS:  # a signer's chosen name, shown on the public lists
        with run_on_commit():
            client.post(
                f"/en/campaigns/{campaign.slug}/sign/",
                {
                    "email": f"{abs(hash(payload))}@example.org",
                    "name": payload[:100],
                    "show_name": "on",
                    "consent_version": 1,
                    "agree": "on",
                    "challenge": solved(),
                },
            )
    from advocacy.models import Signature

    Signature.objects.update(confirmed_at=timezone.now())
    with run_on_commit():
        client.post(
            f"/en/campaigns/{campaign.slug}/letters/{action.pk}/",
            {"subject": PAYLOADS[0], "body": HOSTILE, "signed_as": PAYLOADS[1]},
        )
    from advocacy.models import Letter

    letter = Letter.objects.get()
    for url in (
        "/en/campaigns/",
        f"/en/campaigns/{campaign.slug}/",
        f"/en/campaigns/{campaign.slug}/signatures/",
        f"/en/campaigns/{campaign.slug}/letters/{action.pk}/",
        f"/en/campaigns/{campaign.slug}/letters/sent/{letter.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
    login_with_mfa(client, staff)
    html = client.get(f"/en/admin/advocacy/campaign/{campaign.pk}/dashboard/").content.decode()
    # The admin draws its own icons and the chart as SVG: look for the payloads themselves.
    for payload in ("<script>alert", "<svg/onload", 'onerror="alert', "javascript:alert"):
        assert payload not in html
