"""Hidden by moderators: a hidden thing answers 404 (or is left out) everywhere it is read, for
everyone but its author (and who manages it) and staff with a second factor; restoring it brings
it back. One table of the kinds with a page or a list, then what each place does with them:
lists, search, the map, calendars, matching, notifications, letters and consultations."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from advocacy import services as advocacy_services
from advocacy.models import Letter
from diaspora import services as diaspora_services
from diaspora.models import Consultation, ConsultationAnswer, JointProject, NetworkUpdate
from diaspora.selectors import match_reference, matches_for_need, needs_for_member
from engagement import search, services
from engagement.models import Initiative, Membership
from humena.notifications.models import EmailDelivery, Notification, OutboxEvent
from humena.notifications.pipeline import relay_pending
from tests.advocacy.factories import LetterActionFactory
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_skill,
)
from tests.engagement.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    SkillFactory,
    UpdateFactory,
    add_member,
)
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

NOTICE = "Hidden by moderators: only you and staff can see this."


def hide(item) -> None:
    type(item).objects.filter(pk=item.pk).update(hidden_at=timezone.now())
    item.hidden_at = timezone.now()


def restore(item) -> None:
    type(item).objects.filter(pk=item.pk).update(hidden_at=None)
    item.hidden_at = None


@dataclass
class Scene:
    """One hidden-able thing, the people around it and where it is read."""

    item: object
    marker: str  # text that shows the thing on a page or in a response
    author: object
    member: object  # of the initiative or network it belongs to (may see it when shown)
    manager: object | None = None  # another organiser or coordinator (not the author)
    pages: list[str] = field(default_factory=list)  # its own pages: 404 when hidden
    apis: list[str] = field(default_factory=list)  # its own endpoints: 404 when hidden
    listed_on: list[str] = field(default_factory=list)  # pages and endpoints that list it
    beneath: list[str] = field(default_factory=list)  # what hangs off it: 404 with it


def _initiative(author, **kwargs) -> Initiative:
    return InitiativeFactory(organiser=author, created_by=author, **kwargs)


def _co_organiser(initiative):
    organiser = add_member(initiative)
    initiative.memberships.filter(user=organiser).update(role=Membership.Role.ORGANISER)
    return organiser


def scene_initiative() -> Scene:
    author = UserFactory()
    initiative = _initiative(author, title="Moonlit budget watch")
    return Scene(
        item=initiative,
        marker="Moonlit budget watch",
        author=author,
        member=add_member(initiative),
        manager=_co_organiser(initiative),
        pages=[
            f"/en/initiatives/{initiative.slug}/",
            f"/en/initiatives/{initiative.slug}/calendar.ics",
        ],
        apis=[f"/api/v1/initiatives/{initiative.slug}/"],
        listed_on=["/en/initiatives/", "/api/v1/initiatives/"],
        beneath=[
            f"/api/v1/initiatives/{initiative.slug}/{items}/"
            for items in ("updates", "events", "needs")
        ],
    )


def _initiative_item(make, marker: str, *, pages=(), listed_on=()) -> Scene:
    """An update, event or need (`make(initiative, author)`) of an initiative that its author
    organises with a co-organiser. Paths name {page}, {api} and the item's {pk}."""
    author = UserFactory()
    initiative = _initiative(author)
    item = make(initiative, author)
    paths = {
        "page": f"/en/initiatives/{initiative.slug}",
        "api": f"/api/v1/initiatives/{initiative.slug}",
        "pk": item.pk,
    }
    return Scene(
        item=item,
        marker=marker,
        author=author,
        member=add_member(initiative),
        manager=_co_organiser(initiative),
        pages=[path.format(**paths) for path in pages],
        listed_on=[path.format(**paths) for path in listed_on],
    )


def scene_update() -> Scene:
    return _initiative_item(
        lambda initiative, author: UpdateFactory(
            initiative=initiative, author=author, title="Moonlit news"
        ),
        "Moonlit news",
        listed_on=["{page}/", "{api}/updates/"],
    )


def scene_event() -> Scene:
    return _initiative_item(
        lambda initiative, author: EventFactory(initiative=initiative, title="Moonlit meeting"),
        "Moonlit meeting",
        pages=["{page}/events/{pk}/", "{page}/events/{pk}.ics"],
        listed_on=["{page}/", "{page}/calendar.ics", "{api}/events/"],
    )


def scene_need() -> Scene:
    return _initiative_item(
        lambda initiative, author: NeedFactory(
            initiative=initiative, description="Moonlit help wanted"
        ),
        "Moonlit help wanted",
        listed_on=["{page}/", "{api}/needs/"],
    )


