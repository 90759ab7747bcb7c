"""Membership through the pages: joining, requests, leaving, organisers' actions, invitations,
what members and visitors see of each other, "My initiatives", and answering an event."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.utils import timezone

from engagement.models import Event, Initiative, Membership, Rsvp, Visibility
from humena.notifications.models import OutboxEvent
from tests.conftest import repeated_lookup, warm_navigation
from tests.engagement.factories import EventFactory, InitiativeFactory, ThemeFactory, add_member
from tests.factories import StaffFactory, UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

Status = Membership.Status


def _url(initiative: Initiative, rest: str = "") -> str:
    return f"/en/initiatives/{initiative.slug}/{rest}"


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _membership(initiative: Initiative, user) -> Membership:
    with repeated_lookup("engagement.Membership"):
        return Membership.objects.get(initiative=initiative, user=user)


def _member_count(initiative: Initiative) -> int:
    with repeated_lookup("engagement.Initiative"):
        return Initiative.objects.values_list("member_count", flat=True).get(pk=initiative.pk)


def _outbox(name: str) -> list[OutboxEvent]:
    return list(OutboxEvent.objects.filter(name=name))


def _forget_messages(client) -> None:
    """Drop messages earlier requests left unread, so that `_messages` sees only the last ones."""
    client.cookies.pop("messages", None)


def _login(client, user):
    _forget_messages(client)
    if isinstance(user, AnonymousUser):
        return user
    if user.is_staff:
        login_with_mfa(client, user)  # staff act as staff only after a second factor
    else:
        client.force_login(user)
    return user


# Joining an open initiative


def test_join_open_initiative_approves_at_once_and_announces_it(client):
    initiative = InitiativeFactory(title="Clean Beaches Sfax")
    user = _login(client, UserFactory())

    response = client.post(_url(initiative, "join/"))

    assert response.status_code == 302
    assert response.url == _url(initiative)
    assert _messages(response) == ["You joined Clean Beaches Sfax."]
    membership = _membership(initiative, user)
    assert (membership.status, membership.role) == (Status.APPROVED, Membership.Role.MEMBER)
    assert membership.joined_at is not None
    assert _member_count(initiative) == 2
    [event] = OutboxEvent.objects.all()
    assert event.name == "engagement.membership.joined"
    assert event.payload == {"initiative_id": initiative.pk}
    assert event.actor_id == user.pk


def test_joining_twice_changes_nothing(client):
    initiative = InitiativeFactory()
    user = _login(client, UserFactory())
    client.post(_url(initiative, "join/"))

    response = client.post(_url(initiative, "join/"))

    assert response.status_code == 302
    assert Membership.objects.filter(initiative=initiative, user=user).count() == 1
    assert _membership(initiative, user).status == Status.APPROVED
    assert _member_count(initiative) == 2
    assert len(_outbox("engagement.membership.joined")) == 1


def test_join_needs_sign_in(client):
    initiative = InitiativeFactory()

    response = client.post(_url(initiative, "join/"))

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert Membership.objects.filter(initiative=initiative).count() == 1  # the organiser
    assert OutboxEvent.objects.count() == 0


@pytest.mark.parametrize("who", ["member", "staff"])
@pytest.mark.parametrize("status", [Initiative.Status.COMPLETED, Initiative.Status.ARCHIVED])
def test_an_initiative_that_takes_no_members_refuses_to_join(client, status, who):
    initiative = InitiativeFactory(status=status)
    user = _login(client, StaffFactory() if who == "staff" else UserFactory())

    response = client.post(_url(initiative, "join/"))

    assert response.status_code == 302
    assert _messages(response) == ["This initiative is not taking new members."]
    assert not Membership.objects.filter(initiative=initiative, user=user).exists()
    assert _member_count(initiative) == 1


def test_joining_again_after_leaving(client):
    initiative = InitiativeFactory()
    user = _login(client, UserFactory())
    client.post(_url(initiative, "join/"))
    client.post(_url(initiative, "leave/"))
    assert _member_count(initiative) == 1

    client.post(_url(initiative, "join/"))

    membership = _membership(initiative, user)
    assert (membership.status, membership.role) == (Status.APPROVED, Membership.Role.MEMBER)
    assert _member_count(initiative) == 2
    assert len(_outbox("engagement.membership.joined")) == 2


# Joining an initiative whose organisers approve requests


def _request_to_join(client, initiative: Initiative, user) -> Membership:
    client.force_login(user)
    response = client.post(_url(initiative, "join/"))
    assert response.status_code == 302
    return _membership(initiative, user)


def test_join_approval_initiative_sends_a_request(client):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    user = _login(client, UserFactory())

    response = client.post(_url(initiative, "join/"))

    assert response.url == _url(initiative)
    assert _messages(response) == ["Your request was sent. The organisers will answer it."]
    membership = _membership(initiative, user)
    assert membership.status == Status.PENDING
    assert membership.joined_at is None
    assert _member_count(initiative) == 1
    [event] = OutboxEvent.objects.all()
    assert event.name == "engagement.membership.requested"
    assert event.payload == {"initiative_id": initiative.pk, "membership_id": membership.pk}
    assert event.actor_id == user.pk


def test_organiser_sees_and_approves_a_request(client):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    requester = UserFactory(display_name="Samira Requester")
    membership = _request_to_join(client, initiative, requester)
    organiser = _login(client, initiative.organiser_user)

    page = client.get(_url(initiative, "members/"))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Samira Requester" in html
    assert "Pending approval" in html
    assert f'action="{_url(initiative, f"members/{membership.pk}/")}"' in html

    response = client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "approve"})

    assert response.status_code == 302
    assert response.url == _url(initiative, "members/")
    assert _messages(response) == ["Done."]
    membership.refresh_from_db()
    assert membership.status == Status.APPROVED
    assert membership.joined_at is not None
    assert _member_count(initiative) == 2
    [event] = _outbox("engagement.membership.approved")
    assert event.payload == {
        "initiative_id": initiative.pk,
        "membership_id": membership.pk,
        "user_id": requester.pk,
    }
    assert event.actor_id == organiser.pk


def test_declined_request_cannot_join_again(client):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    requester = UserFactory()
    membership = _request_to_join(client, initiative, requester)
    _login(client, initiative.organiser_user)

    client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "decline"})

    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert _member_count(initiative) == 1
    [event] = _outbox("engagement.membership.declined")
    assert event.payload["membership_id"] == membership.pk

    _login(client, requester)
    response = client.post(_url(initiative, "join/"))

    assert response.status_code == 302
    assert _messages(response) == ["The organisers declined your request to join."]
    membership.refresh_from_db()
    assert membership.status == Status.DECLINED
    assert _member_count(initiative) == 1
    assert len(_outbox("engagement.membership.requested")) == 1


def test_an_answered_request_cannot_be_answered_again(client):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    membership = _request_to_join(client, initiative, UserFactory())
    _login(client, initiative.organiser_user)
    client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "approve"})
    _forget_messages(client)

    response = client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "approve"})

    assert _messages(response) == ["This request was already answered."]
    assert _member_count(initiative) == 2
    assert len(_outbox("engagement.membership.approved")) == 1


# Leaving


def test_leave_asks_first_then_leaves(client):
    initiative = InitiativeFactory(title="Library Corner")
    member = _login(client, add_member(initiative))
    assert _member_count(initiative) == 2

    page = client.get(_url(initiative, "leave/"))

    assert page.status_code == 200
    assert "Leave the initiative?" in page.content.decode()
    assert _membership(initiative, member).status == Status.APPROVED

    response = client.post(_url(initiative, "leave/"))

    assert response.status_code == 302
    assert response.url == "/en/initiatives/mine/"
    assert _messages(response) == ["You left Library Corner."]
    assert _membership(initiative, member).status == Status.LEFT
    assert _member_count(initiative) == 1


def test_withdrawing_a_request_does_not_change_the_count(client):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    member = _login(client, add_member(initiative, status=Status.PENDING))

    client.post(_url(initiative, "leave/"))

    assert _membership(initiative, member).status == Status.LEFT
    assert _member_count(initiative) == 1


def test_leave_page_is_404_to_non_members(client):
    initiative = InitiativeFactory()
    _login(client, UserFactory())

    assert client.get(_url(initiative, "leave/")).status_code == 404
    assert client.post(_url(initiative, "leave/")).status_code == 404


def test_the_only_organiser_cannot_leave(client):
    initiative = InitiativeFactory()
    organiser = _login(client, initiative.organiser_user)

    response = client.post(_url(initiative, "leave/"))

    assert response.status_code == 302
    assert response.url == _url(initiative, "leave/")
    assert _messages(response) == [
        "You are the only organiser: name another organiser before you leave."
    ]
    membership = _membership(initiative, organiser)
    assert membership.status == Status.APPROVED
    assert membership.role == Membership.Role.ORGANISER
    assert _member_count(initiative) == 1


def test_organiser_can_leave_after_naming_another(client):
    initiative = InitiativeFactory()
    first = _login(client, initiative.organiser_user)
    second = add_member(initiative)
    second_membership = _membership(initiative, second)

    client.post(_url(initiative, f"members/{second_membership.pk}/"), {"action": "make_organiser"})
    second_membership.refresh_from_db()
    assert second_membership.role == Membership.Role.ORGANISER

    response = client.post(_url(initiative, "leave/"))

    assert response.url == "/en/initiatives/mine/"
    first_membership = _membership(initiative, first)
    assert (first_membership.status, first_membership.role) == (Status.LEFT, Membership.Role.MEMBER)
    assert _member_count(initiative) == 1
    # The new organiser now manages; the one who left does not.
    assert client.get(_url(initiative, "members/")).status_code == 404


# Organisers' member actions


def test_organiser_removes_a_member(client):
    initiative = InitiativeFactory()
    member = add_member(initiative)
    _login(client, initiative.organiser_user)

    response = client.post(
        _url(initiative, f"members/{_membership(initiative, member).pk}/"), {"action": "remove"}
    )

    assert response.url == _url(initiative, "members/")
    assert _messages(response) == ["Done."]
    assert _membership(initiative, member).status == Status.LEFT
    assert _member_count(initiative) == 1


def test_the_last_organiser_cannot_be_removed(client):
    initiative = InitiativeFactory()
    organiser = _login(client, initiative.organiser_user)
    membership = _membership(initiative, organiser)

    response = client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "remove"})

    assert _messages(response) == ["An initiative needs at least one organiser."]
    membership.refresh_from_db()
    assert (membership.status, membership.role) == (Status.APPROVED, Membership.Role.ORGANISER)


@pytest.mark.parametrize("action", ["remove", "approve", "make_organiser"])
def test_a_plain_member_cannot_act_on_members(client, action):
    initiative = InitiativeFactory()
    other = add_member(initiative)
    pending = add_member(initiative, status=Status.PENDING)
    _login(client, add_member(initiative))
    target = other if action != "approve" else pending
    before = _membership(initiative, target)

    response = client.post(_url(initiative, f"members/{before.pk}/"), {"action": action})

    assert response.status_code == 404
    after = _membership(initiative, target)
    assert (after.status, after.role) == (before.status, before.role)
    assert _member_count(initiative) == 3


def test_an_unknown_action_changes_nothing(client):
    initiative = InitiativeFactory()
    member = add_member(initiative)
    _login(client, initiative.organiser_user)
    membership = _membership(initiative, member)

    response = client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "ban"})

    assert response.status_code == 302
    assert response.url == _url(initiative, "members/")
    assert _messages(response) == ["Unknown action."]
    membership.refresh_from_db()
    assert (membership.status, membership.role) == (Status.APPROVED, Membership.Role.MEMBER)
    assert _member_count(initiative) == 2


def test_a_membership_of_another_initiative_is_404(client):
    initiative = InitiativeFactory()
    elsewhere = InitiativeFactory()
    stranger = add_member(elsewhere)
    _login(client, initiative.organiser_user)
    membership = _membership(elsewhere, stranger)

    response = client.post(_url(initiative, f"members/{membership.pk}/"), {"action": "remove"})

    assert response.status_code == 404
    assert _membership(elsewhere, stranger).status == Status.APPROVED


# Members-only initiatives and their invitation link


def _members_only(**kwargs) -> Initiative:
    return InitiativeFactory(visibility=Initiative.Visibility.MEMBERS, **kwargs)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 404),
        ("non_member", 404),
        ("pending", 404),
        ("approved", 200),
        ("organiser", 200),
    ],
)
def test_members_only_detail_is_404_to_outsiders(client, role, expected):
    initiative = _members_only()
    users = {
        "anonymous": AnonymousUser(),
        "non_member": UserFactory(),
        "pending": add_member(initiative, status=Status.PENDING),
        "approved": add_member(initiative),
        "organiser": initiative.organiser_user,
    }
    _login(client, users[role])

    assert client.get(_url(initiative)).status_code == expected


def test_members_only_cannot_be_joined_without_the_link(client):
    initiative = _members_only()
    user = _login(client, UserFactory())

    assert client.post(_url(initiative, "join/")).status_code == 404
    assert not Membership.objects.filter(initiative=initiative, user=user).exists()


def test_invitation_link_shows_the_join_page(client):
    initiative = _members_only(title="Quiet Garden Collective")
    _login(client, UserFactory())

    response = client.get(_url(initiative, f"invite/{initiative.invite_token}/"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "You were invited to join" in html
    assert "Quiet Garden Collective" in html
    assert '<form method="post">' in html


def test_invitation_link_needs_sign_in(client):
    initiative = _members_only()

    response = client.get(_url(initiative, f"invite/{initiative.invite_token}/"))

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


@pytest.mark.parametrize(
    ("join_policy", "status", "redirect_to", "count"),
    [
        (Initiative.JoinPolicy.OPEN, Status.APPROVED, "detail", 2),
        (Initiative.JoinPolicy.APPROVAL, Status.PENDING, "mine", 1),
    ],
)
def test_invitation_link_joins(client, join_policy, status, redirect_to, count):
    initiative = _members_only(join_policy=join_policy)
    user = _login(client, UserFactory())

    response = client.post(_url(initiative, f"invite/{initiative.invite_token}/"))

    assert response.status_code == 302
    # A pending member may not see the initiative yet: they are sent to "My initiatives".
    assert response.url == (
        _url(initiative) if redirect_to == "detail" else "/en/initiatives/mine/"
    )
    assert _membership(initiative, user).status == status
    assert _member_count(initiative) == count
    assert client.get(_url(initiative)).status_code == (200 if status == Status.APPROVED else 404)


def test_a_wrong_invitation_token_is_404(client):
    initiative = _members_only()
    user = _login(client, UserFactory())

    assert client.get(_url(initiative, "invite/not-the-token/")).status_code == 404
    assert client.post(_url(initiative, "invite/not-the-token/")).status_code == 404
    assert not Membership.objects.filter(initiative=initiative, user=user).exists()


def test_renewing_the_link_retires_the_old_token(client):
    initiative = _members_only()
    old_token = initiative.invite_token
    _login(client, initiative.organiser_user)

    response = client.post(_url(initiative, "invite-renew/"))

    assert response.status_code == 302
    assert response.url == _url(initiative, "members/")
    initiative.refresh_from_db()
    assert initiative.invite_token != old_token
    client.force_login(UserFactory())
    assert client.get(_url(initiative, f"invite/{old_token}/")).status_code == 404
    assert client.post(_url(initiative, f"invite/{old_token}/")).status_code == 404
    assert client.get(_url(initiative, f"invite/{initiative.invite_token}/")).status_code == 200


def test_a_member_cannot_renew_the_link(client):
    initiative = _members_only()
    old_token = initiative.invite_token
    _login(client, add_member(initiative))

    response = client.post(_url(initiative, "invite-renew/"))

    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.invite_token == old_token


# Who the members are is for organisers only


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "other_member"])
def test_detail_shows_organisers_but_no_member_names(client, viewer):
    organiser = UserFactory(display_name="Organiser Rania")
    initiative = InitiativeFactory(organiser=organiser)
    add_member(initiative, UserFactory(display_name="Quietly Karim"))
    add_member(initiative, UserFactory(display_name="Waiting Leila"), status=Status.PENDING)
    users = {
        "anonymous": AnonymousUser(),
        "non_member": UserFactory(),
        "other_member": add_member(initiative),
    }
    _login(client, users[viewer])

    html = client.get(_url(initiative)).content.decode()

    assert "Organiser Rania" in html
    assert "Quietly Karim" not in html
    assert "Waiting Leila" not in html


@pytest.mark.parametrize(
    ("members", "shown", "not_shown"),
    [
        (1, "fewer than 5 members", "1 member"),
        (4, "fewer than 5 members", "4 members"),
        (5, "5 members", "fewer than 5"),
        (7, "7 members", "fewer than 5"),
    ],
)
def test_detail_shows_a_count_that_singles_nobody_out(client, members, shown, not_shown):
    initiative = InitiativeFactory()
    for _ in range(members - 1):  # the organiser is the first member
        add_member(initiative)
    assert _member_count(initiative) == members

    html = client.get(_url(initiative)).content.decode()

    assert f"<strong>{shown}</strong>" in html
    assert not_shown not in html


@pytest.mark.parametrize(
    ("role", "expected"), [("non_member", 404), ("approved", 404), ("organiser", 200)]
)
def test_members_page_exists_only_for_organisers(client, role, expected):
    initiative = InitiativeFactory()
    add_member(initiative, UserFactory(display_name="Hidden Youssef"))
    users = {
        "non_member": UserFactory(),
        "approved": add_member(initiative),
        "organiser": initiative.organiser_user,
    }
    _login(client, users[role])

    response = client.get(_url(initiative, "members/"))

    assert response.status_code == expected
    assert ("Hidden Youssef" in response.content.decode()) is (expected == 200)


# Drafts


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 404),
        ("non_member", 404),
        ("approved", 404),
        ("organiser", 200),
        ("staff", 200),
    ],
)
def test_a_draft_is_404_to_all_but_organisers_and_staff(client, role, expected):
    initiative = InitiativeFactory(status=Initiative.Status.DRAFT)
    users = {
        "anonymous": AnonymousUser(),
        "non_member": UserFactory(),
        "approved": add_member(initiative),
        "organiser": initiative.organiser_user,
        "staff": StaffFactory(),
    }
    _login(client, users[role])

    assert client.get(_url(initiative)).status_code == expected


# My initiatives


def test_my_initiatives_lists_approved_and_pending_only(client):
    user = _login(client, UserFactory())
    approved = InitiativeFactory(title="Approved Orchard")
    pending = InitiativeFactory(title="Pending Pottery", join_policy=Initiative.JoinPolicy.APPROVAL)
    left = InitiativeFactory(title="Left Library")
    declined = InitiativeFactory(title="Declined Dance")
    organised = InitiativeFactory(title="Organised Oasis", organiser=user)
    add_member(approved, user)
    add_member(pending, user, status=Status.PENDING)
    add_member(left, user, status=Status.LEFT)
    add_member(declined, user, status=Status.DECLINED)
    InitiativeFactory(title="Someone Else's Souk")

    response = client.get("/en/initiatives/mine/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="{_url(approved)}">Approved Orchard</a>' in html
    assert f'<a href="{_url(organised)}">Organised Oasis</a>' in html
    assert "<span>Pending Pottery</span>" in html
    assert "Waiting for approval" in html
    assert "Left Library" not in html
    assert "Declined Dance" not in html
    assert "Someone Else" not in html
    assert "You have not joined any initiative yet" not in html
    titles = sorted(m.initiative.title for m in response.context["memberships"])
    assert titles == ["Approved Orchard", "Organised Oasis", "Pending Pottery"]


def test_my_initiatives_empty_state(client):
    user = _login(client, UserFactory())
    add_member(InitiativeFactory(title="Gone Garden"), user, status=Status.LEFT)

    response = client.get("/en/initiatives/mine/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "You have not joined any initiative yet" in html
    assert "Gone Garden" not in html


def test_my_initiatives_needs_sign_in(client):
    response = client.get("/en/initiatives/mine/")

    assert response.status_code == 302
    assert response.url == "/en/accounts/login/?next=/en/initiatives/mine/"


# Answering an event


def _rsvp(client, event: Event, response: str = "going"):
    return client.post(_url(event.initiative, f"events/{event.pk}/rsvp/"), {"response": response})


def _going_count(event: Event) -> int:
    with repeated_lookup("engagement.Event"):
        return Event.objects.values_list("going_count", flat=True).get(pk=event.pk)


def test_a_member_says_they_are_going(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative)
    member = _login(client, add_member(initiative))

    response = _rsvp(client, event)

    assert response.status_code == 302
    assert response.url == _url(initiative, f"events/{event.pk}/")
    assert _messages(response) == ["Your answer was saved."]
    assert _going_count(event) == 1
    assert Rsvp.objects.get(event=event, user=member).response == Rsvp.Response.GOING


def test_changing_ones_mind_gives_the_place_back(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative)
    member = _login(client, add_member(initiative))
    _rsvp(client, event)
    _rsvp(client, event)  # answering twice counts once
    assert _going_count(event) == 1

    _rsvp(client, event, "not_going")

    assert _going_count(event) == 0
    assert Rsvp.objects.get(event=event, user=member).response == Rsvp.Response.NOT_GOING


def test_a_full_event_refuses_more(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative, capacity=1)
    _login(client, add_member(initiative))
    _rsvp(client, event)
    second = _login(client, add_member(initiative))

    response = _rsvp(client, event)

    assert _messages(response) == ["This event is full."]
    assert _going_count(event) == 1
    assert not Rsvp.objects.filter(event=event, user=second).exists()


def test_a_non_member_cannot_answer(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative)
    user = _login(client, UserFactory())

    response = _rsvp(client, event)

    assert response.status_code == 302
    assert _messages(response) == ["Join the initiative to answer its invitations."]
    assert not Rsvp.objects.filter(event=event, user=user).exists()
    assert _going_count(event) == 0


def test_staff_who_are_not_members_cannot_take_a_place(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative, capacity=1)
    staff = _login(client, StaffFactory())

    response = _rsvp(client, event)

    assert _messages(response) == ["Join the initiative to answer its invitations."]
    assert not Rsvp.objects.filter(event=event, user=staff).exists()
    assert _going_count(event) == 0


def test_a_members_only_event_is_404_to_non_members(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative, visibility=Visibility.MEMBERS)
    user = _login(client, UserFactory())

    response = _rsvp(client, event)

    assert response.status_code == 404
    assert not Rsvp.objects.filter(event=event, user=user).exists()


def test_a_cancelled_event_refuses_answers(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative, status=Event.Status.CANCELLED)
    member = _login(client, add_member(initiative))

    response = _rsvp(client, event)

    assert _messages(response) == ["This event was cancelled."]
    assert not Rsvp.objects.filter(event=event, user=member).exists()
    assert _going_count(event) == 0


def test_a_past_event_refuses_answers(client):
    initiative = InitiativeFactory()
    starts = timezone.now() - datetime.timedelta(days=2)
    event = EventFactory(
        initiative=initiative, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    member = _login(client, add_member(initiative))

    response = _rsvp(client, event)

    assert _messages(response) == ["This event is over."]
    assert not Rsvp.objects.filter(event=event, user=member).exists()
    assert _going_count(event) == 0


# Query counts


@pytest.mark.parametrize("count", [3, 30])
def test_my_initiatives_query_count_does_not_grow(client, django_assert_num_queries, count):
    themes = [ThemeFactory(), ThemeFactory()]
    user = _login(client, UserFactory())
    for n in range(count):
        initiative = InitiativeFactory(themes=themes)
        add_member(initiative, user, status=Status.PENDING if n % 3 == 0 else Status.APPROVED)
    warm_navigation(client)
    # session, user, the memberships with their initiatives, and those initiatives' themes.
    with django_assert_num_queries(4):
        response = client.get("/en/initiatives/mine/")
    assert response.status_code == 200
    assert len(response.context["memberships"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_members_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    for n in range(count):
        add_member(initiative, status=Status.PENDING if n % 3 == 0 else Status.APPROVED)
    _login(client, initiative.organiser_user)
    warm_navigation(client)
    # session, user, the initiative and its themes, the viewer's membership, and the roster
    # with its users.
    with django_assert_num_queries(6):
        response = client.get(_url(initiative, "members/"))
    assert response.status_code == 200
    assert len(response.context["memberships"]) == count + 1  # and the organiser
