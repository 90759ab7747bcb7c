"""Network pages (/en/diaspora/networks/...): who sees which network, joining and leaving,
the coordinators' members page, updates, and consultations with their anonymous export."""

import csv
import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from diaspora.models import (
    Consultation,
    ConsultationAnswer,
    Network,
    NetworkMembership,
    NetworkUpdate,
)
from humena.notifications.models import OutboxEvent
from tests.conftest import repeated_lookup, warm_navigation
from tests.diaspora.factories import NetworkFactory, add_network_member
from tests.engagement.factories import ThemeFactory
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status
LIST = "/en/diaspora/networks/"


def _url(network: Network, rest: str = "") -> str:
    return f"{LIST}{network.slug}/{rest}"


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _login(client, user):
    client.cookies.pop("messages", None)  # only the next request's messages count
    if user.is_staff:
        login_with_mfa(client, user)  # staff act as staff only after a second factor
    else:
        client.force_login(user)
    return user


def _membership(network: Network, user) -> NetworkMembership:
    with repeated_lookup("diaspora.NetworkMembership"):
        return NetworkMembership.objects.get(network=network, user=user)


def _member_count(network: Network) -> int:
    with repeated_lookup("diaspora.Network"):
        return Network.objects.values_list("member_count", flat=True).get(pk=network.pk)


def _outbox(name: str) -> list[OutboxEvent]:
    return list(OutboxEvent.objects.filter(name=name))


def _listed(response) -> set[str]:
    assert response.status_code == 200
    return {network.name for network in response.context["page"].object_list}


def members_only(**kwargs) -> Network:
    return NetworkFactory(visibility=Network.Visibility.MEMBERS, **kwargs)


def open_network(**kwargs) -> Network:
    return NetworkFactory(join_policy=Network.JoinPolicy.OPEN, **kwargs)


# --- the list ------------------------------------------------------------------------------


def test_list_shows_public_active_networks_only_to_visitors(client):
    NetworkFactory(name="Syrian doctors abroad")
    members_only(name="Quiet circle")
    NetworkFactory(name="Dormant network", is_active=False)

    response = client.get(LIST)

    assert _listed(response) == {"Syrian doctors abroad"}
    html = response.content.decode()
    assert "Quiet circle" not in html
    assert "Dormant network" not in html


def test_list_shows_a_members_only_network_to_its_approved_members_only(client):
    circle = members_only(name="Quiet circle")
    NetworkFactory(name="Open forum")
    member = add_network_member(circle)
    pending = add_network_member(circle, status=Status.PENDING)

    _login(client, member)
    assert _listed(client.get(LIST)) == {"Quiet circle", "Open forum"}
    _login(client, pending)
    assert _listed(client.get(LIST)) == {"Open forum"}
    _login(client, UserFactory())
    assert _listed(client.get(LIST)) == {"Open forum"}


def test_an_inactive_network_is_hidden_even_from_its_members(client):
    dormant = NetworkFactory(name="Dormant network", is_active=False)
    member = add_network_member(dormant)
    _login(client, member)
    assert _listed(client.get(LIST)) == set()


def _populate_networks(count: int) -> None:
    themes = [ThemeFactory(), ThemeFactory()]
    for _ in range(count):
        NetworkFactory(themes=themes)


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    _populate_networks(count)
    # The count, the page, and the page's themes.
    with django_assert_num_queries(3):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == count
    assert len(response.context["page"].object_list) == min(count, 20)


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_for_a_member_does_not_grow(client, django_assert_num_queries, count):
    _populate_networks(count)
    client.force_login(UserFactory())
    # + the session and the user.
    warm_navigation(client)
    with django_assert_num_queries(5):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == count


# --- the detail page -----------------------------------------------------------------------


def test_detail_shows_a_rounded_count_and_the_coordinators_but_no_plain_member(client):
    coordinator = UserFactory(display_name="Layla Coordinator")
    network = NetworkFactory(coordinator=coordinator)
    add_network_member(network, UserFactory(display_name="Omar Plainmember"))

    html = client.get(_url(network)).content.decode()

    assert "fewer than 5 members" in html
    # Visitors see no names at all, not even the coordinators'.
    assert "Layla Coordinator" not in html
    assert "Omar Plainmember" not in html
    # Signed in as another member of the network: still no plain member's name.
    _login(client, add_network_member(network))
    html = client.get(_url(network)).content.decode()
    assert "Layla Coordinator" in html
    assert "Omar Plainmember" not in html


