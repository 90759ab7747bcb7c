"""The FROM-level API: own profile, networks, joint projects, matches and introductions.

Errors have one shape: {"error": {"code", "message", "fields"}}."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from zeal import zeal_ignore

from diaspora.models import (
    DiasporaProfile,
    FieldVisibility,
    Introduction,
    JointProject,
    Network,
    NetworkMembership,
    ProfileLanguage,
    ProfileSkill,
    WorkMode,
)
from diaspora.selectors import match_reference
from engagement.models import Initiative
from humena.notifications.models import OutboxEvent
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_language,
    give_skill,
)
from tests.engagement.factories import (
    InitiativeFactory,
    NeedFactory,
    SkillFactory,
    ThemeFactory,
    add_member,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = "/api/v1/diaspora/profile/"
NETWORKS = "/api/v1/networks/"
PROJECTS = "/api/v1/joint-projects/"
INTRODUCTIONS = "/api/v1/introductions/"


@pytest.fixture
def api():
    return APIClient()


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


def matches_url(need) -> str:
    return f"/api/v1/needs/{need.pk}/matches/"


# --- own profile ---------------------------------------------------------------------------


def test_anonymous_visitors_have_no_profile(api):
    assert_error(api.get(PROFILE), 401, "not_authenticated")
    assert_error(api.patch(PROFILE, {"bio": "Hi"}, format="json"), 401, "not_authenticated")
    assert DiasporaProfile.objects.count() == 0


def test_get_creates_the_profile_once_and_returns_it():
    user = UserFactory()
    client = signed_in(user)

    first = client.get(PROFILE)

    assert first.status_code == 200
    profile = DiasporaProfile.objects.get(user=user)
    body = first.json()
    assert body["public_id"] == str(profile.public_id)
    assert body["languages"] == []
    assert body["skills"] == []
    assert body["consent_to_matching"] is False
    assert body["visibility"] == {}
    second = client.get(PROFILE)
    assert second.json()["public_id"] == str(profile.public_id)
    assert DiasporaProfile.objects.filter(user=user).count() == 1


def test_get_returns_the_existing_profile_with_its_parts():
    profile = ProfileFactory(bio="Translator.")
    give_language(profile, "ar", ProfileLanguage.Level.NATIVE)
    give_skill(profile, SkillFactory(slug="translation"), level=4, years=12)
    body = signed_in(profile.user).get(PROFILE).json()
    assert body["public_id"] == str(profile.public_id)
    assert body["bio"] == "Translator."
    assert body["origin_country"] == "SY"
    assert body["languages"] == [{"language": "ar", "level": 4}]
    assert body["skills"] == [{"skill": "translation", "level": 4, "years": 12}]


def test_patch_writes_languages_skills_availability_visibility_and_consent():
    SkillFactory(slug="translation")
    SkillFactory(slug="accounting")
    user = UserFactory()
    client = signed_in(user)

    response = client.patch(
        PROFILE,
        {
            "origin_country": "SY",
            "residence_country": "DE",
            "residence_city": " Berlin ",
            "languages": [{"language": "ar", "level": 4}, {"language": "de", "level": 2}],
            "skills": [
                {"skill": "translation", "level": 3, "years": 5},
                {"skill": "accounting", "level": 1},
            ],
            "hours_per_month": 8,
            "work_mode": "both",
            "contributions": ["mentoring", "expertise", "mentoring"],
            "visibility": {"skills": "public", "bio": "networks"},
            "consent_to_matching": True,
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    profile = DiasporaProfile.objects.get(user=user)
    assert (profile.origin_country.code, profile.residence_country.code) == ("SY", "DE")
    assert profile.residence_city == "Berlin"  # the service strips
    assert sorted(profile.languages.values_list("language", "level")) == [("ar", 4), ("de", 2)]
    assert sorted(profile.skills.values_list("skill__slug", "level", "years")) == [
        ("accounting", 1, 0),
        ("translation", 3, 5),
    ]
    assert profile.hours_per_month == 8
    assert profile.work_mode == WorkMode.BOTH
    assert profile.contributions == ["expertise", "mentoring"]  # the service sorts, once each
    # Fields not named stay staff-only: the service writes the whole map.
    assert profile.visibility == {
        "origin_country": "staff",
        "residence": "staff",
        "languages": "staff",
        "skills": "public",
        "availability": "staff",
        "contributions": "staff",
        "bio": "networks",
    }
    assert profile.consent_to_matching is True
    assert profile.consent_given_at is not None
    assert profile.wizard_step == 6  # every step's service ran
    body = response.json()
    assert body["visibility"]["bio"] == "networks"
    assert len(body["skills"]) == 2


def test_patch_replaces_the_skills_and_keeps_what_it_does_not_name():
    profile = ProfileFactory(bio="Before.", residence_city="Berlin")
    give_skill(profile, SkillFactory(slug="old-skill"))
    give_language(profile, "fr")
    SkillFactory(slug="translation")
    response = signed_in(profile.user).patch(
        PROFILE, {"skills": [{"skill": "translation", "level": 2, "years": 1}]}, format="json"
    )
    assert response.status_code == 200, response.content
    assert list(profile.skills.values_list("skill__slug", flat=True)) == ["translation"]
    assert list(profile.languages.values_list("language", flat=True)) == ["fr"]
    profile.refresh_from_db()
    assert profile.bio == "Before."


def test_patching_the_city_keeps_the_countries():
    profile = ProfileFactory(origin_country="SY", residence_country="DE")
    response = signed_in(profile.user).patch(PROFILE, {"residence_city": "Hamburg"}, format="json")
    assert response.status_code == 200, response.content
    profile.refresh_from_db()
    assert profile.residence_city == "Hamburg"
    assert (profile.origin_country.code, profile.residence_country.code) == ("SY", "DE")


def test_withdrawing_consent_forgets_when_it_was_given():
    profile = ProfileFactory(consent_to_matching=True)
    response = signed_in(profile.user).patch(PROFILE, {"consent_to_matching": False}, format="json")
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.consent_to_matching is False
    assert profile.consent_given_at is None
    # What each field's audience was is kept.
    assert set(profile.visibility.values()) == {FieldVisibility.PUBLIC}


def _snapshot(profile: DiasporaProfile) -> tuple:
    # The test's own check, read before and after a request.
    with zeal_ignore([{"model": "diaspora.DiasporaProfile"}]):
        profile = DiasporaProfile.objects.get(pk=profile.pk)
        return (
            profile.bio,
            profile.hours_per_month,
            profile.contributions,
            profile.visibility,
            profile.consent_to_matching,
            sorted(profile.languages.values_list("language", "level")),
            sorted(profile.skills.values_list("skill__slug", "level", "years")),
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"skills": [{"skill": "no-such-skill", "level": 2}]}, "skills"),
        ({"skills": [{"skill": "translation", "level": 7}]}, "skills"),
        ({"skills": [{"skill": "translation", "level": 2, "years": -1}]}, "skills"),
        ({"languages": [{"language": "ar", "level": 7}]}, "languages"),
        ({"languages": [{"language": "xx-nonsense", "level": 2}]}, "languages"),
        ({"hours_per_month": -3}, "hours_per_month"),
        ({"hours_per_month": 161}, "hours_per_month"),
        ({"visibility": {"email": "public"}}, "visibility"),
        ({"visibility": {"bio": "everyone"}}, "visibility"),
        ({"work_mode": "teleport"}, "work_mode"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        # Refused by the service, after the about-step already ran: rolled back.
        ({"contributions": ["juggling"]}, "contributions"),
    ],
)
def test_bad_input_answers_400_naming_the_field_and_changes_nothing(changes, field):
    SkillFactory(slug="translation")
    profile = ProfileFactory(bio="Before.", hours_per_month=10, contributions=["mentoring"])
    give_language(profile, "fr", ProfileLanguage.Level.FLUENT)
    give_skill(profile, SkillFactory(slug="accounting"), level=2, years=3)
    before = _snapshot(profile)

    response = signed_in(profile.user).patch(
        PROFILE, {"bio": "After.", "consent_to_matching": False, **changes}, format="json"
    )

    error = assert_error(response, 400, "validation_error")
    assert field in error["fields"], error
    assert _snapshot(profile) == before


def test_a_skill_that_is_no_longer_offered_is_refused():
    SkillFactory(slug="retired", is_active=False)
    profile = ProfileFactory()
    response = signed_in(profile.user).patch(
        PROFILE, {"skills": [{"skill": "retired", "level": 2}]}, format="json"
    )
    assert "skills" in assert_error(response, 400, "validation_error")["fields"]
    assert ProfileSkill.objects.count() == 0


# --- networks ------------------------------------------------------------------------------


def network_names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


def test_network_list_shows_public_active_networks_and_members_only_ones_to_members(api):
    NetworkFactory(name="Open forum")
    circle = NetworkFactory(name="Quiet circle", visibility=Network.Visibility.MEMBERS)
    NetworkFactory(name="Dormant", is_active=False)
    member = add_network_member(circle)
    pending = add_network_member(circle, status=NetworkMembership.Status.PENDING)
    assert network_names(api.get(NETWORKS)) == {"Open forum"}
    assert network_names(signed_in(UserFactory()).get(NETWORKS)) == {"Open forum"}
    assert network_names(signed_in(pending).get(NETWORKS)) == {"Open forum"}
    assert network_names(signed_in(member).get(NETWORKS)) == {"Open forum", "Quiet circle"}


def _populate_networks(count: int) -> list:
    themes = [ThemeFactory(), ThemeFactory()]
    for _ in range(count):
        NetworkFactory(themes=themes)
    return themes


@pytest.mark.parametrize("count", [3, 30])
def test_network_list_query_count_does_not_grow(api, django_assert_num_queries, count):
    themes = _populate_networks(count)
    # The paginator's count, the page of networks, and one prefetch of their themes.
    with django_assert_num_queries(3):
        response = api.get(NETWORKS)
    assert response.status_code == 200
    assert response.json()["count"] == count
    results = response.json()["results"]
    assert len(results) == min(count, 20)
    assert all(sorted(item["themes"]) == sorted(t.slug for t in themes) for item in results)


@pytest.mark.parametrize("count", [3, 30])
def test_network_list_query_count_for_a_member_does_not_grow(django_assert_num_queries, count):
    _populate_networks(count)
    client = signed_in(UserFactory())
    with django_assert_num_queries(3):
        response = client.get(NETWORKS)
    assert response.json()["count"] == count


def test_network_retrieve_hides_small_member_counts(api):
    network = NetworkFactory(
        slug="syrian-doctors",
        name="Syrian doctors",
        mission="Heal **together**.",
        mission_html="<p>Heal <strong>together</strong>.</p>",
    )
    network.themes.set([ThemeFactory(slug="health")])
    body = api.get(f"{NETWORKS}syrian-doctors/").json()
    assert body == {
        "slug": "syrian-doctors",
        "name": "Syrian doctors",
        "mission": "Heal **together**.",
        "mission_html": "<p>Heal <strong>together</strong>.</p>",
        "language": "en",
        "focus_countries": ["LB", "SY"],  # stored sorted
        "themes": ["health"],
        "visibility": "public",
        "join_policy": "approval",
        "member_count": None,
        "status": "published",
    }
    for _ in range(4):
        add_network_member(network)
    assert api.get(f"{NETWORKS}syrian-doctors/").json()["member_count"] == 5


def test_a_members_only_network_answers_404_to_non_members(api):
    circle = NetworkFactory(visibility=Network.Visibility.MEMBERS)
    url = f"{NETWORKS}{circle.slug}/"
    assert_error(api.get(url), 404, "not_found")
    assert_error(signed_in(UserFactory()).get(url), 404, "not_found")
    pending = add_network_member(circle, status=NetworkMembership.Status.PENDING)
    assert_error(signed_in(pending).get(url), 404, "not_found")
    assert signed_in(add_network_member(circle)).get(url).status_code == 200
    assert_error(api.get(f"{NETWORKS}no-such-network/"), 404, "not_found")


def test_joining_and_leaving_need_an_account(api):
    network = NetworkFactory()
    assert_error(api.post(f"{NETWORKS}{network.slug}/join/"), 401, "not_authenticated")
    assert_error(api.post(f"{NETWORKS}{network.slug}/leave/"), 401, "not_authenticated")
    assert NetworkMembership.objects.filter(network=network).count() == 1


def test_joining_a_network_that_approves_asks():
    network = NetworkFactory()
    user = UserFactory()
    response = signed_in(user).post(f"{NETWORKS}{network.slug}/join/")
    assert response.status_code == 201
    assert response.json() == {"role": "member", "status": "pending", "joined_at": None}
    assert NetworkMembership.objects.get(network=network, user=user).status == "pending"
    assert OutboxEvent.objects.filter(name="diaspora.network_membership.requested").count() == 1


def test_joining_an_open_network_and_leaving_it():
    network = NetworkFactory(join_policy=Network.JoinPolicy.OPEN)
    user = UserFactory()
    client = signed_in(user)

    response = client.post(f"{NETWORKS}{network.slug}/join/")

    assert response.status_code == 201
    assert response.json()["status"] == "approved"
    assert response.json()["joined_at"] is not None
    assert Network.objects.get(pk=network.pk).member_count == 2

    response = client.post(f"{NETWORKS}{network.slug}/leave/")

    assert response.status_code == 204
    assert NetworkMembership.objects.get(network=network, user=user).status == "left"
    assert Network.objects.get(pk=network.pk).member_count == 1


def test_joining_a_members_only_network_answers_404():
    circle = NetworkFactory(visibility=Network.Visibility.MEMBERS)
    assert_error(signed_in(UserFactory()).post(f"{NETWORKS}{circle.slug}/join/"), 404, "not_found")
    assert NetworkMembership.objects.filter(network=circle).count() == 1


def test_leaving_without_being_a_member_and_the_last_coordinator_leaving_are_refused():
    network = NetworkFactory()
    # Someone who is not a member has nothing to leave: 404, as for the pages.
    assert_error(
        signed_in(UserFactory()).post(f"{NETWORKS}{network.slug}/leave/"), 404, "not_found"
    )
    response = signed_in(network.coordinator_user).post(f"{NETWORKS}{network.slug}/leave/")
    error = assert_error(response, 400, "validation_error")
    assert error["message"] == "You are the only coordinator: name another one before you leave."
    membership = NetworkMembership.objects.get(network=network, user=network.coordinator_user)
    assert membership.status == "approved"


# --- joint projects ------------------------------------------------------------------------


def project_titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


def test_joint_project_list_shows_public_projects_and_the_users_own(api):
    JointProjectFactory(title="Agreed one", status=JointProject.Status.AGREED)
    JointProjectFactory(title="Done one", status=JointProject.Status.COMPLETED)
    proposal = JointProjectFactory(title="Proposal")
    JointProjectFactory(
        title="Private one",
        status=JointProject.Status.ACTIVE,
        initiative=InitiativeFactory(visibility=Initiative.Visibility.MEMBERS),
    )
    assert project_titles(api.get(PROJECTS)) == {"Agreed one", "Done one"}
    participant = UserFactory()
    proposal.participants.add(participant)
    assert project_titles(signed_in(participant).get(PROJECTS)) == {
        "Agreed one",
        "Done one",
        "Proposal",
    }


@pytest.mark.parametrize("count", [3, 30])
def test_joint_project_list_query_count_does_not_grow(api, django_assert_num_queries, count):
    network, initiative = NetworkFactory(), InitiativeFactory()
    for _ in range(count):
        JointProjectFactory(network=network, initiative=initiative, status="active")
    # The count, and the page with its initiatives and networks.
    with django_assert_num_queries(2):
        response = api.get(PROJECTS)
    assert response.json()["count"] == count


def test_joint_project_retrieve(api):
    project = JointProjectFactory(
        slug="clinic-leaflets",
        title="Clinic leaflets",
        status=JointProject.Status.ACTIVE,
        initiative=InitiativeFactory(slug="sfax-clinic"),
        network=NetworkFactory(slug="syrian-doctors"),
    )
    body = api.get(f"{PROJECTS}clinic-leaflets/").json()
    assert body["slug"] == "clinic-leaflets"
    assert body["status"] == "active"
    assert body["initiative"] == "sfax-clinic"
    assert body["network"] == "syrian-doctors"
    assert project.title == body["title"]


def test_a_proposed_project_answers_404_to_the_public_and_200_to_the_parties(api):
    project = JointProjectFactory()
    url = f"{PROJECTS}{project.slug}/"
    assert_error(api.get(url), 404, "not_found")
    assert_error(signed_in(UserFactory()).get(url), 404, "not_found")
    assert_error(signed_in(add_network_member(project.network)).get(url), 404, "not_found")
    assert signed_in(project.network.coordinator_user).get(url).status_code == 200
    assert signed_in(project.initiative.organiser_user).get(url).status_code == 200


# --- matches -------------------------------------------------------------------------------


@pytest.fixture
def need_with_candidates():
    """A need for translation, two consenting candidates, one who did not consent."""
    skill = SkillFactory(slug="translation")
    need = NeedFactory(skill=skill, language="ar")
    people = {
        "best": UserFactory(display_name="Hiba Candidate", email="hiba.candidate@example.org"),
        "other": UserFactory(display_name="Yusuf Candidate", email="yusuf.candidate@example.org"),
        "private": UserFactory(display_name="Nour Private", email="nour.private@example.org"),
    }
    best = ProfileFactory(user=people["best"])
    give_skill(best, skill, level=4, years=10)
    give_language(best, "ar")
    other = ProfileFactory(user=people["other"], hours_per_month=0)
    give_skill(other, skill, level=2, years=1)
    private = ProfileFactory(user=people["private"], consent_to_matching=False)
    give_skill(private, skill, level=4, years=20)
    need.profiles = {"best": best, "other": other, "private": private}
    need.people = people
    return need


def test_the_organiser_sees_pseudonymous_matches(need_with_candidates):
    need = need_with_candidates
    response = signed_in(need.initiative.organiser_user).get(matches_url(need))

    assert response.status_code == 200
    cards = response.json()
    # Opaque references for this need: not the profiles' ids (which would lead to their pages).
    assert [card["match"] for card in cards] == [
        match_reference(need_id=need.pk, profile_id=need.profiles["best"].pk),
        match_reference(need_id=need.pk, profile_id=need.profiles["other"].pk),
    ]
    for profile in need.profiles.values():
        assert str(profile.public_id) not in response.content.decode()
    best = cards[0]
    assert best["skill"] == "translation"
    assert (best["level"], best["years"]) == (4, 10)
    assert best["languages"] == ["ar"]
    assert best["reasons"] == ["language", "fluent", "place", "available"]
    assert best["score"] == 40 + 20 + 20 + 5 + 15 + 10
    assert best["introduced"] is False
    text = response.content.decode()
    for person in need.people.values():
        assert person.email not in text
        assert person.display_name not in text
    assert "@" not in text


def test_staff_see_the_matches(need_with_candidates):
    need = need_with_candidates
    response = signed_in(StaffFactory()).get(matches_url(need))
    assert response.status_code == 200
    assert len(response.json()) == 2
    text = response.content.decode()
    for person in need.people.values():
        assert person.email not in text
        assert person.display_name not in text


def test_others_get_404_for_the_matches(api, need_with_candidates):
    need = need_with_candidates
    coordinator = NetworkFactory().coordinator_user
    for user in (UserFactory(), add_member(need.initiative), coordinator, need.people["best"]):
        assert_error(signed_in(user).get(matches_url(need)), 404, "not_found")
    assert_error(signed_in(UserFactory()).get("/api/v1/needs/999999/matches/"), 404, "not_found")
    assert_error(api.get(matches_url(need)), 401, "not_authenticated")


# --- introductions -------------------------------------------------------------------------


def _ask(need, profile, actor=None) -> object:
    return signed_in(actor or need.initiative.organiser_user).post(
        INTRODUCTIONS,
        {
            "need": need.pk,
            "match": match_reference(need_id=need.pk, profile_id=profile.pk),
            "message": "Could you translate our leaflets?",
        },
        format="json",
    )


def test_the_organiser_asks_for_an_introduction(need_with_candidates):
    need = need_with_candidates
    member = need.people["best"]

    response = _ask(need, need.profiles["best"])

    assert response.status_code == 201, response.content
    introduction = Introduction.objects.get()
    assert response.json() == {
        "id": introduction.pk,
        "need": need.pk,
        "initiative": need.initiative.slug,
        "message": "Could you translate our leaflets?",
        "status": "requested",
        "expires_at": response.json()["expires_at"],
        "contact": None,
    }
    assert (introduction.member, introduction.requested_by) == (
        member,
        need.initiative.organiser_user,
    )
    [event] = OutboxEvent.objects.filter(name="diaspora.introduction.requested")
    assert event.payload == {"introduction_id": introduction.pk, "user_id": member.pk}
    # The match card now says so.
    cards = signed_in(need.initiative.organiser_user).get(matches_url(need)).json()
    assert [card["introduced"] for card in cards] == [True, False]


def test_a_member_who_is_not_an_organiser_may_not_ask(need_with_candidates):
    need = need_with_candidates
    member = add_member(need.initiative)
    # Matches and introductions do not exist for anyone but the need's organisers: 404.
    assert_error(_ask(need, need.profiles["best"], member), 404, "not_found")
    assert Introduction.objects.count() == 0


def test_someone_who_may_not_see_the_initiative_gets_404(need_with_candidates):
    need = need_with_candidates
    Initiative.objects.filter(pk=need.initiative_id).update(
        visibility=Initiative.Visibility.MEMBERS
    )
    need.refresh_from_db()
    assert_error(_ask(need, need.profiles["best"], UserFactory()), 404, "not_found")
    assert Introduction.objects.count() == 0


def test_a_member_who_did_not_consent_cannot_be_asked(need_with_candidates):
    need = need_with_candidates
    assert_error(_ask(need, need.profiles["private"]), 404, "not_found")
    assert Introduction.objects.count() == 0


def test_asking_twice_is_refused(need_with_candidates):
    need = need_with_candidates
    assert _ask(need, need.profiles["best"]).status_code == 201
    error = assert_error(_ask(need, need.profiles["best"]), 400, "validation_error")
    assert error["message"] == "You already asked for this introduction."
    assert Introduction.objects.count() == 1


def test_anonymous_visitors_cannot_use_introductions(api, need_with_candidates):
    need = need_with_candidates
    assert_error(api.get(INTRODUCTIONS), 401, "not_authenticated")
    response = api.post(
        INTRODUCTIONS,
        {
            "need": need.pk,
            "match": match_reference(need_id=need.pk, profile_id=need.profiles["best"].pk),
            "message": "x" * 20,
        },
        format="json",
    )
    assert_error(response, 401, "not_authenticated")
    assert Introduction.objects.count() == 0


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_anonymous_visitors_cannot_answer_an_introduction(need_with_candidates, answer):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    api = APIClient(raise_request_exception=False)
    response = api.post(f"{INTRODUCTIONS}{introduction_id}/{answer}/")
    assert_error(response, 401, "not_authenticated")
    assert Introduction.objects.get().status == "requested"


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_both_parties_list_the_introduction_and_nobody_else(need_with_candidates):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    organiser = need.initiative.organiser_user
    member = need.people["best"]
    for user in (organiser, member):
        response = signed_in(user).get(INTRODUCTIONS)
        assert _ids(response) == [introduction_id]
        assert response.json()["results"][0]["contact"] is None
    assert _ids(signed_in(need.people["other"]).get(INTRODUCTIONS)) == []
    assert _ids(signed_in(UserFactory()).get(INTRODUCTIONS)) == []


def test_the_member_accepts_and_both_see_each_others_contact(need_with_candidates):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    organiser = need.initiative.organiser_user
    member = need.people["best"]

    response = signed_in(member).post(f"{INTRODUCTIONS}{introduction_id}/accept/")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    assert response.json()["contact"] == {
        "display_name": organiser.display_name,
        "email": organiser.email,
    }
    [seen_by_organiser] = signed_in(organiser).get(INTRODUCTIONS).json()["results"]
    assert seen_by_organiser["contact"] == {
        "display_name": "Hiba Candidate",
        "email": "hiba.candidate@example.org",
    }
    [seen_by_member] = signed_in(member).get(INTRODUCTIONS).json()["results"]
    assert seen_by_member["contact"]["email"] == organiser.email
    [event] = OutboxEvent.objects.filter(name="diaspora.introduction.accepted")
    assert event.payload == {"introduction_id": introduction_id, "user_id": organiser.pk}


def test_the_member_declines_and_no_contact_is_shown(need_with_candidates):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    member = need.people["best"]

    response = signed_in(member).post(f"{INTRODUCTIONS}{introduction_id}/decline/")

    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["contact"] is None
    [seen_by_organiser] = (
        signed_in(need.initiative.organiser_user).get(INTRODUCTIONS).json()["results"]
    )
    assert seen_by_organiser["status"] == "declined"
    assert seen_by_organiser["contact"] is None
    # An answered request cannot be answered again.
    again = signed_in(member).post(f"{INTRODUCTIONS}{introduction_id}/accept/")
    assert assert_error(again, 400, "validation_error")["message"] == (
        "This request can no longer be answered."
    )
    assert Introduction.objects.get().status == "declined"


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_only_the_member_answers(need_with_candidates, answer):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    for user in (need.initiative.organiser_user, need.people["other"], StaffFactory()):
        response = signed_in(user).post(f"{INTRODUCTIONS}{introduction_id}/{answer}/")
        assert_error(response, 404, "not_found")
    introduction = Introduction.objects.get()
    assert introduction.status == "requested"
    assert introduction.responded_at is None


@pytest.mark.parametrize("count", [3, 30])
def test_introduction_list_query_count_does_not_grow(django_assert_num_queries, count):
    organiser = UserFactory()
    initiative = InitiativeFactory(organiser=organiser)
    skill = SkillFactory()
    for _ in range(count):
        need = NeedFactory(initiative=initiative, skill=skill)
        profile = ProfileFactory()
        Introduction.objects.create(
            need=need,
            requested_by=organiser,
            member=profile.user,
            message="Could you help us?",
            status=Introduction.Status.ACCEPTED,
            expires_at="2099-01-01T00:00:00Z",
        )
    client = signed_in(organiser)
    # The count, and the page with needs, initiatives and both parties.
    with django_assert_num_queries(2):
        response = client.get(INTRODUCTIONS)
    assert response.json()["count"] == count
    assert all(item["contact"]["email"] for item in response.json()["results"])


def test_a_request_for_a_filled_need_is_refused(need_with_candidates):
    need = need_with_candidates
    need.status = "filled"
    need.save(update_fields=["status"])
    error = assert_error(_ask(need, need.profiles["best"]), 400, "validation_error")
    assert error["message"] == "This need is already filled."
    assert Introduction.objects.count() == 0


def test_answering_an_expired_request_marks_it_expired(need_with_candidates):
    need = need_with_candidates
    introduction_id = _ask(need, need.profiles["best"]).json()["id"]
    Introduction.objects.filter(pk=introduction_id).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = signed_in(need.people["best"]).post(f"{INTRODUCTIONS}{introduction_id}/accept/")
    assert assert_error(response, 400, "validation_error")["message"] == (
        "This request can no longer be answered."
    )
    assert Introduction.objects.get().status == "expired"


@pytest.mark.parametrize("contributions", [5, [[1]], ["flying"]])
def test_malformed_contributions_are_a_clear_error(contributions):
    response = signed_in(UserFactory()).patch(
        "/api/v1/diaspora/profile/", {"contributions": contributions}, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert "contributions" in error["fields"]


def test_a_non_numeric_introduction_id_is_404():
    response = signed_in(UserFactory()).post("/api/v1/introductions/abc/accept/")
    assert response.status_code == 404


def test_a_pending_member_of_a_members_only_network_may_withdraw():
    from diaspora.models import Network

    network = NetworkFactory(visibility=Network.Visibility.MEMBERS)
    pending = add_network_member(network, status=NetworkMembership.Status.PENDING)
    response = signed_in(pending).post(f"{NETWORKS}{network.slug}/leave/")
    assert response.status_code == 204
    assert NetworkMembership.objects.get(user=pending).status == "left"
