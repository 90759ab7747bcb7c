"""Review before publishing (docs/moderation.md): a new organiser's first initiative and a network a
member proposes wait for staff approval; staff, trusted organisers and (for initiatives) organisers
with an approved one publish directly. The review pages in the admin, their permissions, what the
author is told, and the queues' query counts."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from diaspora import services as diaspora_services
from diaspora.models import JointProject, Network, NetworkMembership
from engagement import services as engagement_services
from engagement.models import Initiative
from humena.audit.models import AuditEntry
from humena.moderation.models import Decision
from humena.moderation.review import (
    needs_review,
    organiser_trust_set,
    review_approve,
    review_reject,
    review_request_changes,
)
from humena.notifications.models import Notification
from tests.conftest import repeated_lookup
from tests.diaspora.factories import NetworkFactory
from tests.engagement.factories import InitiativeFactory, ThemeFactory
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

NEW_INITIATIVE = "/en/initiatives/new/"
INITIATIVES_API = "/api/v1/initiatives/"
NEW_NETWORK = "/en/diaspora/networks/new/"
NETWORKS = "/en/diaspora/networks/"
NETWORKS_API = "/api/v1/networks/"
ADMIN = "/en/admin/"
INITIATIVE_QUEUE = f"{ADMIN}engagement/initiative/review/"
NETWORK_QUEUE = f"{ADMIN}diaspora/network/review/"


def initiative_form(**overrides) -> dict:
    data = {
        "title": "Budget watch Sfax",
        "summary": "Reading the municipal budget together.",
        "description": "We meet **monthly**.",
        "country": "TN",
        "city": "Sfax",
        "language": "fr",
        "status": "open",
        "visibility": "public",
        "join_policy": "open",
    }
    data.update(overrides)
    return data


def network_form(**overrides) -> dict:
    data = {
        "name": "Syrian doctors abroad",
        "mission": "Doctors of the diaspora **support** clinics at home.",
        "language": "en",
        "focus_countries": ["SY", "LB"],
        "visibility": "public",
        "join_policy": "approval",
    }
    data.update(overrides)
    return data


def signed_in_api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def waiting_initiative(author=None, **kwargs) -> Initiative:
    author = author or UserFactory()
    return InitiativeFactory(
        organiser=author, created_by=author, status=Initiative.Status.IN_REVIEW, **kwargs
    )


def waiting_network(author=None) -> Network:
    author = author or UserFactory()
    return NetworkFactory(coordinator=author, created_by=author, status=Network.Status.IN_REVIEW)


def emails_to(user) -> list:
    return [message for message in mail.outbox if user.email in message.to]


@pytest.fixture
def moderator(client):
    """Staff with a second factor, signed in to the admin."""
    user = StaffFactory(display_name="Moderator Heron")
    login_with_mfa(client, user)
    return user


# --- The rule ------------------------------------------------------------------------------


def test_who_needs_review():
    newcomer = UserFactory()
    trusted = UserFactory(is_trusted_organiser=True)
    experienced = UserFactory()
    InitiativeFactory(organiser=experienced, created_by=experienced)
    set_back = UserFactory()  # approved once, then set back to draft by its organiser
    draft = waiting_initiative(set_back)
    review_approve(obj=draft, moderator=StaffFactory())
    Initiative.objects.filter(pk=draft.pk).update(status=Initiative.Status.DRAFT)
    hidden = UserFactory()  # their only published initiative was hidden by moderators
    InitiativeFactory(organiser=hidden, created_by=hidden, hidden_at=timezone.now())
    staff_without_second_factor = StaffFactory(mfa=False)

    assert needs_review(newcomer, "initiative")
    assert needs_review(hidden, "initiative")
    assert needs_review(staff_without_second_factor, "initiative")
    assert not needs_review(trusted, "initiative")
    assert not needs_review(experienced, "initiative")
    assert not needs_review(set_back, "initiative")
    assert not needs_review(StaffFactory(), "initiative")
    # Networks: only trust (or staff) skips the review, not an earlier initiative.
    assert needs_review(experienced, "network")
    assert not needs_review(trusted, "network")
    assert not needs_review(StaffFactory(), "network")


# --- Initiatives ---------------------------------------------------------------------------


def test_a_new_organisers_first_initiative_waits_for_review(client):
    organiser = UserFactory()
    client.force_login(organiser)

    response = client.post(NEW_INITIATIVE, initiative_form(), follow=True)

    initiative = Initiative.objects.get()
    assert initiative.status == Initiative.Status.IN_REVIEW
    page = response.content.decode()
    assert "sent to the moderators" in page  # the message after creating it
    assert "Waiting for review." in page  # the notice on the page
    mine = client.get("/en/initiatives/mine/").content.decode()
    assert "Waiting for review" in mine
    assert not Initiative.objects.filter(status__in=Initiative.PUBLISHED).exists()


def test_a_new_organisers_first_initiative_waits_for_review_through_the_api():
    response = signed_in_api(UserFactory()).post(
        INITIATIVES_API,
        {**initiative_form(), "status": "active"},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["status"] == "in_review"
    assert Initiative.objects.get().status == Initiative.Status.IN_REVIEW


def test_a_draft_is_not_reviewed():
    response = signed_in_api(UserFactory()).post(
        INITIATIVES_API, {**initiative_form(), "status": "draft"}, format="json"
    )
    assert response.json()["status"] == "draft"


def test_while_waiting_it_is_404_to_others_and_listed_nowhere(client):
    initiative = waiting_initiative(latitude="34.74", longitude="10.76")
    url = initiative.get_absolute_url()
    api_url = f"{INITIATIVES_API}{initiative.slug}/"

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert initiative.title not in client.get("/en/initiatives/").content.decode()
    assert client.get("/en/initiatives/map.geojson").json()["features"] == []
    api = signed_in_api(UserFactory())
    assert api.get(api_url).status_code == 404
    assert api.get(INITIATIVES_API).json()["results"] == []
    assert api.get(INITIATIVES_API, {"status": "in_review"}).status_code == 400
    # The organiser sees it, with the notice.
    client.force_login(initiative.organiser_user)
    assert "Waiting for review." in client.get(url).content.decode()


def test_while_waiting_it_cannot_be_submitted_again_or_published_by_its_organiser(client):
    initiative = waiting_initiative()
    organiser = initiative.organiser_user
    client.force_login(organiser)

    # The page: the status is shown but not editable; the rest can still be corrected.
    edit = client.get(f"/en/initiatives/{initiative.slug}/edit/")
    assert edit.context["form"].fields["status"].disabled
    response = client.post(
        f"/en/initiatives/{initiative.slug}/edit/",
        initiative_form(title="Budget watch Sfax (corrected)", status="open"),
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.title, initiative.status) == ("Budget watch Sfax (corrected)", "in_review")
    # The API: a clear error on the field.
    response = signed_in_api(organiser).patch(
        f"{INITIATIVES_API}{initiative.slug}/", {"status": "open"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "status" in response.json()["error"]["fields"]
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.IN_REVIEW


@pytest.mark.parametrize("status", ["in_review", "rejected"])
def test_organisers_cannot_choose_the_statuses_only_the_review_sets(status):
    organiser = UserFactory(is_trusted_organiser=True)
    initiative = InitiativeFactory(organiser=organiser, created_by=organiser, status="draft")
    response = signed_in_api(organiser).patch(
        f"{INITIATIVES_API}{initiative.slug}/", {"status": status}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "status" in response.json()["error"]["fields"]
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.DRAFT


def test_approval_publishes_it_and_tells_the_organiser(client, run_on_commit):
    initiative = waiting_initiative()
    organiser = initiative.organiser_user
    moderator = StaffFactory()

    with run_on_commit():
        decision = review_approve(obj=initiative, moderator=moderator, message="Welcome!")

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.OPEN
    assert (decision.action, decision.subject, decision.decided_by, decision.reason) == (
        Decision.Action.APPROVE,
        organiser,
        moderator,
        "Welcome!",
    )
    assert decision.content_type.model_class() is Initiative
    assert decision.object_id == initiative.pk
    assert AuditEntry.objects.filter(
        action="review.approve", actor=moderator, target_id=str(initiative.pk)
    ).exists()
    (email,) = emails_to(organiser)
    assert "was approved" in email.subject
    assert "Welcome!" in email.body
    assert Notification.objects.filter(recipient=organiser).count() == 1
    # Public now, and its organiser's next initiative is published directly.
    assert client.get(initiative.get_absolute_url()).status_code == 200
    client.force_login(organiser)
    client.post(NEW_INITIATIVE, initiative_form(title="A second one"))
    assert Initiative.objects.get(title="A second one").status == Initiative.Status.OPEN


def test_asking_for_changes_returns_it_to_draft_with_the_message(client, run_on_commit):
    initiative = waiting_initiative()
    organiser = initiative.organiser_user

    with run_on_commit():
        review_request_changes(
            obj=initiative, moderator=StaffFactory(), message="Say who takes part, please."
        )

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.DRAFT
    (email,) = emails_to(organiser)
    assert "ask for changes" in email.subject
    assert "Say who takes part, please." in email.body
    assert f"/initiatives/{initiative.slug}/edit/" in email.body
    client.force_login(organiser)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Changes requested." in page
    assert "Say who takes part, please." in page
    assert (
        "Say who takes part, please."
        in client.get(f"/en/initiatives/{initiative.slug}/edit/").content.decode()
    )
    assert client.logout() is None
    assert client.get(initiative.get_absolute_url()).status_code == 404

    # The organiser corrects it and publishes again: back to review.
    client.force_login(organiser)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/edit/",
        initiative_form(summary="Ten neighbours read the budget together.", status="open"),
        follow=True,
    )
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.IN_REVIEW
    assert "Waiting for review." in response.content.decode()


def test_rejection_keeps_it_unpublished_for_good(client, run_on_commit):
    initiative = waiting_initiative()
    organiser = initiative.organiser_user

    with run_on_commit():
        review_reject(obj=initiative, moderator=StaffFactory(), message="This is advertising.")

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.REJECTED
    (email,) = emails_to(organiser)
    assert "was not approved" in email.subject
    assert "This is advertising." in email.body
    client.force_login(organiser)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Not approved." in page
    assert "This is advertising." in page
    mine = client.get("/en/initiatives/mine/").content.decode()
    assert "Not approved" in mine
    # It cannot be published again, neither on the page nor through the API.
    client.post(f"/en/initiatives/{initiative.slug}/edit/", initiative_form(status="open"))
    response = signed_in_api(organiser).patch(
        f"{INITIATIVES_API}{initiative.slug}/", {"status": "open"}, format="json"
    )
    assert response.status_code == 400
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.REJECTED
    client.force_login(UserFactory())
    assert client.get(initiative.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("decide", [review_request_changes, review_reject])
def test_asking_for_changes_and_rejecting_need_a_message(decide):
    initiative = waiting_initiative()
    with pytest.raises(ValidationError) as raised:
        decide(obj=initiative, moderator=StaffFactory(), message="   ")
    assert "message" in raised.value.error_dict
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.IN_REVIEW
    assert not Decision.objects.exists()


def test_only_what_waits_can_be_decided_and_only_by_staff_with_a_second_factor():
    initiative = waiting_initiative()
    # Staff with a second factor but not the moderators' permission cannot either.
    clerk = StaffFactory(is_superuser=False)
    for who in (UserFactory(), StaffFactory(mfa=False), initiative.organiser_user, clerk):
        with pytest.raises(PermissionDenied):
            review_approve(obj=initiative, moderator=who)
    review_approve(obj=initiative, moderator=StaffFactory())
    # The row is read again, deliberately.
    with repeated_lookup("engagement.Initiative"), pytest.raises(ValidationError):
        review_reject(obj=initiative, moderator=StaffFactory(), message="Too late.")
    assert Decision.objects.count() == 1


def test_a_trusted_organiser_publishes_directly(client):
    client.force_login(UserFactory(is_trusted_organiser=True))
    response = client.post(NEW_INITIATIVE, initiative_form(), follow=True)
    assert Initiative.objects.get().status == Initiative.Status.OPEN
    assert "Your initiative was created." in response.content.decode()


def test_an_organiser_with_an_approved_initiative_publishes_directly():
    organiser = UserFactory()
    InitiativeFactory(organiser=organiser, created_by=organiser)
    response = signed_in_api(organiser).post(
        INITIATIVES_API, {**initiative_form(), "status": "active"}, format="json"
    )
    assert response.json()["status"] == "active"


# --- Networks ------------------------------------------------------------------------------


def test_a_network_proposed_by_a_member_waits_for_review(client):
    water = ThemeFactory(slug="water")
    proposer = UserFactory()
    client.force_login(proposer)

    response = client.post(NEW_NETWORK, {**network_form(), "themes": [water.pk]}, follow=True)

    network = Network.objects.get()
    assert network.status == Network.Status.IN_REVIEW
    assert network.created_by == proposer
    assert list(network.themes.all()) == [water]
    assert (
        network.mission_html
        == "<p>Doctors of the diaspora <strong>support</strong> clinics at home.</p>\n"
    )
    membership = NetworkMembership.objects.get(network=network)
    assert (membership.user, membership.role, membership.status) == (
        proposer,
        "coordinator",
        "approved",
    )
    page = response.content.decode()
    assert "sent to the moderators" in page
    assert "Waiting for review." in page
    assert network.name in client.get(NEW_NETWORK).content.decode()  # "your proposals"
    # Not listed, and 404 to everyone else, on the pages and the API.
    assert network.name not in client.get(NETWORKS).content.decode()
    other = UserFactory()
    client.force_login(other)
    assert client.get(network.get_absolute_url()).status_code == 404
    assert client.post(f"{network.get_absolute_url()}join/").status_code == 404
    api = signed_in_api(other)
    assert api.get(f"{NETWORKS_API}{network.slug}/").status_code == 404
    assert api.get(NETWORKS_API).json()["results"] == []


def test_a_network_proposed_by_a_trusted_member_is_published(client):
    client.force_login(UserFactory(is_trusted_organiser=True))
    client.post(NEW_NETWORK, network_form())
    network = Network.objects.get()
    assert network.status == Network.Status.PUBLISHED
    client.logout()
    assert network.name in client.get(NETWORKS).content.decode()


def test_proposing_a_network_through_the_api():
    response = signed_in_api(UserFactory()).post(
        NETWORKS_API, {**network_form(), "themes": []}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["focus_countries"], body["slug"]) == (
        "in_review",
        ["LB", "SY"],  # sorted
        "syrian-doctors-abroad",
    )
    trusted = signed_in_api(UserFactory(is_trusted_organiser=True)).post(
        NETWORKS_API, network_form(name="Lebanese engineers"), format="json"
    )
    assert trusted.json()["status"] == "published"


def test_proposing_a_network_needs_an_account_and_valid_input(client):
    response = APIClient().post(NETWORKS_API, network_form(), format="json")
    assert response.status_code == 401
    response = signed_in_api(UserFactory()).post(
        NETWORKS_API, network_form(name="", focus_countries=["ZZ"]), format="json"
    )
    assert response.status_code == 400
    assert {"name", "focus_countries"} <= set(response.json()["error"]["fields"])
    client.force_login(UserFactory())
    response = client.post(NEW_NETWORK, network_form(mission=""))
    assert response.status_code == 200
    assert response.context["form"].errors["mission"]
    assert not Network.objects.exists()
    assert client.get(NEW_NETWORK).status_code == 200
    client.logout()
    assert client.get(NEW_NETWORK).status_code == 302


def test_members_propose_a_few_networks_a_day(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "network_propose": (1, 86400)}
    client.force_login(UserFactory())
    assert client.post(NEW_NETWORK, network_form()).status_code == 302
    assert client.post(NEW_NETWORK, network_form(name="Another one")).status_code == 429
    assert Network.objects.count() == 1


def test_a_network_sent_back_for_changes_is_edited_and_resubmitted(client, run_on_commit):
    network = waiting_network()
    proposer = network.coordinator_user
    with run_on_commit():
        review_request_changes(
            obj=network, moderator=StaffFactory(), message="Say which countries you cover."
        )
    network.refresh_from_db()
    assert network.status == Network.Status.DRAFT
    (email,) = emails_to(proposer)
    assert "Say which countries you cover." in email.body
    client.force_login(proposer)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Changes requested." in page
    assert "Say which countries you cover." in page
    edit_url = f"/en/diaspora/networks/{network.slug}/edit/"
    assert "Send it for review again" in client.get(edit_url).content.decode()

    response = client.post(edit_url, network_form(name="Doctors abroad", focus_countries=["SY"]))

    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.name, network.status) == ("Doctors abroad", Network.Status.IN_REVIEW)
    # Nobody else may edit it.
    client.force_login(UserFactory())
    assert client.get(edit_url).status_code == 404


def test_approving_a_network_lists_it_and_tells_the_proposer(client, run_on_commit):
    network = waiting_network()
    with run_on_commit():
        review_approve(obj=network, moderator=StaffFactory())
    network.refresh_from_db()
    assert network.status == Network.Status.PUBLISHED
    (email,) = emails_to(network.coordinator_user)
    assert "is listed now" in email.subject
    assert network.name in client.get(NETWORKS).content.decode()
    # Published: no longer a proposal to edit.
    client.force_login(network.coordinator_user)
    assert client.get(f"/en/diaspora/networks/{network.slug}/edit/").status_code == 404


def test_a_rejected_network_stays_hidden_and_cannot_be_proposed_again(client, run_on_commit):
    network = waiting_network()
    with run_on_commit():
        review_reject(obj=network, moderator=StaffFactory(), message="A duplicate of another one.")
    network.refresh_from_db()
    assert network.status == Network.Status.REJECTED
    client.force_login(network.coordinator_user)
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Not approved." in page
    assert "A duplicate of another one." in page
    assert client.get(f"/en/diaspora/networks/{network.slug}/edit/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(network.get_absolute_url()).status_code == 404


def test_a_network_waiting_for_review_cannot_propose_joint_projects(client):
    network = waiting_network()
    initiative = InitiativeFactory()
    client.force_login(network.coordinator_user)
    response = client.post(
        f"/en/diaspora/networks/{network.slug}/projects/new/",
        {"initiative": initiative.slug, "title": "Clinics", "summary": "Together."},
    )
    assert response.status_code == 200
    assert "must be published" in response.content.decode()
    assert not JointProject.objects.exists()


# --- The admin -----------------------------------------------------------------------------


def test_the_initiative_queue_shows_what_waits_with_the_authors_history(client, moderator):
    author = UserFactory(display_name="Olive Finch 7")
    earlier = InitiativeFactory(organiser=author, created_by=author, status="draft")
    review_request_changes(obj=_waiting(earlier), moderator=moderator, message="More detail.")
    waiting = waiting_initiative(author, title="Clean the beach")
    InitiativeFactory(title="Already public")

    response = client.get(INITIATIVE_QUEUE)

    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert [row.pk for row in rows] == [waiting.pk]
    assert (rows[0].earlier_items, rows[0].earlier_changes, rows[0].earlier_approved) == (1, 1, 0)
    page = response.content.decode()
    assert "Clean the beach" in page
    assert "Olive Finch 7" in page
    assert f"{ADMIN}engagement/initiative/{waiting.pk}/review/" in page
    assert "Waiting for review" in client.get(f"{ADMIN}engagement/initiative/").content.decode()


def decision(obj, action: str, message: str = "") -> dict:
    """What the review page posts: the decision, the message and the `updated_at` it showed
    (`obj` as read last)."""
    return {"decision": action, "message": message, "seen": obj.updated_at.isoformat()}


def _waiting(initiative: Initiative) -> Initiative:
    Initiative.objects.filter(pk=initiative.pk).update(status=Initiative.Status.IN_REVIEW)
    initiative.status = Initiative.Status.IN_REVIEW
    return initiative


def test_the_review_page_approves(client, moderator, run_on_commit):
    initiative = waiting_initiative(title="Clean the beach")
    url = f"{ADMIN}engagement/initiative/{initiative.pk}/review/"

    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Clean the beach" in text
    assert "<strong>monthly</strong>" in text  # the description, rendered
    assert "Approve and publish" in text
    with run_on_commit():
        response = client.post(url, decision(initiative, "approve"))

    assert response.status_code == 302
    assert response["Location"] == INITIATIVE_QUEUE
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.OPEN
    assert Decision.objects.get().decided_by == moderator
    assert len(emails_to(initiative.organiser_user)) == 1


def test_the_review_page_asks_for_a_message_before_rejecting(client, moderator):
    network = waiting_network()
    url = f"{ADMIN}diaspora/network/{network.pk}/review/"

    response = client.post(url, decision(network, "reject"))

    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    network.refresh_from_db()
    assert network.status == Network.Status.IN_REVIEW
    response = client.post(url, decision(network, "reject", "A duplicate."))
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.status == Network.Status.REJECTED
    assert client.post(url, {"decision": "nonsense", "message": "x"}).status_code == 404
    # Decided: the page shows it, without the buttons.
    assert "Approve and publish" not in client.get(url).content.decode()


def _author_edits(obj, title: str) -> None:
    """The author corrects it while it waits, through the same service as their edit page."""
    if isinstance(obj, Initiative):
        engagement_services.initiative_update(
            initiative=obj, user=obj.organiser_user, data={"title": title}
        )
    else:
        diaspora_services.network_proposal_edit(
            network=obj, actor=obj.coordinator_user, name=title, mission=obj.mission
        )


def _admin_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


CHANGED = "It changed since you opened it: read it again."


@pytest.mark.parametrize(
    ("waiting", "path"),
    [(waiting_initiative, "engagement/initiative"), (waiting_network, "diaspora/network")],
)
def test_a_decision_on_what_changed_since_the_page_was_opened_is_refused(
    client, moderator, waiting, path
):
    obj = waiting()
    url = f"{ADMIN}{path}/{obj.pk}/review/"
    seen = client.get(url).context["form"].initial["seen"]
    _author_edits(obj, "Something else entirely")

    response = client.post(url, {"decision": "approve", "message": "Welcome.", "seen": seen})

    assert response.status_code == 200
    assert _admin_messages(response) == [CHANGED]
    assert "Something else entirely" in response.content.decode()  # shown as it is now
    assert response.context["form"].initial["message"] == "Welcome."  # kept
    obj.refresh_from_db()
    assert obj.status == "in_review"
    assert not Decision.objects.exists()
    fresh = response.context["form"].initial["seen"]
    assert client.post(url, {"decision": "approve", "seen": fresh}).status_code == 302
    obj.refresh_from_db()
    assert obj.status in ("open", "published")


@pytest.mark.parametrize("seen", [None, "", "yesterday", "2024-13-45T99:00:00"])
def test_a_decision_without_what_the_page_showed_is_refused(client, moderator, seen):
    initiative = waiting_initiative()
    url = f"{ADMIN}engagement/initiative/{initiative.pk}/review/"
    data = {"decision": "approve"} | ({} if seen is None else {"seen": seen})
    response = client.post(url, data)
    assert response.status_code == 200
    assert _admin_messages(response) == [CHANGED]
    assert not Decision.objects.exists()


def test_the_service_refuses_a_decision_on_what_changed_since_it_was_read():
    initiative = waiting_initiative()
    seen = initiative.updated_at
    _author_edits(initiative, "Something else entirely")
    with pytest.raises(ValidationError) as refused:
        review_approve(obj=initiative, moderator=StaffFactory(), seen=seen)
    assert refused.value.code == "changed"
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.IN_REVIEW
    with repeated_lookup("engagement.Initiative"):  # the row is read again, deliberately
        review_approve(obj=initiative, moderator=StaffFactory(), seen=initiative.updated_at)
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.OPEN


@pytest.mark.parametrize(
    "url",
    [
        INITIATIVE_QUEUE,
        NETWORK_QUEUE,
        "initiative-review",
        "network-review",
    ],
)
def test_members_and_staff_without_a_second_factor_cannot_reach_the_review_pages(client, url):
    initiative, network = waiting_initiative(), waiting_network()
    url = {
        "initiative-review": f"{ADMIN}engagement/initiative/{initiative.pk}/review/",
        "network-review": f"{ADMIN}diaspora/network/{network.pk}/review/",
    }.get(url, url)
    for who in (UserFactory(), StaffFactory(mfa=False)):
        client.force_login(who)
        assert client.get(url).status_code == 302
        assert client.post(url, {"decision": "approve"}).status_code == 302
    initiative.refresh_from_db()
    network.refresh_from_db()
    assert (initiative.status, network.status) == ("in_review", "in_review")


def _grant(user, *codenames: str) -> None:
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


@pytest.mark.parametrize(
    ("kind", "waiting", "queue", "published"),
    [
        ("initiative", waiting_initiative, INITIATIVE_QUEUE, Initiative.Status.OPEN),
        ("network", waiting_network, NETWORK_QUEUE, Network.Status.PUBLISHED),
    ],
)
def test_staff_need_the_moderators_permission(client, kind, waiting, queue, published):
    obj = waiting()
    clerk = StaffFactory(is_superuser=False)
    login_with_mfa(client, clerk)
    url = f"{queue[: -len('review/')]}{obj.pk}/review/"

    def refused() -> bool:
        return (
            client.get(queue).status_code == 403
            and client.get(url).status_code == 403
            and client.post(url, {"decision": "approve"}).status_code == 403
        )

    assert refused()
    # The model's own change permission is not the moderators' (and, through django-rules,
    # "engagement.change_initiative" without an object means only "is staff").
    _grant(clerk, f"change_{kind}")
    assert refused()
    _grant(clerk, "change_case")
    assert refused()  # still needs to be allowed to read the thing
    _grant(clerk, f"view_{kind}")
    assert client.get(queue).status_code == 200
    assert client.get(url).status_code == 200
    assert client.post(url, decision(obj, "approve")).status_code == 302
    obj.refresh_from_db()
    assert obj.status == published


@pytest.mark.parametrize("count", [3, 30])
def test_initiative_queue_query_count(client, moderator, django_assert_num_queries, count):
    for _ in range(count):
        waiting_initiative()
    # session, user, the admin's MFA check (3), count, total count, page (with the authors and
    # their history as subqueries), the unread-notifications badge
    with django_assert_num_queries(9):
        response = client.get(INITIATIVE_QUEUE)
    assert response.context["cl"].result_count == count


@pytest.mark.parametrize("count", [3, 30])
def test_network_queue_query_count(client, moderator, django_assert_num_queries, count):
    for _ in range(count):
        waiting_network()
    with django_assert_num_queries(9):
        response = client.get(NETWORK_QUEUE)
    assert response.context["cl"].result_count == count


def test_staff_grant_and_withdraw_trust_from_the_user_admin(client, moderator):
    member = UserFactory()
    changelist = f"{ADMIN}accounts/user/"

    client.post(changelist, {"action": "trust", "_selected_action": [member.pk]})
    member.refresh_from_db()
    assert member.is_trusted_organiser
    client.post(changelist, {"action": "untrust", "_selected_action": [member.pk]})
    member.refresh_from_db()
    assert not member.is_trusted_organiser
    assert list(
        AuditEntry.objects.filter(target_id=str(member.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["moderation.trust_granted", "moderation.trust_withdrawn"]
    with pytest.raises(PermissionDenied):
        organiser_trust_set(user=member, actor=UserFactory(), trusted=True)