def scene_profile() -> Scene:
    profile = ProfileFactory(bio="Moonlit translator")
    network = NetworkFactory()
    add_network_member(network, profile.user)
    return Scene(
        item=profile,
        marker="Moonlit translator",
        author=profile.user,
        member=add_network_member(network),  # shares a network: sees the most
        pages=[f"/en/diaspora/profiles/{profile.public_id}/"],
    )


def _co_coordinator(network):
    coordinator = add_network_member(network)
    network.memberships.filter(user=coordinator).update(role="coordinator")
    return coordinator


def scene_network() -> Scene:
    author = UserFactory()
    network = NetworkFactory(coordinator=author, created_by=author, name="Moonlit lawyers")
    return Scene(
        item=network,
        marker="Moonlit lawyers",
        author=author,
        member=add_network_member(network),
        manager=_co_coordinator(network),
        pages=[f"/en/diaspora/networks/{network.slug}/"],
        apis=[f"/api/v1/networks/{network.slug}/"],
        listed_on=["/en/diaspora/networks/", "/en/diaspora/", "/api/v1/networks/"],
    )


def scene_network_update() -> Scene:
    author = UserFactory()
    network = NetworkFactory(coordinator=author)
    update = NetworkUpdate.objects.create(
        network=network, author=author, title="Moonlit bulletin", body="Hi", body_html="<p>Hi</p>"
    )
    return Scene(
        item=update,
        marker="Moonlit bulletin",
        author=author,
        member=add_network_member(network),
        manager=_co_coordinator(network),
        listed_on=[f"/en/diaspora/networks/{network.slug}/"],
    )


def scene_project() -> Scene:
    author = UserFactory()
    project = JointProjectFactory(
        proposed_by=author, status=JointProject.Status.AGREED, title="Moonlit project"
    )
    project.participants.add(author)
    network = project.network
    return Scene(
        item=project,
        marker="Moonlit project",
        author=author,
        member=add_network_member(network),
        manager=project.initiative.organiser_user,
        pages=[f"/en/diaspora/projects/{project.slug}/"],
        apis=[f"/api/v1/joint-projects/{project.slug}/"],
        listed_on=[
            "/en/diaspora/projects/",
            "/api/v1/joint-projects/",
            f"/en/diaspora/networks/{network.slug}/",
        ],
    )


SCENES = {
    "initiative": scene_initiative,
    "update": scene_update,
    "event": scene_event,
    "need": scene_need,
    "profile": scene_profile,
    "network": scene_network,
    "network_update": scene_network_update,
    "project": scene_project,
}


def clients(role: str, scene: Scene) -> tuple[Client, APIClient]:
    """A browser and an API client for someone in `role`."""
    page, api = Client(), APIClient()
    if role == "anonymous":
        return page, api
    if role in ("staff", "staff_without_mfa"):
        staff = StaffFactory(mfa=role == "staff")
        if role == "staff":
            login_with_mfa(page, staff)
        else:
            page.force_login(staff)  # a password alone: a member like any other
        api.force_authenticate(staff)
        return page, api
    user = {
        "other": UserFactory,
        "member": lambda: scene.member,
        "author": lambda: scene.author,
        "manager": lambda: scene.manager,
    }[role]()
    page.force_login(user)
    api.force_authenticate(user)
    return page, api


def _get(page: Client, api: APIClient, url: str):
    return api.get(url) if url.startswith("/api/") else page.get(url)


def _shows(response, marker: str) -> bool:
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return marker in response.content.decode()


OTHERS = ["anonymous", "other", "member", "staff_without_mfa"]
SEERS = ["author", "manager", "staff"]


@pytest.mark.parametrize("kind", SCENES)
@pytest.mark.parametrize("role", OTHERS)
def test_a_hidden_thing_answers_404_and_is_left_out_for_others(kind, role):
    scene = SCENES[kind]()
    page, api = clients(role, scene)
    for url in scene.pages + scene.apis + scene.listed_on:  # all show it before it is hidden
        if not (role == "anonymous" and kind == "profile"):  # profiles: members only
            assert _shows(_get(page, api, url), scene.marker), url
    for url in scene.beneath:
        assert _get(page, api, url).status_code == 200, url
    hide(scene.item)
    for url in scene.pages + scene.apis + scene.beneath:
        assert _get(page, api, url).status_code == 404, url
    for url in scene.listed_on:
        assert not _shows(_get(page, api, url), scene.marker), url


