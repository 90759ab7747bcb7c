"""Blocking between members: the services, each effect (matches, introductions, the inbox,
requests to join initiatives and networks), that the blocked person is never told, the pages,
the API, who may do what, and query counts."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from diaspora.models import Introduction, NetworkMembership
from diaspora.selectors import match_reference
from diaspora.services import introduction_request
from engagement.models import Initiative, Membership
from engagement.services import initiative_join
from humena.moderation import blocks
from humena.moderation.models import Block
from humena.notifications.registry import kind_for
from tests.conftest import repeated_lookup, warm_navigation
from tests.diaspora.factories import NetworkFactory, ProfileFactory, add_network_member, give_skill
from tests.engagement.factories import InitiativeFactory, NeedFactory, add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Could you help us with a legal report?"
BLOCKS_API = "/api/v1/blocks/"
BLOCKS_PAGE = "/en/moderation/blocks/"
NOBODY = "00000000-0000-0000-0000-000000000000"


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def block(blocker, blocked) -> Block:
    return blocks.block_create(blocker=blocker, blocked=blocked)[0]


@pytest.fixture
def matching():
    """A need, its organiser, and a consenting member with the skill."""
    need = NeedFactory()
    profile = ProfileFactory()
    give_skill(profile, need.skill)
    return need, need.initiative.organiser_user, profile


def second_organiser(initiative: Initiative):
    user = add_member(initiative)
    Membership.objects.filter(user=user, initiative=initiative).update(
        role=Membership.Role.ORGANISER
    )
    return user


def approval_initiative():
    """An initiative that approves its members, with two organisers."""
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    return initiative, initiative.organiser_user, second_organiser(initiative)


def two_coordinator_network():
    network = NetworkFactory()
    other = add_network_member(network)
    NetworkMembership.objects.filter(user=other, network=network).update(
        role=NetworkMembership.Role.COORDINATOR
    )
    return network, network.coordinator_user, other


def ask_for_introduction(client, need, profile):
    return client.post(
        f"/en/diaspora/needs/{need.pk}/matches/",
        {"match": match_reference(need_id=need.pk, profile_id=profile.pk), "message": MESSAGE},
    )


# --- Services and selectors -----------------------------------------------------------------


def test_blocking_twice_keeps_one_block_and_unblocking_removes_it():
    me, them = UserFactory(), UserFactory()
    first, created = blocks.block_create(blocker=me, blocked=them)
    with repeated_lookup("moderation.Block"):  # the same lookup twice is the point here
        again, created_again = blocks.block_create(blocker=me, blocked=them)
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert Block.objects.count() == 1
    assert blocks.is_blocked(blocker=me, blocked=them)
    assert not blocks.is_blocked(blocker=them, blocked=me)
    assert blocks.blocked_either_way(them, me)
    assert list(blocks.blocked_ids_for(me)) == [them.pk]
    assert list(blocks.blockers_of(them)) == [me.pk]
    assert blocks.block_remove(blocker=me, blocked=them) is True
    assert blocks.block_remove(blocker=me, blocked=them) is False
    assert not Block.objects.exists()


def test_nobody_blocks_themselves():
    me = UserFactory()
    with pytest.raises(ValidationError) as refusal:
        blocks.block_create(blocker=me, blocked=me)
    assert refusal.value.code == "self"
    assert not Block.objects.exists()


def test_selectors_for_nobody_exclude_nothing():
    UserFactory()
    assert list(blocks.blocked_ids_for(None)) == []
    assert list(blocks.blockers_of(None)) == []
    from humena.accounts.models import User

    assert User.objects.exclude(blocks.blocked_either_way_q(None, "pk")).count() == 1


# --- Matches and introductions ----------------------------------------------------------------


def test_a_member_who_blocked_the_organiser_is_not_among_their_matches(client, matching):
    need, organiser, profile = matching
    other_organiser = second_organiser(need.initiative)
    client.force_login(organiser)
    page = f"/en/diaspora/needs/{need.pk}/matches/"
    assert [m.profile for m in client.get(page).context["matches"]] == [profile]
    block(profile.user, organiser)
    assert client.get(page).context["matches"] == []
    assert signed_in(organiser).get(f"/api/v1/needs/{need.pk}/matches/").json() == []
    # Another organiser of the same initiative still finds them.
    client.force_login(other_organiser)
    assert [m.profile for m in client.get(page).context["matches"]] == [profile]


def test_a_member_the_organiser_blocked_is_not_among_their_matches(client, matching):
    need, organiser, profile = matching
    block(organiser, profile.user)
    client.force_login(organiser)
    assert client.get(f"/en/diaspora/needs/{need.pk}/matches/").context["matches"] == []


def test_an_introduction_to_a_blocker_is_refused_as_to_someone_unavailable(client, matching):
    need, organiser, profile = matching
    unavailable = ProfileFactory(consent_to_matching=False)
    give_skill(unavailable, need.skill)
    block(profile.user, organiser)
    client.force_login(organiser)
    refused, not_taking_part = (
        ask_for_introduction(client, need, profile),
        ask_for_introduction(client, need, unavailable),
    )
    assert refused.status_code == not_taking_part.status_code == 404
    assert refused.templates[0].name == not_taking_part.templates[0].name

    api = signed_in(organiser)
    answers = [
        api.post(
            "/api/v1/introductions/",
            {
                "need": need.pk,
                "match": match_reference(need_id=need.pk, profile_id=p.pk),
                "message": MESSAGE,
            },
            format="json",
        )
        for p in (profile, unavailable)
    ]
    assert answers[0].status_code == answers[1].status_code == 404
    assert answers[0].json() == answers[1].json()
    assert not Introduction.objects.exists()


def test_the_blocked_organisers_waiting_request_leaves_the_members_inbox(client, matching):
    need, organiser, profile = matching
    waiting = introduction_request(need=need, actor=organiser, profile=profile, message=MESSAGE)
    other_need = NeedFactory(skill=need.skill)
    someone_else = introduction_request(
        need=other_need,
        actor=other_need.initiative.organiser_user,
        profile=profile,
        message="Another request to meet you, from someone else.",
    )
    block(profile.user, organiser)

    client.force_login(profile.user)
    received = client.get("/en/diaspora/introductions/").context["received"]
    assert list(received) == [someone_else]
    mine = signed_in(profile.user).get("/api/v1/introductions/").json()["results"]
    assert [row["id"] for row in mine] == [someone_else.pk]
    # It cannot be answered either: as if it did not exist.
    answer = f"/en/diaspora/introductions/{waiting.pk}/answer/"
    assert client.post(answer, {"answer": "accept"}).status_code == 404
    api_answer = signed_in(profile.user).post(f"/api/v1/introductions/{waiting.pk}/accept/")
    assert api_answer.status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == Introduction.Status.REQUESTED

    # The organiser still sees their request waiting, as for a member who has not answered.
    client.force_login(organiser)
    assert list(client.get("/en/diaspora/introductions/").context["sent"]) == [waiting]
    sent = signed_in(organiser).get("/api/v1/introductions/").json()["results"]
    assert [(row["id"], row["status"]) for row in sent] == [(waiting.pk, "requested")]


def test_answered_introductions_stay_in_the_inbox(client, matching):
    need, organiser, profile = matching
    answered = introduction_request(need=need, actor=organiser, profile=profile, message=MESSAGE)
    Introduction.objects.filter(pk=answered.pk).update(status=Introduction.Status.ACCEPTED)
    block(profile.user, organiser)
    client.force_login(profile.user)
    assert list(client.get("/en/diaspora/introductions/").context["received"]) == [answered]


# --- Requests to join -----------------------------------------------------------------------


def test_an_initiative_request_is_hidden_from_the_organiser_the_requester_blocked(client):
    initiative, blocked, other = approval_initiative()
    requester = UserFactory()
    block(requester, blocked)
    request = initiative_join(initiative=initiative, user=requester)
    roster = f"/en/initiatives/{initiative.slug}/members/"

    client.force_login(blocked)
    assert requester not in [m.user for m in client.get(roster).context["memberships"]]
    api_roster = signed_in(blocked).get(f"/api/v1/initiatives/{initiative.slug}/members/")
    assert request.pk not in [row["id"] for row in api_roster.json()["results"]]
    action = f"/en/initiatives/{initiative.slug}/members/{request.pk}/"
    for verb in ("approve", "decline", "remove"):
        assert client.post(action, {"action": verb}).status_code == 404
    request.refresh_from_db()
    assert request.status == Membership.Status.PENDING

    # The other organiser sees it and answers it.
    client.force_login(other)
    assert requester in [m.user for m in client.get(roster).context["memberships"]]
    client.post(action, {"action": "approve"})
    request.refresh_from_db()
    assert request.status == Membership.Status.APPROVED


def test_a_blocked_organiser_sees_the_roster_as_if_nobody_had_asked(client):
    initiative, blocked, _other = approval_initiative()
    roster = f"/en/initiatives/{initiative.slug}/members/"
    client.force_login(blocked)
    before = [m.pk for m in client.get(roster).context["memberships"]]
    requester = UserFactory()
    block(requester, blocked)
    initiative_join(initiative=initiative, user=requester)
    assert [m.pk for m in client.get(roster).context["memberships"]] == before


def test_an_organiser_who_blocked_the_requester_no_longer_sees_the_request(client):
    initiative, organiser, _other = approval_initiative()
    requester = UserFactory()
    request = initiative_join(initiative=initiative, user=requester)
    block(organiser, requester)
    client.force_login(organiser)
    roster = client.get(f"/en/initiatives/{initiative.slug}/members/").context["memberships"]
    assert request not in list(roster)


def test_approved_members_stay_on_the_roster_after_a_block(client):
    initiative, organiser, _other = approval_initiative()
    member = add_member(initiative)
    block(member, organiser)
    client.force_login(organiser)
    roster = client.get(f"/en/initiatives/{initiative.slug}/members/").context["memberships"]
    assert member in [m.user for m in roster]


def test_the_blocked_organiser_is_not_told_of_the_request():
    initiative, blocked, other = approval_initiative()
    requester = UserFactory()
    block(requester, blocked)
    recipients = kind_for("engagement.membership.requested").recipients(
        {"initiative_id": initiative.pk}, requester.pk
    )
    assert set(recipients) == {other.pk}


def test_a_network_request_is_hidden_from_the_coordinator_the_requester_blocked(client):
    network, blocked, other = two_coordinator_network()
    requester = UserFactory()
    block(requester, blocked)
    add_network_member(network, requester, status=NetworkMembership.Status.PENDING)
    request = NetworkMembership.objects.get(user=requester)
    roster = f"/en/diaspora/networks/{network.slug}/members/"
    client.force_login(blocked)
    assert requester not in [m.user for m in client.get(roster).context["memberships"]]
    response = client.post(roster, {"membership": request.pk, "action": "approve"})
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == NetworkMembership.Status.PENDING
    recipients = kind_for("diaspora.network_membership.requested").recipients(
        {"network_id": network.pk}, requester.pk
    )
    assert set(recipients) == {other.pk}

    client.force_login(other)
    assert requester in [m.user for m in client.get(roster).context["memberships"]]
    client.post(roster, {"membership": request.pk, "action": "approve"})
    request.refresh_from_db()
    assert request.status == NetworkMembership.Status.APPROVED


# --- Pages ----------------------------------------------------------------------------------


def test_block_from_a_profile_with_a_confirmation_step(client):
    profile = ProfileFactory()
    me = UserFactory()
    client.force_login(me)
    profile_page = client.get(f"/en/diaspora/profiles/{profile.public_id}/").content.decode()
    confirm = f"/en/moderation/blocks/new/profile/{profile.public_id}/"
    assert confirm in profile_page

    page = client.get(confirm)
    assert page.status_code == 200
    html = page.content.decode()
    assert profile.user.display_name in html
    assert "They are not told." in html
    assert not Block.objects.exists()  # a GET changes nothing

    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == BLOCKS_PAGE
    assert blocks.is_blocked(blocker=me, blocked=profile.user)
    assert profile.user.display_name in client.get(BLOCKS_PAGE).content.decode()
    client.post(confirm)  # twice: still one block
    assert Block.objects.count() == 1


def test_no_block_link_on_ones_own_profile_and_no_self_block(client):
    profile = ProfileFactory()
    client.force_login(profile.user)
    own = client.get(f"/en/diaspora/profiles/{profile.public_id}/").content.decode()
    confirm = f"/en/moderation/blocks/new/profile/{profile.public_id}/"
    assert confirm not in own
    response = client.post(confirm)
    assert response.status_code == 400
    assert "You cannot block yourself." in response.content.decode()
    assert not Block.objects.exists()


def test_block_from_a_received_introduction(client, matching):
    need, organiser, profile = matching
    waiting = introduction_request(need=need, actor=organiser, profile=profile, message=MESSAGE)
    client.force_login(profile.user)
    confirm = f"/en/moderation/blocks/new/introduction/{waiting.pk}/"
    assert confirm in client.get("/en/diaspora/introductions/").content.decode()
    assert client.post(confirm).status_code == 302
    assert blocks.is_blocked(blocker=profile.user, blocked=organiser)
    # The organiser cannot use their own sent request to block the member behind it.
    client.force_login(organiser)
    assert client.get(confirm).status_code == 404


def test_block_from_a_request_to_join(client):
    initiative, organiser, _other = approval_initiative()
    requester = UserFactory()
    request = initiative_join(initiative=initiative, user=requester)
    client.force_login(organiser)
    confirm = f"/en/moderation/blocks/new/membership/{request.pk}/"
    assert confirm in client.get(f"/en/initiatives/{initiative.slug}/members/").content.decode()
    assert client.post(confirm).status_code == 302
    assert blocks.is_blocked(blocker=organiser, blocked=requester)
    # Now hidden from this organiser: the same link no longer finds anyone.
    assert client.get(confirm).status_code == 404


def test_block_from_a_request_to_join_a_network(client):
    network, coordinator, _other = two_coordinator_network()
    requester = add_network_member(network, status=NetworkMembership.Status.PENDING)
    request = NetworkMembership.objects.get(user=requester)
    client.force_login(coordinator)
    confirm = f"/en/moderation/blocks/new/network_membership/{request.pk}/"
    roster = client.get(f"/en/diaspora/networks/{network.slug}/members/").content.decode()
    assert confirm in roster
    assert client.post(confirm).status_code == 302
    assert blocks.is_blocked(blocker=coordinator, blocked=requester)


@pytest.mark.parametrize(
    "path",
    [
        f"profile/{NOBODY}",
        "profile/not-a-uuid",
        "introduction/999999",
        "membership/abc",
        "network_membership/999999",
        "somewhere/1",
        # Digits to str.isdigit, not to int(): never a 500.
        "membership/%C2%B2",
        "introduction/%C2%B2",
        "network_membership/%C2%B2",
        f"membership/{'9' * 30}",
    ],
)
def test_unknown_references_answer_404(client, path):
    client.force_login(UserFactory())
    assert client.get(f"/en/moderation/blocks/new/{path}/").status_code == 404


def test_only_those_who_meet_someone_there_may_block_them_from_there(client, matching):
    need, organiser, profile = matching
    waiting = introduction_request(need=need, actor=organiser, profile=profile, message=MESSAGE)
    initiative, _organiser, _other = approval_initiative()
    request = initiative_join(initiative=initiative, user=UserFactory())
    client.force_login(UserFactory())
    for path in (f"introduction/{waiting.pk}", f"membership/{request.pk}"):
        assert client.get(f"/en/moderation/blocks/new/{path}/").status_code == 404
        assert client.post(f"/en/moderation/blocks/new/{path}/").status_code == 404
    assert not Block.objects.exists()


def test_unblock_from_the_list(client):
    me, them = UserFactory(), UserFactory()
    mine = block(me, them)
    client.force_login(me)
    html = client.get(BLOCKS_PAGE).content.decode()
    assert them.display_name in html
    response = client.post(f"/en/moderation/blocks/{mine.pk}/unblock/")
    assert response.status_code == 302
    assert not Block.objects.exists()
    assert "You have not blocked anyone" in client.get(BLOCKS_PAGE).content.decode()


def test_nobody_unblocks_for_someone_else(client):
    theirs = block(UserFactory(), UserFactory())
    client.force_login(UserFactory())
    assert client.post(f"/en/moderation/blocks/{theirs.pk}/unblock/").status_code == 404
    assert client.get(f"/en/moderation/blocks/{theirs.pk}/unblock/").status_code == 405
    assert Block.objects.count() == 1


def test_the_list_shows_only_my_blocks_and_paginates(client):
    me = UserFactory()
    block(UserFactory(display_name="Someone else's"), UserFactory(display_name="Not mine"))
    for _ in range(25):
        Block.objects.create(blocker=me, blocked=UserFactory())
    client.force_login(me)
    first = client.get(BLOCKS_PAGE)
    assert len(first.context["page"].object_list) == 20
    assert "Not mine" not in first.content.decode()
    second = client.get(BLOCKS_PAGE, {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_the_privacy_page_links_to_my_blocks(client):
    client.force_login(UserFactory())
    assert BLOCKS_PAGE in client.get("/en/account/privacy/").content.decode()


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", BLOCKS_PAGE),
        ("post", "/en/moderation/blocks/1/unblock/"),
        ("get", f"/en/moderation/blocks/new/profile/{NOBODY}/"),
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("rows", [3, 30])
def test_blocks_page_query_count(client, django_assert_num_queries, rows):
    me = UserFactory()
    for _ in range(rows):
        Block.objects.create(blocker=me, blocked=UserFactory())
    client.force_login(me)
    warm_navigation(client)
    # session, user, the count for the paginator, one page of blocks with the people.
    with django_assert_num_queries(4):
        response = client.get(BLOCKS_PAGE)
    assert len(response.context["page"].object_list) == min(rows, 20)


# --- API ------------------------------------------------------------------------------------


def test_api_block_list_and_unblock(matching):
    need, organiser, profile = matching
    waiting = introduction_request(need=need, actor=organiser, profile=profile, message=MESSAGE)
    api = signed_in(profile.user)
    created = api.post(
        BLOCKS_API, {"source": "introduction", "reference": str(waiting.pk)}, format="json"
    )
    assert created.status_code == 201
    body = created.json()
    assert body["display_name"] == organiser.display_name
    assert set(body) == {"id", "display_name", "created_at"}
    again = api.post(
        BLOCKS_API, {"source": "introduction", "reference": str(waiting.pk)}, format="json"
    )
    # The request is now hidden from the inbox, so it no longer names anyone.
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "unknown_person"

    profile_of_organiser = ProfileFactory(user=organiser)
    same = api.post(
        BLOCKS_API,
        {"source": "profile", "reference": str(profile_of_organiser.public_id)},
        format="json",
    )
    assert same.status_code == 200
    assert same.json()["id"] == body["id"]

    listed = api.get(BLOCKS_API).json()
    assert [row["id"] for row in listed["results"]] == [body["id"]]
    assert api.delete(f"{BLOCKS_API}{body['id']}/").status_code == 204
    assert not Block.objects.exists()
    assert api.delete(f"{BLOCKS_API}{body['id']}/").status_code == 404


def test_api_refuses_to_block_oneself():
    profile = ProfileFactory()
    response = signed_in(profile.user).post(
        BLOCKS_API, {"source": "profile", "reference": str(profile.public_id)}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "self_block"
    assert error["message"] == "You cannot block yourself."
    assert not Block.objects.exists()


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"source": "profile", "reference": NOBODY}, "unknown_person"),
        ({"source": "profile", "reference": "nope"}, "unknown_person"),
        ({"source": "membership", "reference": "12345"}, "unknown_person"),
        ({"source": "membership", "reference": "²"}, "unknown_person"),
        ({"source": "introduction", "reference": "²"}, "unknown_person"),
        ({"source": "network_membership", "reference": "²"}, "unknown_person"),
        ({"source": "membership", "reference": "9" * 30}, "unknown_person"),
        ({"source": "elsewhere", "reference": "1"}, "validation_error"),
        ({"source": "profile"}, "validation_error"),
    ],
)
def test_api_unknown_people_and_bad_input_are_clear_errors(payload, code):
    response = signed_in(UserFactory()).post(BLOCKS_API, payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert not Block.objects.exists()


def test_api_a_request_one_cannot_see_names_nobody():
    initiative, _organiser, _other = approval_initiative()
    request = initiative_join(initiative=initiative, user=UserFactory())
    response = signed_in(UserFactory()).post(
        BLOCKS_API, {"source": "membership", "reference": str(request.pk)}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_person"


def test_api_for_organisers_from_the_roster():
    initiative, organiser, _other = approval_initiative()
    requester = UserFactory()
    request = initiative_join(initiative=initiative, user=requester)
    response = signed_in(organiser).post(
        BLOCKS_API, {"source": "membership", "reference": str(request.pk)}, format="json"
    )
    assert response.status_code == 201
    assert blocks.is_blocked(blocker=organiser, blocked=requester)


def test_api_only_ones_own_blocks():
    theirs = block(UserFactory(), UserFactory())
    api = signed_in(UserFactory())
    assert api.get(BLOCKS_API).json()["count"] == 0
    assert api.delete(f"{BLOCKS_API}{theirs.pk}/").status_code == 404
    assert Block.objects.count() == 1


@pytest.mark.parametrize(
    ("method", "url"), [("get", BLOCKS_API), ("post", BLOCKS_API), ("delete", f"{BLOCKS_API}1/")]
)
def test_api_anonymous_answers_401(method, url):
    block(UserFactory(), UserFactory())
    response = getattr(APIClient(), method)(url, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert Block.objects.count() == 1


@pytest.mark.parametrize("rows", [3, 30])
def test_blocks_endpoint_query_count(django_assert_num_queries, rows):
    me = UserFactory()
    for _ in range(rows):
        Block.objects.create(blocker=me, blocked=UserFactory())
    api = signed_in(me)
    # the count for the paginator, one page of blocks with the people.
    with django_assert_num_queries(2):
        response = api.get(BLOCKS_API)
    assert response.json()["count"] == rows
    assert len(response.json()["results"]) == min(rows, 20)
