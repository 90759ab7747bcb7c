"""Introductions: requested by an organiser, answered by the member; contacts shared only after
acceptance; expiry; no contact with people who did not consent."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from diaspora.models import Introduction
from diaspora.selectors import match_reference
from diaspora.services import introductions_expire
from engagement.models import Initiative, Need
from humena.notifications.models import OutboxEvent
from tests.conftest import warm_navigation
from tests.diaspora.factories import ProfileFactory, give_skill
from tests.engagement.factories import NeedFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    need = NeedFactory()
    profile = ProfileFactory()
    give_skill(profile, need.skill)
    return need, profile


def request_intro(client, need, profile, message="We need help with a legal report."):
    return client.post(
        f"/en/diaspora/needs/{need.pk}/matches/",
        {"match": match_reference(need_id=need.pk, profile_id=profile.pk), "message": message},
    )


def test_lifecycle_with_contacts_hidden_until_acceptance(client, setup):
    need, profile = setup
    organiser = need.initiative.organiser_user
    client.force_login(organiser)
    response = request_intro(client, need, profile)
    assert response.status_code == 302
    intro = Introduction.objects.get()
    assert (intro.status, intro.member, intro.requested_by) == (
        "requested",
        profile.user,
        organiser,
    )
    assert OutboxEvent.objects.filter(name="diaspora.introduction.requested").count() == 1

    # Before acceptance neither side sees the other's email.
    assert profile.user.email not in client.get("/en/diaspora/introductions/").content.decode()
    client.force_login(profile.user)
    html = client.get("/en/diaspora/introductions/").content.decode()
    assert "We need help with a legal report." in html
    assert organiser.email not in html

    response = client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "accept"})
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.ACCEPTED
    assert organiser.email in client.get("/en/diaspora/introductions/").content.decode()
    client.force_login(organiser)
    assert profile.user.email in client.get("/en/diaspora/introductions/").content.decode()


def test_declining_shares_nothing(client, setup):
    need, profile = setup
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    intro = Introduction.objects.get()
    client.force_login(profile.user)
    client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "decline"})
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.DECLINED
    client.force_login(need.initiative.organiser_user)
    assert profile.user.email not in client.get("/en/diaspora/introductions/").content.decode()


def test_only_the_member_answers(client, setup):
    need, profile = setup
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    intro = Introduction.objects.get()
    response = client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "accept"})
    assert response.status_code == 404
    client.force_login(UserFactory())
    response = client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "accept"})
    assert response.status_code == 404
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.REQUESTED


def test_non_consenting_members_cannot_be_reached(client, setup):
    need, profile = setup
    profile.consent_to_matching = False
    profile.save()
    client.force_login(need.initiative.organiser_user)
    assert request_intro(client, need, profile).status_code == 404
    assert not Introduction.objects.exists()


def test_only_organisers_of_the_need_may_ask(client, setup):
    need, profile = setup
    client.force_login(UserFactory())
    assert request_intro(client, need, profile).status_code == 404
    assert not Introduction.objects.exists()


def test_asking_twice_and_a_too_short_message_are_refused(client, setup):
    need, profile = setup
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile, message="Hi")
    assert not Introduction.objects.exists()
    request_intro(client, need, profile)
    response = request_intro(client, need, profile)
    assert Introduction.objects.count() == 1
    assert "already asked" in client.get(response["Location"]).content.decode()


def test_requests_expire(client, setup):
    need, profile = setup
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    intro = Introduction.objects.get()
    later = timezone.now() + datetime.timedelta(days=15)
    assert introductions_expire(now=later) == 1
    assert introductions_expire(now=later) == 0
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.EXPIRED
    client.force_login(profile.user)
    client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "accept"})
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.EXPIRED


def test_a_declined_introduction_is_not_asked_again(client, setup):
    need, profile = setup
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    intro = Introduction.objects.get()
    client.force_login(profile.user)
    client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "decline"})
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    assert Introduction.objects.count() == 1
    html = client.get(f"/en/diaspora/needs/{need.pk}/matches/").content.decode()
    assert "Already asked." in html


def test_people_without_the_skill_cannot_be_reached(client):
    need = NeedFactory()
    stranger = ProfileFactory()  # consented, but does not have the need's skill
    client.force_login(need.initiative.organiser_user)
    from diaspora.selectors import match_reference

    response = client.post(
        f"/en/diaspora/needs/{need.pk}/matches/",
        {"match": match_reference(need_id=need.pk, profile_id=stranger.pk), "message": "x" * 30},
    )
    assert response.status_code == 404
    assert not Introduction.objects.exists()


def test_a_reference_for_another_need_or_forged_is_refused(client, setup):
    need, profile = setup
    other = NeedFactory(initiative=need.initiative, skill=need.skill)
    client.force_login(need.initiative.organiser_user)
    from diaspora.selectors import match_reference

    for reference in [match_reference(need_id=other.pk, profile_id=profile.pk), "forged:123"]:
        response = client.post(
            f"/en/diaspora/needs/{need.pk}/matches/", {"match": reference, "message": "x" * 30}
        )
        assert response.status_code == 404
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_introductions_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    profile = ProfileFactory()
    statuses = [Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED]
    for n in range(count):
        need = NeedFactory()
        Introduction.objects.create(
            need=need,
            requested_by=need.initiative.organiser_user,
            member=profile.user,
            message=f"Could you help us with report {n}?",
            status=statuses[n % 2],
            expires_at=timezone.now() + datetime.timedelta(days=14),
        )
    client.force_login(profile.user)
    warm_navigation(client)
    # session, user, and the received and the sent introductions, each with its need, skill,
    # initiative and people.
    with django_assert_num_queries(4):
        response = client.get("/en/diaspora/introductions/")
    assert response.status_code == 200
    assert len(response.context["received"]) == count


# --- A need or initiative that may not contact members ---------------------------------------


def _make_unreachable(need, how: str) -> None:
    """Hidden by moderators (the need or its initiative), or an initiative not published."""
    if how == "hidden need":
        Need.objects.filter(pk=need.pk).update(hidden_at=timezone.now())
    elif how == "hidden initiative":
        Initiative.objects.filter(pk=need.initiative_id).update(hidden_at=timezone.now())
    else:
        Initiative.objects.filter(pk=need.initiative_id).update(status=how)


def _waiting_request(client, need, profile) -> Introduction:
    client.force_login(need.initiative.organiser_user)
    request_intro(client, need, profile)
    return Introduction.objects.get()


UNREACHABLE = [
    "hidden need",
    "hidden initiative",
    Initiative.Status.DRAFT,
    Initiative.Status.IN_REVIEW,
    Initiative.Status.REJECTED,
]


@pytest.mark.parametrize("how", UNREACHABLE)
def test_a_hidden_or_unpublished_need_cannot_ask_for_an_introduction(client, setup, how):
    need, profile = setup
    _make_unreachable(need, how)
    organiser = need.initiative.organiser_user
    client.force_login(organiser)
    assert request_intro(client, need, profile).status_code == 404
    api = APIClient()
    api.force_authenticate(organiser)
    payload = {
        "need": need.pk,
        "match": match_reference(need_id=need.pk, profile_id=profile.pk),
        "message": "Could you help us, please?",
    }
    assert api.post("/api/v1/introductions/", payload, format="json").status_code == 404
    assert not Introduction.objects.exists()
    assert not OutboxEvent.objects.filter(name="diaspora.introduction.requested").exists()


@pytest.mark.parametrize("how", UNREACHABLE)
def test_a_waiting_request_of_a_hidden_or_unpublished_need_is_out_of_the_inbox(client, setup, how):
    need, profile = setup
    intro = _waiting_request(client, need, profile)
    _make_unreachable(need, how)

    client.force_login(profile.user)
    page = client.get("/en/diaspora/introductions/")
    assert list(page.context["received"]) == []
    assert need.initiative.title not in page.content.decode()
    api = APIClient()
    api.force_authenticate(profile.user)
    assert api.get("/api/v1/introductions/").json()["results"] == []

    answer = f"/en/diaspora/introductions/{intro.pk}/answer/"
    assert client.post(answer, {"answer": "accept"}).status_code == 404
    assert api.post(f"/api/v1/introductions/{intro.pk}/accept/").status_code == 404
    intro.refresh_from_db()
    assert intro.status == Introduction.Status.REQUESTED
    assert not OutboxEvent.objects.filter(name="diaspora.introduction.accepted").exists()
    assert need.initiative.organiser_user.email not in page.content.decode()


def test_an_introduction_accepted_before_the_hiding_stays_in_the_inbox(client, setup):
    need, profile = setup
    intro = _waiting_request(client, need, profile)
    client.force_login(profile.user)
    client.post(f"/en/diaspora/introductions/{intro.pk}/answer/", {"answer": "accept"})
    _make_unreachable(need, "hidden initiative")
    page = client.get("/en/diaspora/introductions/")
    assert list(page.context["received"]) == [intro]  # who they already met, not a new contact
