"""The authorisation matrix: every role against every page and API route that shows or changes
private data, on their own, someone else's and private objects, compared with the table kept in
docs/authorization-matrix.md (reviewed by hand: no leak, no wrongful refusal).

A change of behaviour fails this test with the difference. If the change is intended, rewrite
the table with `HUMENA_WRITE_MATRIX=1 pytest tests/security/test_authorization_matrix.py`, read
the diff, and commit it with the change.
"""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from advocacy.models import Campaign, Letter
from diaspora.models import FieldVisibility, NetworkMembership
from diaspora.services import introduction_request
from engagement.models import Initiative, Membership
from humena.accounts.models import DataExport
from tests.advocacy.factories import CampaignFactory, LetterActionFactory, SignatureFactory
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_skill,
)
from tests.engagement.factories import InitiativeFactory, NeedFactory, SkillFactory, add_member
from tests.factories import StaffFactory, UserFactory, give_totp

pytestmark = pytest.mark.django_db

TABLE = Path(settings.BASE_DIR) / "docs" / "authorization-matrix.md"
ROLES = [
    "anonymous", "member", "pending", "organiser", "coordinator", "staff without MFA", "staff",
]  # fmt: skip


def _session(client: Client, user, *, mfa: bool) -> Client:
    """Signed in, with the password confirmed just now (and the second factor, for staff)."""
    client.force_login(user)
    session = client.session
    now = time.time()
    methods = [{"method": "password", "at": now, "reauthenticated": True}]
    if mfa:
        give_totp(user)
        methods.append({"method": "mfa", "at": now, "type": "totp"})
    session["account_authentication_methods"] = methods
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