def test_detail_shows_the_exact_count_from_five_members(client):
    network = NetworkFactory()
    for _ in range(6):
        add_network_member(network)
    assert _member_count(network) == 7
    html = client.get(_url(network)).content.decode()
    assert "7 members" in html
    assert "fewer than 5 members" not in html


def test_a_members_only_network_answers_404_to_non_members(client):
    circle = members_only()
    assert client.get(_url(circle)).status_code == 404
    _login(client, UserFactory())
    assert client.get(_url(circle)).status_code == 404
    _login(client, add_network_member(circle, status=Status.PENDING))
    assert client.get(_url(circle)).status_code == 404
    _login(client, add_network_member(circle))
    assert client.get(_url(circle)).status_code == 200
    _login(client, circle.coordinator_user)
    assert client.get(_url(circle)).status_code == 200


def test_an_inactive_network_answers_404_to_members_and_not_to_its_coordinator(client):
    dormant = NetworkFactory(is_active=False)
    _login(client, add_network_member(dormant))
    assert client.get(_url(dormant)).status_code == 404
    _login(client, dormant.coordinator_user)
    assert client.get(_url(dormant)).status_code == 200


# --- joining and leaving -------------------------------------------------------------------


def test_joining_a_network_that_approves_members_asks_the_coordinators(client):
    network = NetworkFactory()
    user = _login(client, UserFactory())

    response = client.post(_url(network, "join/"))

    assert response.status_code == 302
    assert response.url == _url(network)
    assert _messages(response) == ["Your request was sent to the coordinators."]
    membership = _membership(network, user)
    assert membership.status == Status.PENDING
    assert membership.role == NetworkMembership.Role.MEMBER
    assert membership.joined_at is None
    assert _member_count(network) == 1
    [event] = OutboxEvent.objects.all()
    assert event.name == "diaspora.network_membership.requested"
    assert event.actor_id == user.pk
    assert event.payload == {"network_id": network.pk, "membership_id": membership.pk}


def test_joining_twice_keeps_one_request(client):
    network = NetworkFactory()
    user = _login(client, UserFactory())
    client.post(_url(network, "join/"))
    client.post(_url(network, "join/"))
    assert NetworkMembership.objects.filter(network=network, user=user).count() == 1
    assert len(_outbox("diaspora.network_membership.requested")) == 1


def test_visitors_are_sent_to_sign_in_to_join(client):
    network = NetworkFactory()
    response = client.post(_url(network, "join/"))
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert NetworkMembership.objects.filter(network=network).count() == 1


def test_joining_a_members_only_network_answers_404(client):
    circle = members_only()
    _login(client, UserFactory())
    assert client.post(_url(circle, "join/")).status_code == 404
    assert NetworkMembership.objects.filter(network=circle).count() == 1


def _request(client, network: Network, user) -> NetworkMembership:
    _login(client, user)
    client.post(_url(network, "join/"))
    return _membership(network, user)