@pytest.mark.parametrize("kind", SCENES)
@pytest.mark.parametrize("role", SEERS)
def test_a_hidden_thing_is_still_seen_by_its_author_and_staff_with_a_notice(kind, role):
    scene = SCENES[kind]()
    if role == "manager" and scene.manager is None:
        pytest.skip("a profile has no one managing it")
    hide(scene.item)
    page, api = clients(role, scene)
    for url in scene.beneath:
        assert _get(page, api, url).status_code == 200, url
    for url in scene.pages + scene.apis:
        response = _get(page, api, url)
        assert _shows(response, scene.marker), url
        if url.startswith("/en/") and not url.endswith(".ics"):
            assert NOTICE in response.content.decode(), url
    for url in scene.listed_on:
        if role == "manager" and kind in ("initiative", "network"):
            continue  # the lists show it to its author and staff (co-managers: "my initiatives")
        response = _get(page, api, url)
        assert _shows(response, scene.marker), url
    if kind in ("update", "need", "network_update"):  # shown in a list with its notice
        assert NOTICE in page.get(scene.listed_on[0]).content.decode()


@pytest.mark.parametrize("kind", SCENES)
def test_restoring_brings_it_back(kind):
    scene = SCENES[kind]()
    page, api = clients("member", scene)
    hide(scene.item)
    for url in scene.pages + scene.apis:
        assert _get(page, api, url).status_code == 404, url
    restore(scene.item)
    for url in scene.pages + scene.apis + scene.listed_on:
        assert _shows(_get(page, api, url), scene.marker), url
    assert NOTICE not in page.get((scene.pages + scene.listed_on)[0]).content.decode()


# --- Lists, search, the map, calendars ------------------------------------------------------


def _public_initiative_with_a_hidden_twin():
    shown = InitiativeFactory(title="Harbour shown", latitude="36.80", longitude="10.18")
    hidden = InitiativeFactory(title="Harbour hidden", latitude="36.81", longitude="10.19")
    hidden.created_by = hidden.organiser_user
    hidden.save(update_fields=["created_by"])
    search.search_refresh([shown.pk, hidden.pk])
    hide(hidden)
    return shown, hidden


def _titles_in_geojson(response) -> set[str]:
    assert response.status_code == 200
    return {feature["properties"]["title"] for feature in response.json()["features"]}


def test_search_and_the_map_leave_a_hidden_initiative_out(client):
    _shown, hidden = _public_initiative_with_a_hidden_twin()
    for url in ("/en/initiatives/?q=Harbour", "/en/initiatives/?q=hidden"):
        body = client.get(url).content.decode()
        assert "Harbour hidden" not in body
    assert "Harbour shown" in client.get("/en/initiatives/?q=Harbour").content.decode()
    api = APIClient().get("/api/v1/initiatives/?q=Harbour").json()["results"]
    assert [row["title"] for row in api] == ["Harbour shown"]
    for url in ("/en/initiatives/map.geojson", "/api/v1/initiatives.geojson"):
        assert _titles_in_geojson(client.get(url)) == {"Harbour shown"}
    # Its author still finds it, with staff.
    client.force_login(hidden.organiser_user)
    assert _titles_in_geojson(client.get("/en/initiatives/map.geojson")) == {
        "Harbour shown",
        "Harbour hidden",
    }
    restore(hidden)
    client.logout()
    assert _titles_in_geojson(client.get("/api/v1/initiatives.geojson")) == {
        "Harbour shown",
        "Harbour hidden",
    }


def test_a_hidden_need_does_not_make_its_initiative_needed_for_a_skill(client):
    skill = SkillFactory(slug="moon-law")
    need = NeedFactory(skill=skill, initiative=InitiativeFactory(title="Needs a moon lawyer"))
    url = "/en/initiatives/?skill=moon-law"
    assert "Needs a moon lawyer" in client.get(url).content.decode()
    hide(need)
    assert "Needs a moon lawyer" not in client.get(url).content.decode()


def test_my_initiatives_keeps_a_hidden_one_for_its_organisers_only(client):
    author = UserFactory()
    initiative = _initiative(author, title="Moonlit garden")
    member = add_member(initiative)
    hide(initiative)
    client.force_login(member)
    assert "Moonlit garden" not in client.get("/en/initiatives/mine/").content.decode()
    client.force_login(author)
    body = client.get("/en/initiatives/mine/").content.decode()
    assert "Moonlit garden" in body
    staff = StaffFactory()
    add_member(initiative, staff)
    login_with_mfa(client, staff)
    assert "Moonlit garden" in client.get("/en/initiatives/mine/").content.decode()