@pytest.fixture
def world():
    organiser = UserFactory(display_name="Organiser")
    member = UserFactory(display_name="Member")
    pending = UserFactory(display_name="Pending")
    coordinator = UserFactory(display_name="Coordinator")
    public = InitiativeFactory(slug="public", organiser=organiser)
    add_member(public, member)
    private = InitiativeFactory(
        slug="private",
        organiser=organiser,
        visibility=Initiative.Visibility.MEMBERS,
        join_policy=Initiative.JoinPolicy.APPROVAL,
    )
    add_member(private, pending, status=Membership.Status.PENDING)
    InitiativeFactory(slug="draft", organiser=organiser, status=Initiative.Status.DRAFT)
    InitiativeFactory(
        slug="in-review", organiser=organiser, created_by=organiser, status="in_review"
    )
    skill = SkillFactory()
    need = NeedFactory(initiative=public, skill=skill)
    network = NetworkFactory(slug="network", coordinator=coordinator, visibility="members")
    NetworkFactory(
        slug="proposed", coordinator=coordinator, created_by=coordinator, status="in_review"
    )
    add_network_member(network, member)
    add_network_member(network, pending, status=NetworkMembership.Status.PENDING)
    profile = ProfileFactory(
        user=member,
        visibility=dict.fromkeys(("origin_country", "residence", "skills"), FieldVisibility.STAFF),
    )
    give_skill(profile, skill)
    introduction = introduction_request(
        need=need, actor=organiser, profile=profile, message="Could you help us with a legal brief?"
    )
    project = JointProjectFactory(slug="project", network=network, initiative=public)
    CampaignFactory(slug="draft-campaign", status=Campaign.Status.DRAFT)
    live = CampaignFactory(slug="live-campaign")
    SignatureFactory(campaign=live, name="Named signer")
    action = LetterActionFactory(campaign=live)
    letter = Letter.objects.create(
        action=action, target=action.target, sender=member, signed_as="M", subject="S", body="B"
    )
    data_export = DataExport.objects.create(
        user=member,
        token="member-export-token",
        status=DataExport.Status.READY,
        expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    data_export.file.save("export.zip", ContentFile(b"PK"), save=True)
    clients = {
        "anonymous": Client(),
        "member": _session(Client(), member, mfa=False),
        "pending": _session(Client(), pending, mfa=False),
        "organiser": _session(Client(), organiser, mfa=False),
        "coordinator": _session(Client(), coordinator, mfa=False),
        "staff without MFA": _session(Client(), StaffFactory(), mfa=False),
        "staff": _session(Client(), StaffFactory(), mfa=True),
    }
    return {
        "clients": clients,
        "profile": profile,
        "need": need,
        "project": project,
        "letter": letter,
        "introduction": introduction,
    }


def _routes(world) -> list[tuple[str, str, str, dict | None]]:
    """(what, method, url, data): the surfaces that show or change private data."""
    profile, need, letter = world["profile"], world["need"], world["letter"]
    block_organiser = {"source": "introduction", "reference": str(world["introduction"].pk)}
    update = {"title": "News", "body": "Text", "visibility": "public"}
    return [
        ("page: members-only initiative", "GET", "/en/initiatives/private/", None),
        ("page: draft initiative", "GET", "/en/initiatives/draft/", None),
        ("page: initiative waiting for review", "GET", "/en/initiatives/in-review/", None),
        ("page: initiative roster", "GET", "/en/initiatives/public/members/", None),
        ("page: edit an initiative", "GET", "/en/initiatives/public/edit/", None),
        ("page: post an update", "POST", "/en/initiatives/public/updates/new/", update),
        ("page: join a members-only initiative", "POST", "/en/initiatives/private/join/", {}),
        ("page: members-only network", "GET", "/en/diaspora/networks/network/", None),
        ("page: network roster", "GET", "/en/diaspora/networks/network/members/", None),
        ("page: network waiting for review", "GET", "/en/diaspora/networks/proposed/", None),
        ("page: edit a proposed network", "GET", "/en/diaspora/networks/proposed/edit/", None),
        (
            "page: a member's profile (shared with staff only)",
            "GET",
            f"/en/diaspora/profiles/{profile.public_id}/",
            None,
        ),
        ("page: matches for a need", "GET", f"/en/diaspora/needs/{need.pk}/matches/", None),
        ("page: proposed joint project", "GET", "/en/diaspora/projects/project/", None),
        ("page: introductions (own)", "GET", "/en/diaspora/introductions/", None),
        ("page: draft campaign", "GET", "/en/campaigns/draft-campaign/", None),
        (
            "page: the member's letter, once sent",
            "GET",
            f"/en/campaigns/live-campaign/letters/sent/{letter.pk}/",
            None,
        ),
        ("page: notifications (own)", "GET", "/en/notifications/", None),
        ("page: the member's data export", "GET", "/en/account/privacy/export/member-export-token/", None),  # noqa: E501
        ("page: blocks (own)", "GET", "/en/moderation/blocks/", None),
        ("page: block the organiser who asked to meet the member", "GET", f"/en/moderation/blocks/new/introduction/{world['introduction'].pk}/", None),  # noqa: E501
        ("page: administration", "GET", "/en/admin/", None),
        ("page: admin, stakeholders", "GET", "/en/admin/advocacy/stakeholder/", None),
        ("page: admin, networks waiting for review", "GET", "/en/admin/diaspora/network/review/", None),  # noqa: E501
        ("api: members-only initiative", "GET", "/api/v1/initiatives/private/", None),
        ("api: initiative roster", "GET", "/api/v1/initiatives/public/members/", None),
        ("api: post an update", "POST", "/api/v1/initiatives/public/updates/", update),
        ("api: members-only network", "GET", "/api/v1/networks/network/", None),
        ("api: network waiting for review", "GET", "/api/v1/networks/proposed/", None),
        ("api: matches for a need", "GET", f"/api/v1/needs/{need.pk}/matches/", None),
        ("api: proposed joint project", "GET", "/api/v1/joint-projects/project/", None),
        ("api: introductions (own)", "GET", "/api/v1/introductions/", None),
        ("api: own diaspora profile", "GET", "/api/v1/diaspora/profile/", None),
        ("api: draft campaign", "GET", "/api/v1/campaigns/draft-campaign/", None),
        ("api: a campaign's signatures", "GET", "/api/v1/campaigns/live-campaign/signatures/", None),  # noqa: E501
        ("api: stakeholders", "GET", "/api/v1/stakeholders/", None),
        ("api: notifications (own)", "GET", "/api/v1/notifications/", None),
        ("api: own account", "GET", "/api/v1/me/", None),
        ("api: blocks (own)", "GET", "/api/v1/blocks/", None),
        ("api: block the organiser who asked to meet the member", "POST", "/api/v1/blocks/", block_organiser),  # noqa: E501
    ]  # fmt: skip


def _outcome(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        for needle, label in (
            ("/accounts/login/", "302 sign-in"),
            ("/admin/login/", "302 sign-in"),
            ("/accounts/reauthenticate/", "302 password again"),
            ("/accounts/2fa/", "302 second factor"),
        ):
            if needle in location:
                return label
        return "302"
    return str(code)


def _render(results: dict[str, dict[str, str]]) -> str:
    lines = [
        "# Authorisation matrix",
        "",
        "Generated by `tests/security/test_authorization_matrix.py` and checked by it on every",
        "run: what each role gets from every page and API route that shows or changes private",
        "data. `302 sign-in`: sent to sign in; `404`: the thing is private (indistinguishable",
        "from missing); `403`: visible but not theirs to change; `401`: the API asks for",
        "credentials. Roles: see `docs/permissions.md`; *pending* asked to join the members-only",
        "initiative and network; the *member* is an approved member of the public initiative and",
        "the network, owns the profile, the letter and the data export; *staff without MFA* is a",
        "superuser whose session has not passed a second factor.",
        "",
        "| route | " + " | ".join(ROLES) + " |",
        "|---|" + "---|" * len(ROLES),
    ]
    for route, by_role in results.items():
        lines.append(f"| {route} | " + " | ".join(by_role[role] for role in ROLES) + " |")
    return "\n".join(lines) + "\n"


def test_every_role_gets_what_the_table_says(world):
    results = {}
    for route, method, url, data in _routes(world):
        results[route] = {}
        for role in ROLES:
            client = world["clients"][role]
            if method == "GET":
                response = client.get(url)
            elif route.startswith("api:"):
                response = client.post(url, data, content_type="application/json")
            else:
                response = client.post(url, data)
            results[route][role] = _outcome(response)
    actual = _render(results)
    if os.environ.get("HUMENA_WRITE_MATRIX"):
        TABLE.write_text(actual)
    expected = TABLE.read_text()
    assert actual == expected, "the authorisation matrix changed; see the module's docstring"


def test_no_private_route_answers_403_to_someone_who_may_not_see_it():
    """Private means 404: a 403 would tell that the thing exists. Only routes about changing a
    thing the person can see (edit or post to a public initiative) may answer 403."""
    table = TABLE.read_text()
    for line in table.splitlines():
        if not line.startswith("| page:") and not line.startswith("| api:"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        route, outcomes = cells[0], cells[1:]
        if "post an update" in route or "edit an initiative" in route:
            continue
        assert "403" not in outcomes, route
