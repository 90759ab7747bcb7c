"""Joint projects between a network and a local initiative, through the pages: proposing,
who sees a proposal, the lifecycle, milestones, taking part, and the list's query count."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from diaspora.models import JointProject, Milestone, Network
from engagement.models import Initiative
from humena.notifications.models import OutboxEvent
from tests.conftest import warm_navigation
from tests.diaspora.factories import JointProjectFactory, NetworkFactory, add_network_member
from tests.engagement.factories import InitiativeFactory, add_member
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

Status = JointProject.Status
LIST = "/en/diaspora/projects/"


def _url(project: JointProject) -> str:
    return f"{LIST}{project.slug}/"


def _propose_url(network: Network) -> str:
    return f"/en/diaspora/networks/{network.slug}/projects/new/"


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _login(client, user):
    client.cookies.pop("messages", None)  # only the next request's messages count
    if user.is_staff:
        login_with_mfa(client, user)  # staff act as staff only after a second factor
    else:
        client.force_login(user)
    return user


def _status(project: JointProject) -> str:
    return JointProject.objects.values_list("status", flat=True).get(pk=project.pk)


def _outbox(name: str) -> list[OutboxEvent]:
    return list(OutboxEvent.objects.filter(name=name))


def _listed(response) -> set[str]:
    assert response.status_code == 200
    return {project.title for project in response.context["page"].object_list}


def _proposal(**data) -> dict:
    payload = {
        "title": "Clinic translations",
        "summary": "Doctors abroad translate leaflets for the clinic.",
        "description": "We start with **ten** leaflets.",
    }
    payload.update(data)
    return payload


# --- proposing -----------------------------------------------------------------------------


def test_a_coordinator_proposes_a_project_to_an_initiative(client):
    network = NetworkFactory()
    initiative = InitiativeFactory(slug="sfax-clinic")
    coordinator = _login(client, network.coordinator_user)

    response = client.post(_propose_url(network), _proposal(initiative="sfax-clinic"))

    project = JointProject.objects.get()
    assert response.status_code == 302
    assert response.url == _url(project)
    assert _messages(response) == ["Your proposal was sent to the initiative."]
    assert project.status == Status.PROPOSED
    assert project.slug == "clinic-translations"
    assert (project.network, project.initiative) == (network, initiative)
    assert project.proposed_by == coordinator
    assert list(project.participants.all()) == [coordinator]
    assert "<strong>ten</strong>" in project.description_html
    [event] = OutboxEvent.objects.all()
    assert event.name == "diaspora.joint_project.proposed"
    assert event.actor_id == coordinator.pk
    assert event.payload == {"project_id": project.pk, "initiative_id": initiative.pk}


def test_an_unknown_initiative_is_a_field_error_and_writes_nothing(client):
    network = NetworkFactory()
    _login(client, network.coordinator_user)

    response = client.post(_propose_url(network), _proposal(initiative="no-such-initiative"))

    assert response.status_code == 200
    assert response.context["form"].errors == {"initiative": ["No initiative has this address."]}
    assert JointProject.objects.count() == 0
    assert OutboxEvent.objects.count() == 0


def test_an_initiative_the_coordinator_may_not_see_is_answered_like_an_unknown_one(client):
    network = NetworkFactory()
    InitiativeFactory(slug="quiet-circle", visibility=Initiative.Visibility.MEMBERS)
    _login(client, network.coordinator_user)
    response = client.post(_propose_url(network), _proposal(initiative="quiet-circle"))
    assert response.context["form"].errors == {"initiative": ["No initiative has this address."]}
    assert JointProject.objects.count() == 0


def test_a_plain_network_member_cannot_propose(client):
    network = NetworkFactory()
    InitiativeFactory(slug="sfax-clinic")
    _login(client, add_network_member(network))
    response = client.post(_propose_url(network), _proposal(initiative="sfax-clinic"))
    assert response.status_code == 404
    assert JointProject.objects.count() == 0


# --- who sees a proposal -----------------------------------------------------------------------


def test_a_proposed_project_answers_404_to_the_public_and_the_plain_members(client):
    project = JointProjectFactory()
    assert client.get(_url(project)).status_code == 404
    for user in (
        UserFactory(),
        add_network_member(project.network),
        add_member(project.initiative),
    ):
        _login(client, user)
        assert client.get(_url(project)).status_code == 404


def test_a_proposed_project_is_visible_to_the_parties(client):
    project = JointProjectFactory()
    proposer = UserFactory()
    project.participants.add(proposer)
    for user in (
        project.network.coordinator_user,
        project.initiative.organiser_user,
        proposer,
        StaffFactory(),
    ):
        _login(client, user)
        response = client.get(_url(project))
        assert response.status_code == 200
        assert project.title in response.content.decode()


def test_an_agreed_project_of_a_public_initiative_is_public(client):
    project = JointProjectFactory(status=Status.AGREED)
    assert client.get(_url(project)).status_code == 200


def test_an_agreed_project_of_a_members_only_initiative_is_private(client):
    initiative = InitiativeFactory(visibility=Initiative.Visibility.MEMBERS)
    project = JointProjectFactory(status=Status.AGREED, initiative=initiative)
    assert client.get(_url(project)).status_code == 404
    _login(client, add_member(initiative))
    assert client.get(_url(project)).status_code == 200


# --- the lifecycle -------------------------------------------------------------------------


def test_the_network_coordinator_cannot_agree_to_a_proposal(client):
    project = JointProjectFactory()
    _login(client, project.network.coordinator_user)

    response = client.post(_url(project), {"status": "agreed"})

    assert response.status_code == 200
    assert _messages(response) == ["The initiative's organisers agree to a proposal."]
    assert _status(project) == Status.PROPOSED
    assert _outbox("diaspora.joint_project.status_changed") == []


def test_the_initiatives_organiser_agrees(client):
    project = JointProjectFactory()
    organiser = _login(client, project.initiative.organiser_user)

    response = client.post(_url(project), {"status": "agreed"})

    assert response.status_code == 302
    assert response.url == _url(project)
    assert _status(project) == Status.AGREED
    [event] = _outbox("diaspora.joint_project.status_changed")
    assert event.actor_id == organiser.pk
    assert event.payload == {"project_id": project.pk, "status": "agreed"}


def test_staff_agree(client):
    project = JointProjectFactory()
    _login(client, StaffFactory())
    client.post(_url(project), {"status": "agreed"})
    assert _status(project) == Status.AGREED


def test_a_plain_member_cannot_move_an_agreed_project(client):
    project = JointProjectFactory(status=Status.AGREED)
    _login(client, add_network_member(project.network))
    response = client.post(_url(project), {"status": "active"})
    assert _messages(response) == ["You cannot do this."]
    assert _status(project) == Status.AGREED


def test_agreed_then_active_then_completed_with_outcome_notes(client):
    project = JointProjectFactory(status=Status.AGREED)
    _login(client, project.network.coordinator_user)

    client.post(_url(project), {"status": "active", "outcome_notes": ""})
    assert _status(project) == Status.ACTIVE

    client.post(
        _url(project), {"status": "completed", "outcome_notes": "Ten leaflets, two languages."}
    )

    project.refresh_from_db()
    assert project.status == Status.COMPLETED
    assert project.outcome_notes == "Ten leaflets, two languages."
    assert [e.payload["status"] for e in _outbox("diaspora.joint_project.status_changed")] == [
        "active",
        "completed",
    ]
    html = client.get(_url(project)).content.decode()
    assert "Ten leaflets, two languages." in html
    assert "Completed" in html


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("proposed", "completed", "A project that is Proposed cannot become Completed."),
        ("completed", "active", "A project that is Completed cannot become Active."),
        ("cancelled", "agreed", "A project that is Cancelled cannot become Agreed."),
        ("agreed", "nonsense", "A project that is Agreed cannot become nonsense."),
    ],
)
def test_an_invalid_transition_is_refused_and_changes_nothing(client, current, target, message):
    project = JointProjectFactory(status=current, outcome_notes="Before.")
    _login(client, project.initiative.organiser_user)

    response = client.post(_url(project), {"status": target, "outcome_notes": "After."})

    assert response.status_code == 200
    assert _messages(response) == [message]
    project.refresh_from_db()
    assert project.status == current
    assert project.outcome_notes == "Before."
    assert OutboxEvent.objects.count() == 0


@pytest.mark.parametrize("current", ["proposed", "agreed", "active"])
def test_a_project_can_be_cancelled_from_any_open_state(client, current):
    project = JointProjectFactory(status=current)
    _login(client, project.initiative.organiser_user)
    client.post(_url(project), {"status": "cancelled"})
    assert _status(project) == Status.CANCELLED
    [event] = _outbox("diaspora.joint_project.status_changed")
    assert event.payload["status"] == "cancelled"


def test_a_network_coordinator_can_cancel_a_proposal(client):
    project = JointProjectFactory()
    _login(client, project.network.coordinator_user)
    client.post(_url(project), {"status": "cancelled"})
    assert _status(project) == Status.CANCELLED


# --- milestones ----------------------------------------------------------------------------


def test_a_manager_adds_a_milestone_and_marks_it_done_and_undone(client):
    project = JointProjectFactory(status=Status.ACTIVE)
    _login(client, project.network.coordinator_user)

    response = client.post(
        _url(project), {"add_milestone": "1", "title": "First leaflet", "due_date": "2030-05-01"}
    )

    assert response.status_code == 302
    milestone = Milestone.objects.get(project=project)
    assert milestone.title == "First leaflet"
    assert milestone.due_date == datetime.date(2030, 5, 1)
    assert milestone.done_at is None

    _login(client, project.initiative.organiser_user)
    client.post(_url(project), {"milestone": milestone.pk, "done": "1"})
    milestone.refresh_from_db()
    assert milestone.done_at == timezone.localdate()

    client.post(_url(project), {"milestone": milestone.pk, "done": "0"})
    milestone.refresh_from_db()
    assert milestone.done_at is None


def test_a_milestone_without_a_title_is_refused(client):
    project = JointProjectFactory(status=Status.ACTIVE)
    _login(client, project.network.coordinator_user)
    response = client.post(_url(project), {"add_milestone": "1", "title": ""})
    assert response.status_code == 200
    assert len(_messages(response)) == 1
    assert "This field is required." in _messages(response)[0]
    assert Milestone.objects.count() == 0


def test_a_plain_members_milestone_posts_change_nothing(client):
    project = JointProjectFactory(status=Status.ACTIVE)
    done = Milestone.objects.create(project=project, title="Done one", done_at=timezone.localdate())
    open_one = Milestone.objects.create(project=project, title="Open one")
    member = add_network_member(project.network)
    project.participants.add(member)  # even taking part is not managing
    _login(client, member)

    page = client.get(_url(project))
    assert page.context["can_manage"] is False
    assert 'name="add_milestone"' not in page.content.decode()

    response = client.post(_url(project), {"add_milestone": "1", "title": "Mine"})
    assert _messages(response) == ["You cannot do this."]
    client.post(_url(project), {"milestone": open_one.pk, "done": "1"})
    client.post(_url(project), {"milestone": done.pk, "done": "0"})

    assert sorted(Milestone.objects.values_list("title", flat=True)) == ["Done one", "Open one"]
    done.refresh_from_db()
    open_one.refresh_from_db()
    assert done.done_at == timezone.localdate()
    assert open_one.done_at is None


def test_visitors_cannot_post_to_a_public_project(client):
    project = JointProjectFactory(status=Status.ACTIVE)
    assert client.post(_url(project), {"add_milestone": "1", "title": "Mine"}).status_code == 404
    assert client.post(_url(project), {"status": "cancelled"}).status_code == 404
    assert Milestone.objects.count() == 0
    assert _status(project) == Status.ACTIVE


# --- taking part ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["agreed", "active"])
def test_network_and_initiative_members_take_part(client, status):
    project = JointProjectFactory(status=status)
    network_member = add_network_member(project.network)
    initiative_member = add_member(project.initiative)
    for user in (network_member, initiative_member):
        _login(client, user)
        response = client.post(_url(project), {"take_part": "1"})
        assert response.status_code == 302
        assert _messages(response) == ["You take part in this project."]
    assert set(project.participants.all()) == {network_member, initiative_member}


def test_others_cannot_take_part(client):
    project = JointProjectFactory(status=Status.ACTIVE)
    network = project.network
    pending = add_network_member(network, status="pending")
    for user in (UserFactory(), pending):
        _login(client, user)
        response = client.post(_url(project), {"take_part": "1"})
        assert response.status_code == 200
        assert _messages(response) == ["Join the network or the initiative to take part."]
    assert project.participants.count() == 0


def test_nobody_takes_part_in_a_completed_project(client):
    project = JointProjectFactory(status=Status.COMPLETED)
    _login(client, add_network_member(project.network))
    response = client.post(_url(project), {"take_part": "1"})
    assert _messages(response) == ["This project is not taking new participants now."]
    assert project.participants.count() == 0


def test_a_network_member_cannot_take_part_in_a_proposal(client):
    project = JointProjectFactory(status=Status.PROPOSED)
    _login(client, add_network_member(project.network))
    assert client.post(_url(project), {"take_part": "1"}).status_code == 404
    assert project.participants.count() == 0


# --- the list ------------------------------------------------------------------------------


def test_the_list_shows_public_projects_and_the_users_own(client):
    JointProjectFactory(title="Agreed one", status=Status.AGREED)
    JointProjectFactory(title="Active one", status=Status.ACTIVE)
    JointProjectFactory(title="Done one", status=Status.COMPLETED)
    proposal = JointProjectFactory(title="Proposal", status=Status.PROPOSED)
    JointProjectFactory(title="Cancelled one", status=Status.CANCELLED)
    JointProjectFactory(
        title="Private one",
        status=Status.ACTIVE,
        initiative=InitiativeFactory(visibility=Initiative.Visibility.MEMBERS),
    )
    public = {"Agreed one", "Active one", "Done one"}
    assert _listed(client.get(LIST)) == public
    participant = UserFactory()
    proposal.participants.add(participant)
    _login(client, participant)
    assert _listed(client.get(LIST)) == public | {"Proposal"}


def _populate_projects(count: int) -> None:
    network = NetworkFactory()
    initiative = InitiativeFactory()
    for n in range(count):
        status = (Status.AGREED, Status.ACTIVE, Status.COMPLETED)[n % 3]
        JointProjectFactory(network=network, initiative=initiative, status=status)
    # Never shown to the public: they must not change the count.
    JointProjectFactory(network=network, initiative=initiative, status=Status.PROPOSED)


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    _populate_projects(count)
    # The count, and the page with its initiatives and networks.
    with django_assert_num_queries(2):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == count
    assert len(response.context["page"].object_list) == min(count, 20)


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_for_a_participant_does_not_grow(client, django_assert_num_queries, count):
    _populate_projects(count)
    user = UserFactory()
    for project in JointProject.objects.all():
        project.participants.add(user)
    client.force_login(user)
    # + the session and the user.
    warm_navigation(client)
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == count + 1


def test_the_network_page_lists_only_the_projects_the_visitor_may_see(client):
    network = NetworkFactory()
    JointProjectFactory(network=network, title="Public project", status=Status.ACTIVE)
    JointProjectFactory(network=network, title="Secret proposal", status=Status.PROPOSED)
    JointProjectFactory(
        network=network,
        title="Private project",
        status=Status.ACTIVE,
        initiative=InitiativeFactory(
            title="Hidden circle", visibility=Initiative.Visibility.MEMBERS
        ),
    )

    html = client.get(f"/en/diaspora/networks/{network.slug}/").content.decode()

    assert "Public project" in html
    assert "Secret proposal" not in html
    assert "Private project" not in html
    assert "Hidden circle" not in html


def test_a_members_only_networks_project_is_not_public(client):
    from diaspora.models import JointProject, Network

    network = NetworkFactory(visibility=Network.Visibility.MEMBERS, name="Quiet exiles")
    project = JointProjectFactory(network=network, status=JointProject.Status.ACTIVE)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "Quiet exiles" not in client.get("/en/diaspora/projects/").content.decode()


def test_milestones_of_a_closed_project_do_not_change(client):
    from diaspora.models import JointProject, Milestone

    project = JointProjectFactory(status=JointProject.Status.CANCELLED)
    milestone = Milestone.objects.create(project=project, title="Report")
    client.force_login(project.network.coordinator_user)
    client.post(project.get_absolute_url(), {"milestone": milestone.pk, "done": "1"})
    client.post(project.get_absolute_url(), {"add_milestone": "1", "title": "More"})
    milestone.refresh_from_db()
    assert milestone.done_at is None
    assert project.milestones.count() == 1


def test_malformed_ids_are_404_not_errors(client):
    from diaspora.models import JointProject

    project = JointProjectFactory(status=JointProject.Status.ACTIVE)
    client.force_login(project.network.coordinator_user)
    members = f"/en/diaspora/networks/{project.network.slug}/members/"
    # "²" is a digit to str.isdigit, not to int(); 30 digits overflow any integer column.
    for bad in ("abc", "²", "9" * 30):
        assert client.post(project.get_absolute_url(), {"milestone": bad}).status_code == 404
        assert client.post(members, {"membership": bad, "action": "approve"}).status_code == 404