def test_nobody_joins_a_hidden_initiative_not_even_with_the_invitation_link(client):
    initiative = InitiativeFactory()
    hide(initiative)
    user = UserFactory()
    client.force_login(user)
    assert client.post(f"/en/initiatives/{initiative.slug}/join/").status_code == 404
    link = f"/en/initiatives/{initiative.slug}/invite/{initiative.invite_token}/"
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert not initiative.memberships.filter(user=user).exists()


def test_the_members_page_of_a_hidden_initiative_is_404_to_its_members(client):
    author = UserFactory()
    initiative = _initiative(author)
    member = add_member(initiative)
    hide(initiative)
    client.force_login(member)
    assert client.get(f"/en/initiatives/{initiative.slug}/members/").status_code == 404
    client.force_login(author)
    assert client.get(f"/en/initiatives/{initiative.slug}/members/").status_code == 200


def test_a_hidden_networks_projects_are_not_shown_to_the_public(client):
    project = JointProjectFactory(status=JointProject.Status.AGREED, title="Under a hidden flag")
    hide(project.network)
    assert client.get(f"/en/diaspora/projects/{project.slug}/").status_code == 404
    assert "Under a hidden flag" not in client.get("/en/diaspora/projects/").content.decode()
    client.force_login(project.initiative.organiser_user)  # a party to it still sees it
    assert client.get(f"/en/diaspora/projects/{project.slug}/").status_code == 200


@pytest.mark.parametrize("hidden", ["network", "initiative", None])
def test_a_hidden_network_or_initiative_proposes_no_joint_project(client, hidden):
    """Its own coordinators or organisers still see it, but it contacts no one else."""
    author = UserFactory()
    network = NetworkFactory(coordinator=author, created_by=author)
    initiative = _initiative(author, slug="moonlit-clinic")  # the same person runs both
    if hidden:
        hide(network if hidden == "network" else initiative)
    client.force_login(author)
    response = client.post(
        f"/en/diaspora/networks/{network.slug}/projects/new/",
        {"initiative": "moonlit-clinic", "title": "Moonlit plan", "summary": "Work together."},
    )
    assert response.status_code == (404 if hidden else 302)
    assert JointProject.objects.exists() == (not hidden)
    proposed = OutboxEvent.objects.filter(name="diaspora.joint_project.proposed")
    assert proposed.exists() == (not hidden)


# --- Matching -----------------------------------------------------------------------------


def _need_and_candidate():
    need = NeedFactory(skill=SkillFactory(slug="moon-translation"))
    profile = ProfileFactory()
    give_skill(profile, need.skill)
    return need, profile


def test_a_hidden_profile_is_never_matched(client):
    need, profile = _need_and_candidate()
    hide(profile)
    assert matches_for_need(need=need) == []
    api = APIClient()
    api.force_authenticate(need.initiative.organiser_user)
    assert api.get(f"/api/v1/needs/{need.pk}/matches/").json() == []
    client.force_login(need.initiative.organiser_user)
    page = client.get(f"/en/diaspora/needs/{need.pk}/matches/")
    assert page.status_code == 200
    assert len(page.context["matches"]) == 0
    restore(profile)
    assert len(api.get(f"/api/v1/needs/{need.pk}/matches/").json()) == 1


def test_a_hidden_profile_cannot_be_introduced_with_an_earlier_card(client):
    need, profile = _need_and_candidate()
    reference = match_reference(need_id=need.pk, profile_id=profile.pk)
    hide(profile)
    organiser = need.initiative.organiser_user
    api = APIClient()
    api.force_authenticate(organiser)
    payload = {"need": need.pk, "match": reference, "message": "Could you help us, please?"}
    assert api.post("/api/v1/introductions/", payload, format="json").status_code == 404
    client.force_login(organiser)
    response = client.post(
        f"/en/diaspora/needs/{need.pk}/matches/",
        {"match": reference, "message": "Could you help us, please?"},
    )
    assert response.status_code == 404
    assert not profile.user.introductions_received.exists()


def test_a_hidden_need_or_initiative_is_not_among_the_needs_for_me(client):
    need, profile = _need_and_candidate()
    assert [n for n, _score, _why in needs_for_member(user=profile.user)] == [need]
    hide(need)
    assert needs_for_member(user=profile.user) == []
    restore(need)
    hide(need.initiative)
    assert needs_for_member(user=profile.user) == []
    client.force_login(profile.user)
    title = need.initiative.title
    assert title not in client.get("/en/diaspora/needs-for-me/").content.decode()
    restore(need.initiative)
    assert title in client.get("/en/diaspora/needs-for-me/").content.decode()


# --- Notifications and letters ----------------------------------------------------------------


def _fan_out() -> None:
    relay_pending()  # publishes the outbox; eager tasks fan out and deliver