def test_the_coordinator_approves_a_request_on_the_members_page(client):
    network = NetworkFactory()
    requester = UserFactory(display_name="Samira Requester")
    membership = _request(client, network, requester)
    coordinator = _login(client, network.coordinator_user)

    page = client.get(_url(network, "members/"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Samira Requester" in html
    assert "Pending approval" in html
    assert f'name="membership" value="{membership.pk}"' in html

    response = client.post(
        _url(network, "members/"), {"membership": membership.pk, "action": "approve"}
    )

    assert response.status_code == 302
    assert response.url == _url(network, "members/")
    assert _messages(response) == ["Done."]
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED
    assert membership.joined_at is not None
    assert _member_count(network) == 2
    [event] = _outbox("diaspora.network_membership.approved")
    assert event.actor_id == coordinator.pk
    assert event.payload == {"network_id": network.pk, "user_id": requester.pk}


def test_an_answered_request_cannot_be_approved_twice(client):
    network = NetworkFactory()
    membership = _request(client, network, UserFactory())
    _login(client, network.coordinator_user)
    data = {"membership": membership.pk, "action": "approve"}
    client.post(_url(network, "members/"), data)
    client.cookies.pop("messages", None)

    response = client.post(_url(network, "members/"), data)

    assert _messages(response) == ["This request was already answered."]
    assert _member_count(network) == 2
    assert len(_outbox("diaspora.network_membership.approved")) == 1


def test_the_coordinator_declines_a_request_and_the_member_cannot_ask_again(client):
    network = NetworkFactory()
    requester = UserFactory()
    membership = _request(client, network, requester)
    _login(client, network.coordinator_user)

    client.post(_url(network, "members/"), {"membership": membership.pk, "action": "decline"})

    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert membership.joined_at is None
    assert _member_count(network) == 1
    assert _outbox("diaspora.network_membership.approved") == []

    _login(client, requester)
    response = client.post(_url(network, "join/"))
    assert _messages(response) == ["The coordinators declined your request."]
    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert len(_outbox("diaspora.network_membership.requested")) == 1


def test_an_unknown_action_on_the_members_page_changes_nothing(client):
    network = NetworkFactory()
    membership = _request(client, network, UserFactory())
    _login(client, network.coordinator_user)
    response = client.post(
        _url(network, "members/"), {"membership": membership.pk, "action": "promote"}
    )
    assert _messages(response) == ["Unknown action."]
    membership.refresh_from_db()
    assert membership.status == Status.PENDING


def test_joining_an_open_network_approves_at_once(client):
    network = open_network(name="Open forum")
    user = _login(client, UserFactory())

    response = client.post(_url(network, "join/"))

    assert _messages(response) == ["You joined Open forum."]
    membership = _membership(network, user)
    assert membership.status == Status.APPROVED
    assert membership.joined_at is not None
    assert _member_count(network) == 2
    [event] = OutboxEvent.objects.all()
    assert event.name == "diaspora.network_membership.joined"
    assert event.payload == {"network_id": network.pk, "membership_id": membership.pk}


def test_leaving_a_network(client):
    network = open_network(name="Open forum")
    member = _login(client, add_network_member(network))
    assert _member_count(network) == 2

    response = client.post(_url(network, "leave/"))

    assert response.status_code == 302
    assert response.url == LIST
    assert _messages(response) == ["You left Open forum."]
    assert _membership(network, member).status == Status.LEFT
    assert _member_count(network) == 1


def test_withdrawing_a_request_keeps_the_member_count(client):
    network = NetworkFactory()
    requester = UserFactory()
    _request(client, network, requester)
    client.post(_url(network, "leave/"))
    assert _membership(network, requester).status == Status.LEFT
    assert _member_count(network) == 1


def test_a_member_who_left_can_join_an_open_network_again(client):
    network = open_network()
    member = _login(client, add_network_member(network))
    client.post(_url(network, "leave/"))
    client.post(_url(network, "join/"))
    assert _membership(network, member).status == Status.APPROVED
    assert _member_count(network) == 2


def test_the_only_coordinator_cannot_leave(client):
    network = NetworkFactory()
    coordinator = _login(client, network.coordinator_user)

    response = client.post(_url(network, "leave/"))

    assert response.status_code == 302
    assert response.url == _url(network)
    assert _messages(response) == [
        "You are the only coordinator: name another one before you leave."
    ]
    membership = _membership(network, coordinator)
    assert membership.status == Status.APPROVED
    assert membership.role == NetworkMembership.Role.COORDINATOR
    assert _member_count(network) == 1


def test_one_of_two_coordinators_may_leave(client):
    network = NetworkFactory()
    second = add_network_member(network)
    NetworkMembership.objects.filter(network=network, user=second).update(
        role=NetworkMembership.Role.COORDINATOR
    )
    _login(client, second)
    client.post(_url(network, "leave/"))
    assert _membership(network, second).status == Status.LEFT
    assert _membership(network, second).role == NetworkMembership.Role.MEMBER
    assert _member_count(network) == 1


# --- the members page ------------------------------------------------------------------------


def test_the_members_page_answers_404_to_plain_members_and_other_members(client):
    network = NetworkFactory()
    _login(client, add_network_member(network))
    assert client.get(_url(network, "members/")).status_code == 404
    _login(client, UserFactory())
    assert client.get(_url(network, "members/")).status_code == 404


def test_a_plain_member_cannot_approve_a_request(client):
    network = NetworkFactory()
    membership = _request(client, network, UserFactory())
    _login(client, add_network_member(network))
    response = client.post(
        _url(network, "members/"), {"membership": membership.pk, "action": "approve"}
    )
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Status.PENDING


def test_visitors_get_no_roster_only_the_sign_in_page(client):
    # Pages that need an account send visitors to sign in (docs/permissions.md: "to sign-in"),
    # the same for an existing network as for one that does not exist: nothing is revealed.
    network = NetworkFactory(coordinator=UserFactory(display_name="Layla Coordinator"))
    response = client.get(_url(network, "members/"))
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert "Layla" not in response.content.decode()
    missing = client.get(f"{LIST}no-such-network/members/")
    assert missing.status_code == 302
    assert missing.url.startswith("/en/accounts/login/")


def test_staff_see_the_members_page(client):
    network = NetworkFactory()
    add_network_member(network, UserFactory(display_name="Omar Plainmember"))
    _login(client, StaffFactory())
    response = client.get(_url(network, "members/"))
    assert response.status_code == 200
    assert "Omar Plainmember" in response.content.decode()


# --- updates -------------------------------------------------------------------------------


def test_the_coordinator_posts_an_update_in_markdown_without_scripts(client):
    network = NetworkFactory()
    coordinator = _login(client, network.coordinator_user)
    body = "We met **twenty** people.\n\n<script>alert('x')</script>"

    response = client.post(
        _url(network, "updates/new/"), {"title": "  Spring report ", "body": body}
    )

    assert response.status_code == 302
    assert response.url == _url(network)
    update = NetworkUpdate.objects.get(network=network)
    assert update.title == "Spring report"
    assert update.author == coordinator
    assert "<strong>twenty</strong>" in update.body_html
    assert "<script" not in update.body_html
    [event] = _outbox("diaspora.network_update.published")
    assert event.payload == {"network_id": network.pk, "update_id": update.pk}
    html = client.get(_url(network)).content.decode()
    assert "Spring report" in html
    assert "<strong>twenty</strong>" in html
    assert "<script>alert" not in html


def test_a_plain_member_cannot_post_an_update(client):
    network = NetworkFactory()
    _login(client, add_network_member(network))
    response = client.post(_url(network, "updates/new/"), {"title": "Hi", "body": "Text"})
    assert response.status_code == 404
    assert NetworkUpdate.objects.count() == 0


# --- consultations -------------------------------------------------------------------------


def _open_consultation(client, network: Network, **data) -> Consultation:
    _login(client, network.coordinator_user)
    payload = {"question": "What should the city fund first?", "context": "Say *why*."}
    payload.update(data)
    response = client.post(_url(network, "consultations/new/"), payload)
    consultation = Consultation.objects.get(network=network)
    assert response.status_code == 302
    assert response.url == f"/en/diaspora/consultations/{consultation.pk}/"
    return consultation


def _consultation_url(consultation: Consultation, rest: str = "") -> str:
    return f"/en/diaspora/consultations/{consultation.pk}/{rest}"


def test_the_coordinator_opens_a_consultation(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    assert consultation.question == "What should the city fund first?"
    assert consultation.created_by == network.coordinator_user
    assert consultation.context_html == "<p>Say <em>why</em>.</p>\n"
    [event] = _outbox("diaspora.consultation.opened")
    assert event.payload == {"network_id": network.pk, "consultation_id": consultation.pk}
    html = client.get(_url(network)).content.decode()
    assert "What should the city fund first?" in html


def test_a_consultation_cannot_close_in_the_past(client):
    network = NetworkFactory()
    _login(client, network.coordinator_user)
    response = client.post(
        _url(network, "consultations/new/"),
        {"question": "Too late?", "closes_at": "2020-01-01T10:00"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "closes_at": ["The closing date must be in the future."]
    }
    assert Consultation.objects.count() == 0


def test_a_plain_member_cannot_open_a_consultation(client):
    network = NetworkFactory()
    _login(client, add_network_member(network))
    response = client.post(_url(network, "consultations/new/"), {"question": "Mine?"})
    assert response.status_code == 404
    assert Consultation.objects.count() == 0


def test_an_approved_member_answers_and_can_change_the_answer(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    member = _login(client, add_network_member(network))

    response = client.post(_consultation_url(consultation), {"body": "Schools first."})

    assert response.status_code == 302
    assert _messages(response) == ["Thank you: your answer was saved."]
    [answer] = ConsultationAnswer.objects.filter(consultation=consultation)
    assert (answer.user, answer.body) == (member, "Schools first.")

    client.post(_consultation_url(consultation), {"body": "Clinics first, then schools."})

    [answer] = ConsultationAnswer.objects.filter(consultation=consultation)
    assert (answer.user, answer.body) == (member, "Clinics first, then schools.")
    page = client.get(_consultation_url(consultation))
    assert page.context["form"].initial == {"body": "Clinics first, then schools."}
    assert page.context["answer_count"] == 1


def test_a_non_member_cannot_answer(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    _login(client, UserFactory())

    page = client.get(_consultation_url(consultation))
    assert page.context["can_answer"] is False
    assert "Members of the network can answer." in page.content.decode()

    response = client.post(_consultation_url(consultation), {"body": "Let me in."})

    assert response.status_code == 200
    assert _messages(response) == ["Join the network to answer its consultations."]
    assert ConsultationAnswer.objects.count() == 0


def test_a_pending_member_cannot_answer(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    _login(client, add_network_member(network, status=Status.PENDING))
    response = client.post(_consultation_url(consultation), {"body": "Soon a member."})
    assert _messages(response) == ["Join the network to answer its consultations."]
    assert ConsultationAnswer.objects.count() == 0


def test_a_closed_consultation_refuses_answers(client):
    network = NetworkFactory()
    # Only a consultation that was open once can be closed: its date passed since.
    consultation = Consultation.objects.create(
        network=network,
        question="Last year's question",
        closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    _login(client, add_network_member(network))

    response = client.post(_consultation_url(consultation), {"body": "Too late."})

    assert response.status_code == 200
    assert _messages(response) == ["This consultation is closed."]
    assert ConsultationAnswer.objects.count() == 0


def test_a_members_only_networks_consultation_answers_404_to_non_members(client):
    circle = members_only()
    consultation = Consultation.objects.create(network=circle, question="Private?")
    assert client.get(_consultation_url(consultation)).status_code == 404
    _login(client, UserFactory())
    assert client.get(_consultation_url(consultation)).status_code == 404
    assert client.post(_consultation_url(consultation), {"body": "Hi"}).status_code == 404
    assert ConsultationAnswer.objects.count() == 0


def test_staff_export_the_answers_without_names_or_emails(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    people = [
        UserFactory(display_name="Rania Writer", email="rania@example.org"),
        UserFactory(display_name="Karim Writer", email="karim@example.org"),
    ]
    for person, body in zip(people, ["Schools first.", '=HYPERLINK("x")'], strict=True):
        add_network_member(network, person)
        ConsultationAnswer.objects.create(consultation=consultation, user=person, body=body)
    _login(client, StaffFactory(display_name="Staff Person", email="staff@example.org"))

    response = client.get(_consultation_url(consultation, "answers.csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["answered_at", "answer"]
    # Formulas are neutralised for spreadsheets.
    assert [row[1] for row in rows[1:]] == ["Schools first.", '\'=HYPERLINK("x")']
    for secret in ("Rania", "Karim", "rania@example.org", "karim@example.org", "@example.org"):
        assert secret not in text


def test_non_staff_cannot_export_the_answers(client):
    network = NetworkFactory()
    consultation = _open_consultation(client, network)
    ConsultationAnswer.objects.create(
        consultation=consultation, user=add_network_member(network), body="Schools first."
    )
    # Not even the coordinator who opened it.
    _login(client, network.coordinator_user)
    assert client.get(_consultation_url(consultation, "answers.csv")).status_code == 404
    _login(client, add_network_member(network))
    assert client.get(_consultation_url(consultation, "answers.csv")).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_members_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    network = NetworkFactory()
    for n in range(count):
        add_network_member(network, status=Status.PENDING if n % 3 == 0 else Status.APPROVED)
    _login(client, network.coordinator_user)
    warm_navigation(client)
    # session, user, the network and its themes, the viewer's membership, and the roster with
    # its users.
    with django_assert_num_queries(6):
        response = client.get(_url(network, "members/"))
    assert response.status_code == 200
    assert len(response.context["memberships"]) == count + 1  # and the coordinator