@pytest.mark.parametrize("hidden", ["update", "initiative", None])
def test_members_do_not_hear_of_an_update_hidden_before_the_fan_out(hidden):
    author = UserFactory()
    initiative = _initiative(author)
    member = add_member(initiative)
    with transaction.atomic():
        update = services.update_post(
            initiative=initiative, author=author, title="Moonlit", body="News", visibility="public"
        )
    if hidden:
        hide(update if hidden == "update" else initiative)
    _fan_out()
    event = OutboxEvent.objects.get(name="engagement.update.published")
    told = set(Notification.objects.filter(event=event).values_list("recipient_id", flat=True))
    members = set(
        initiative.memberships.filter(status="approved")
        .exclude(user=author)
        .values_list("user_id", flat=True)
    )
    assert member.pk in members
    assert told == (set() if hidden else members)


@pytest.mark.parametrize("hidden", [True, False])
def test_members_do_not_hear_of_a_network_update_hidden_before_the_fan_out(hidden):
    network = NetworkFactory()
    member = add_network_member(network)
    with transaction.atomic():
        update = diaspora_services.network_update_post(
            network=network, author=network.coordinator_user, title="Moonlit", body="News"
        )
    if hidden:
        hide(update)
    _fan_out()
    event = OutboxEvent.objects.get(name="diaspora.network_update.published")
    told = set(Notification.objects.filter(event=event).values_list("recipient_id", flat=True))
    assert told == (set() if hidden else {member.pk})


def test_nobody_is_reminded_of_a_hidden_event():
    event = EventFactory(starts_at=timezone.now() + datetime.timedelta(hours=3))
    hide(event)
    assert services.events_remind() == 0
    restore(event)
    assert services.events_remind() == 1


@pytest.mark.parametrize("hidden", [True, False])
def test_a_hidden_letter_still_queued_is_never_sent(hidden):
    action = LetterActionFactory()
    with transaction.atomic():
        letter = advocacy_services.letter_send(
            action=action,
            user=UserFactory(),
            subject="Withdraw the draft law",
            body="Dear Minister, please withdraw the draft law on associations.",
        )
    if hidden:
        hide(letter)
    _fan_out()
    letter.refresh_from_db()
    delivery = EmailDelivery.objects.get(key__endswith=f"letter:{letter.pk}")
    if hidden:
        assert mail.outbox == []
        assert delivery.status == EmailDelivery.Status.SKIPPED
        assert letter.status == Letter.Status.QUEUED
    else:
        assert len(mail.outbox) == 1
        assert letter.status == Letter.Status.SENT


def test_a_hidden_letters_page_is_its_writers_and_its_admin_page_staffs(client):
    action = LetterActionFactory()
    writer = UserFactory()
    letter = Letter.objects.create(
        action=action,
        target=action.target,
        sender=writer,
        signed_as="Amal",
        subject="Moonlit letter",
        body="Dear Minister, please withdraw it.",
    )
    hide(letter)
    url = f"/en/campaigns/{action.campaign.slug}/letters/sent/{letter.pk}/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(writer)
    body = client.get(url).content.decode()
    assert NOTICE in body
    login_with_mfa(client, StaffFactory())
    response = client.get(f"/en/admin/advocacy/letter/{letter.pk}/change/")
    assert response.status_code == 200
    assert "Moonlit letter" in response.content.decode()


# --- Consultations ----------------------------------------------------------------------------


def _answered_consultation():
    network = NetworkFactory()
    consultation = Consultation.objects.create(network=network, question="Moonlit question?")
    author = add_network_member(network)
    answer = ConsultationAnswer.objects.create(
        consultation=consultation, user=author, body="Moonlit answer"
    )
    return consultation, answer, author


def test_a_hidden_answer_is_not_counted_or_exported_and_its_author_is_told(client):
    consultation, answer, author = _answered_consultation()
    url = f"/en/diaspora/consultations/{consultation.pk}/"
    client.force_login(add_network_member(consultation.network))
    assert "1 answer so far" in client.get(url).content.decode()
    hide(answer)
    assert "0 answers so far" in client.get(url).content.decode()
    client.force_login(author)
    body = client.get(url).content.decode()
    assert NOTICE in body
    assert "Moonlit answer" in body  # their own, to change
    staff = StaffFactory()
    login_with_mfa(client, staff)
    export = client.get(f"{url}answers.csv").content.decode()
    assert "Moonlit answer" not in export
    admin = client.get(f"/en/admin/diaspora/consultation/{consultation.pk}/change/")
    assert "Moonlit answer" in admin.content.decode()  # staff still read it
    restore(answer)
    assert "Moonlit answer" in client.get(f"{url}answers.csv").content.decode()
