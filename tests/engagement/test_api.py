"""The initiatives API (/api/v1/initiatives/...): visibility, filters, writes, error shape."""

import datetime
from decimal import Decimal

import pytest
import yaml
from django.db import connection
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from engagement import search
from engagement.models import Event, Initiative, Membership, Need, Update, Visibility
from tests.engagement.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    SkillFactory,
    ThemeFactory,
    UpdateFactory,
    add_member,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"
GEOJSON = "/api/v1/initiatives.geojson"


def detail(initiative: Initiative, suffix: str = "") -> str:
    return f"{LIST}{initiative.slug}/{suffix}"


@pytest.fixture
def api():
    return APIClient()


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


def private_initiative(**kwargs) -> Initiative:
    return InitiativeFactory(visibility=Initiative.Visibility.MEMBERS, **kwargs)


def draft_initiative(**kwargs) -> Initiative:
    return InitiativeFactory(status=Initiative.Status.DRAFT, **kwargs)


# --- list ----------------------------------------------------------------------------------------


def test_list_shows_only_published_public_initiatives_to_visitors(api):
    InitiativeFactory(title="Open garden")
    InitiativeFactory(title="Active clinic", status=Initiative.Status.ACTIVE)
    draft_initiative(title="Draft plan")
    private_initiative(title="Members circle")
    response = api.get(LIST)
    assert titles(response) == {"Open garden", "Active clinic"}
    assert response.json()["count"] == 2


def test_list_shows_a_members_only_initiative_to_its_approved_members_only(api):
    circle = private_initiative(title="Members circle")
    other_circle = private_initiative(title="Other circle")
    InitiativeFactory(title="Open garden")
    member = add_member(circle)
    pending = add_member(other_circle, status=Membership.Status.PENDING)
    assert titles(signed_in(member).get(LIST)) == {"Members circle", "Open garden"}
    assert titles(signed_in(pending).get(LIST)) == {"Open garden"}
    assert titles(signed_in(UserFactory()).get(LIST)) == {"Open garden"}
    assert titles(api.get(LIST)) == {"Open garden"}


def test_list_never_shows_drafts_even_to_a_member(api):
    plan = draft_initiative(title="Draft plan")
    member = add_member(plan)
    assert titles(signed_in(member).get(LIST)) == set()


def test_list_filters_by_country_and_city(api):
    InitiativeFactory(title="Tunis", country="TN", city="Tunis")
    InitiativeFactory(title="Sfax", country="TN", city="Sfax")
    InitiativeFactory(title="Cairo", country="EG", city="Cairo")
    assert titles(api.get(LIST, {"country": "TN"})) == {"Tunis", "Sfax"}
    assert titles(api.get(LIST, {"country": "eg"})) == {"Cairo"}
    assert titles(api.get(LIST, {"city": "sfax"})) == {"Sfax"}
    assert titles(api.get(LIST, {"country": "EG", "city": "Tunis"})) == set()


def test_list_filters_by_comma_separated_themes():
    water = ThemeFactory(slug="water")
    health = ThemeFactory(slug="health")
    schools = ThemeFactory(slug="schools")
    InitiativeFactory(title="Wells", themes=[water])
    InitiativeFactory(title="Clinic", themes=[health, schools])
    InitiativeFactory(title="Library", themes=[schools])
    InitiativeFactory(title="No theme")
    client = APIClient()
    assert titles(client.get(LIST, {"theme": "water"})) == {"Wells"}
    assert titles(client.get(LIST, {"theme": "water,health"})) == {"Wells", "Clinic"}
    assert titles(client.get(LIST, {"theme": "schools"})) == {"Clinic", "Library"}
    assert titles(client.get(LIST, {"theme": "no-such-theme"})) == set()
    # An initiative with two matching themes appears once.
    response = client.get(LIST, {"theme": "health,schools"})
    assert sorted(item["title"] for item in response.json()["results"]) == ["Clinic", "Library"]


def test_list_filters_by_status_and_hides_archived_unless_asked(api):
    InitiativeFactory(title="Open", status=Initiative.Status.OPEN)
    InitiativeFactory(title="Active", status=Initiative.Status.ACTIVE)
    InitiativeFactory(title="Completed", status=Initiative.Status.COMPLETED)
    InitiativeFactory(title="Archived", status=Initiative.Status.ARCHIVED)
    assert titles(api.get(LIST)) == {"Open", "Active", "Completed"}
    assert titles(api.get(LIST, {"status": "active"})) == {"Active"}
    assert titles(api.get(LIST, {"status": "archived"})) == {"Archived"}


def test_list_filters_by_an_open_need_for_a_skill_and_by_remote_needs(api):
    translation = SkillFactory(slug="translation")
    design = SkillFactory(slug="design")
    NeedFactory(initiative=InitiativeFactory(title="Translators"), skill=translation)
    NeedFactory(
        initiative=InitiativeFactory(title="Filled"), skill=translation, status=Need.Status.FILLED
    )
    NeedFactory(
        initiative=InitiativeFactory(title="Designers on site"),
        skill=design,
        remote_possible=False,
    )
    InitiativeFactory(title="No needs")
    assert titles(api.get(LIST, {"skill": "translation"})) == {"Translators"}
    assert titles(api.get(LIST, {"skill": "design"})) == {"Designers on site"}
    assert titles(api.get(LIST, {"remote": "true"})) == {"Translators"}
    assert titles(api.get(LIST, {"skill": "design", "remote": "true"})) == set()
    assert len(titles(api.get(LIST, {"remote": "false"}))) == 4


def test_list_sorts(api):
    now = datetime.datetime.now(tz=datetime.UTC)
    for days_ago, title, members in ((3, "Beta", 7), (2, "Alpha", 2), (1, "Gamma", 5)):
        initiative = InitiativeFactory(title=title)
        Initiative.objects.filter(pk=initiative.pk).update(
            created_at=now - datetime.timedelta(days=days_ago), member_count=members
        )

    def order(sort=None):
        response = api.get(LIST, {"sort": sort} if sort else {})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["results"]]

    assert order() == ["Gamma", "Alpha", "Beta"]
    assert order("newest") == ["Gamma", "Alpha", "Beta"]
    assert order("oldest") == ["Beta", "Alpha", "Gamma"]
    assert order("title") == ["Alpha", "Beta", "Gamma"]
    assert order("members") == ["Beta", "Gamma", "Alpha"]


def test_list_search_finds_words_in_title_summary_and_description(api):
    bees = InitiativeFactory(title="Urban beekeeping", summary="Hives on rooftops.")
    mangroves = InitiativeFactory(
        title="Coastal restoration", summary="Replanting mangroves along the shore."
    )
    budget = InitiativeFactory(
        title="Budget watch", summary="Reading accounts.", description="We publish audits."
    )
    hidden = private_initiative(title="Secret beekeeping club", summary="Bees.")
    # Initiatives made by factories skip the service: give them their search vectors (PostgreSQL).
    search.search_refresh([bees.pk, mangroves.pk, budget.pk, hidden.pk])
    assert titles(api.get(LIST, {"q": "beekeeping"})) == {"Urban beekeeping"}
    assert titles(api.get(LIST, {"q": "mangroves"})) == {"Coastal restoration"}
    assert titles(api.get(LIST, {"q": "audits"})) == {"Budget watch"}
    assert titles(api.get(LIST, {"q": "zeppelin"})) == set()
    # Search combines with the other filters.
    assert titles(api.get(LIST, {"q": "beekeeping", "country": "EG"})) == set()


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nonsense"},
        {"status": "draft"},
        {"sort": "sideways"},
    ],
)
def test_bad_filter_values_answer_400_with_the_error_shape(api, params):
    InitiativeFactory()
    response = api.get(LIST, params)
    error = assert_error(response, 400, "validation_error")
    assert set(error["fields"]) == set(params)


def test_bad_filter_values_on_the_geojson_endpoint_answer_400(api):
    response = api.get(GEOJSON, {"status": "nonsense"})
    error = assert_error(response, 400, "validation_error")
    assert "status" in error["fields"]


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(api, django_assert_num_queries, count):
    themes = [ThemeFactory(), ThemeFactory()]
    for _ in range(count):
        InitiativeFactory(themes=themes)
    # 1 count for the paginator + 1 page of initiatives + 1 prefetch of their themes.
    with django_assert_num_queries(3):
        response = api.get(LIST)
    assert response.status_code == 200
    assert response.json()["count"] == count
    results = response.json()["results"]
    assert len(results) == min(count, 20)
    assert all(sorted(item["themes"]) == sorted(t.slug for t in themes) for item in results)


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow_for_a_member(django_assert_num_queries, count):
    themes = [ThemeFactory(), ThemeFactory()]
    member = UserFactory()
    for _ in range(count):
        add_member(
            InitiativeFactory(themes=themes, visibility=Initiative.Visibility.MEMBERS), member
        )
    client = signed_in(member)
    with django_assert_num_queries(3):
        response = client.get(LIST)
    assert response.status_code == 200
    assert response.json()["count"] == count


# --- create --------------------------------------------------------------------------------------

NEW_INITIATIVE = {
    "title": "Budget watch Tunis",
    "summary": "Citizens read the municipal budget together.",
    "description": "We meet **monthly**.",
    "country": "TN",
    "city": "Tunis",
    "latitude": "36.81",
    "longitude": "10.18",
    "language": "fr",
    "status": "open",
    "visibility": "public",
    "join_policy": "open",
}


def test_a_member_creates_an_initiative_and_becomes_its_organiser():
    water = ThemeFactory(slug="water")
    user = UserFactory()
    response = signed_in(user).post(LIST, {**NEW_INITIATIVE, "themes": ["water"]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "budget-watch-tunis"
    assert body["themes"] == ["water"]
    assert body["description_html"] == "<p>We meet <strong>monthly</strong>.</p>\n"
    assert body["member_count"] is None  # one member: hidden under 5
    initiative = Initiative.objects.get(slug="budget-watch-tunis")
    assert initiative.created_by == user
    assert initiative.member_count == 1
    assert list(initiative.themes.all()) == [water]
    assert str(initiative.latitude) == "36.81"
    assert str(initiative.longitude) == "10.18"
    membership = Membership.objects.get(initiative=initiative)
    assert membership.user == user
    assert membership.role == Membership.Role.ORGANISER
    assert membership.status == Membership.Status.APPROVED


def test_precise_coordinates_are_rounded_to_about_a_kilometre():
    data = {**NEW_INITIATIVE, "latitude": "36.8065", "longitude": "10.1815"}
    response = signed_in(UserFactory()).post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    initiative = Initiative.objects.get(slug=response.json()["slug"])
    assert (str(initiative.latitude), str(initiative.longitude)) == ("36.81", "10.18")


def test_a_second_initiative_with_the_same_title_gets_another_slug():
    client = signed_in(UserFactory())
    first = client.post(LIST, NEW_INITIATIVE, format="json")
    second = client.post(LIST, NEW_INITIATIVE, format="json")
    assert first.json()["slug"] == "budget-watch-tunis"
    assert second.json()["slug"] == "budget-watch-tunis-2"


def test_anonymous_visitors_cannot_create(api):
    response = api.post(LIST, NEW_INITIATIVE, format="json")
    assert_error(response, 401, "not_authenticated")
    assert Initiative.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"country": "ZZ"}, "country"),
        ({"title": None}, "title"),
        ({"themes": ["no-such-theme"]}, "themes"),
        ({"status": "nonsense"}, "status"),
    ],
)
def test_create_validation_errors_name_the_field_and_write_nothing(changes, field):
    user = UserFactory()
    data = {**NEW_INITIATIVE, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    before = (Initiative.objects.count(), Membership.objects.count())
    response = signed_in(user).post(LIST, data, format="json")
    error = assert_error(response, 400, "validation_error")
    assert field in error["fields"]
    assert (Initiative.objects.count(), Membership.objects.count()) == before


def test_latitude_without_longitude_names_the_missing_field():
    data = {key: value for key, value in NEW_INITIATIVE.items() if key != "longitude"}
    before = (Initiative.objects.count(), Membership.objects.count())
    response = signed_in(UserFactory()).post(LIST, data, format="json")
    assert (Initiative.objects.count(), Membership.objects.count()) == before
    error = assert_error(response, 400, "validation_error")
    assert "longitude" in error.get("fields", {})


def test_latitude_without_longitude_is_refused_and_writes_nothing():
    data = {key: value for key, value in NEW_INITIATIVE.items() if key != "longitude"}
    before = (Initiative.objects.count(), Membership.objects.count())
    response = signed_in(UserFactory()).post(LIST, data, format="json")
    error = assert_error(response, 400, "validation_error")
    assert error["fields"] == {"longitude": ["Give both latitude and longitude, or neither."]}
    assert (Initiative.objects.count(), Membership.objects.count()) == before


# --- retrieve ------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [private_initiative, draft_initiative])
def test_private_initiatives_answer_404_to_visitors_and_non_members(api, make):
    initiative = make(title="Hidden")
    assert_error(api.get(detail(initiative)), 404, "not_found")
    assert_error(signed_in(UserFactory()).get(detail(initiative)), 404, "not_found")
    pending = add_member(initiative, status=Membership.Status.PENDING)
    assert_error(signed_in(pending).get(detail(initiative)), 404, "not_found")


@pytest.mark.parametrize("make", [private_initiative, draft_initiative])
def test_private_initiatives_answer_organisers_and_staff(make):
    initiative = make(title="Hidden")
    for user in (initiative.organiser_user, StaffFactory()):
        response = signed_in(user).get(detail(initiative))
        assert response.status_code == 200
        assert response.json()["title"] == "Hidden"
        assert response.json()["slug"] == initiative.slug


def test_a_members_only_initiative_answers_its_approved_members():
    initiative = private_initiative(title="Circle")
    member = add_member(initiative)
    response = signed_in(member).get(detail(initiative))
    assert response.status_code == 200
    assert response.json()["visibility"] == "members"


def test_retrieve_a_public_initiative(api):
    theme = ThemeFactory(slug="water")
    initiative = InitiativeFactory(
        title="Wells", themes=[theme], latitude="36.81", longitude="10.18"
    )
    response = api.get(detail(initiative))
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Wells"
    assert body["themes"] == ["water"]
    assert body["country"] == "TN"
    assert Decimal(body["latitude"]) == Decimal("36.81")
    assert Decimal(body["longitude"]) == Decimal("10.18")
    assert body["url"] == f"http://testserver{detail(initiative)}"
    assert "invite_token" not in body
    assert "created_by" not in body


def test_member_count_is_hidden_under_five(api):
    initiative = InitiativeFactory()  # the organiser
    for _ in range(3):
        add_member(initiative)
    add_member(initiative, status=Membership.Status.PENDING)  # pending ones do not count
    assert initiative.member_count == 4
    assert api.get(detail(initiative)).json()["member_count"] is None
    add_member(initiative)
    assert api.get(detail(initiative)).json()["member_count"] == 5
    add_member(initiative)
    assert api.get(detail(initiative)).json()["member_count"] == 6


# --- update --------------------------------------------------------------------------------------


def test_the_organiser_changes_their_initiative():
    ThemeFactory(slug="water")
    initiative = InitiativeFactory(title="Old title")
    client = signed_in(initiative.organiser_user)
    response = client.patch(
        detail(initiative),
        {"title": "New title", "description": "*New* text", "themes": ["water"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "New title"
    initiative.refresh_from_db()
    assert initiative.title == "New title"
    assert initiative.description_html == "<p><em>New</em> text</p>\n"
    assert [t.slug for t in initiative.themes.all()] == ["water"]
    assert initiative.slug.startswith("initiative-")  # the address does not change


def test_the_organiser_replaces_their_initiative_with_put():
    initiative = InitiativeFactory(title="Old title")
    client = signed_in(initiative.organiser_user)
    response = client.put(detail(initiative), {**NEW_INITIATIVE, "title": "Put"}, format="json")
    assert response.status_code == 200, response.content
    initiative.refresh_from_db()
    assert initiative.title == "Put"
    assert initiative.language == "fr"


def test_another_member_may_not_change_a_public_initiative():
    initiative = InitiativeFactory(title="Old title")
    member = add_member(initiative)
    for user in (member, UserFactory()):
        response = signed_in(user).patch(detail(initiative), {"title": "Mine"}, format="json")
        assert_error(response, 403, "permission_denied")
        response = signed_in(user).put(detail(initiative), NEW_INITIATIVE, format="json")
        assert_error(response, 403, "permission_denied")
    initiative.refresh_from_db()
    assert initiative.title == "Old title"


@pytest.mark.parametrize("make", [private_initiative, draft_initiative])
def test_a_non_member_changing_a_private_initiative_gets_404(make):
    initiative = make(title="Old title")
    response = signed_in(UserFactory()).patch(detail(initiative), {"title": "X"}, format="json")
    assert_error(response, 404, "not_found")
    initiative.refresh_from_db()
    assert initiative.title == "Old title"


def test_anonymous_visitors_may_not_change_an_initiative(api):
    initiative = InitiativeFactory(title="Old title")
    response = api.patch(detail(initiative), {"title": "X"}, format="json")
    assert response.status_code == 401
    initiative.refresh_from_db()
    assert initiative.title == "Old title"


def test_staff_change_any_initiative():
    initiative = private_initiative(title="Old title")
    response = signed_in(StaffFactory()).patch(
        detail(initiative), {"status": "archived"}, format="json"
    )
    assert response.status_code == 200, response.content
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.ARCHIVED


def test_update_validation_errors_name_the_field_and_change_nothing():
    initiative = InitiativeFactory(title="Old title", latitude="36.81", longitude="10.18")
    client = signed_in(initiative.organiser_user)
    response = client.patch(detail(initiative), {"country": "ZZ", "title": "X"}, format="json")
    error = assert_error(response, 400, "validation_error")
    assert "country" in error["fields"]
    response = client.patch(detail(initiative), {"longitude": None}, format="json")
    assert_error(response, 400, "validation_error")
    initiative.refresh_from_db()
    assert initiative.title == "Old title"
    assert str(initiative.longitude) == "10.18"


# --- join and leave ------------------------------------------------------------------------------


def test_joining_an_open_initiative_approves_at_once():
    initiative = InitiativeFactory()
    user = UserFactory()
    response = signed_in(user).post(detail(initiative, "join/"))
    assert response.status_code == 201
    assert response.json()["status"] == "approved"
    assert response.json()["role"] == "member"
    assert response.json()["joined_at"] is not None
    membership = Membership.objects.get(user=user, initiative=initiative)
    assert membership.status == Membership.Status.APPROVED
    initiative.refresh_from_db()
    assert initiative.member_count == 2


def test_joining_an_initiative_that_approves_members_asks():
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    user = UserFactory()
    response = signed_in(user).post(detail(initiative, "join/"))
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert response.json()["joined_at"] is None
    initiative.refresh_from_db()
    assert initiative.member_count == 1


def test_joining_twice_is_harmless():
    initiative = InitiativeFactory()
    user = UserFactory()
    client = signed_in(user)
    assert client.post(detail(initiative, "join/")).status_code == 201
    response = client.post(detail(initiative, "join/"))
    assert response.status_code in {200, 201}
    assert response.json()["status"] == "approved"
    assert Membership.objects.filter(user=user, initiative=initiative).count() == 1
    initiative.refresh_from_db()
    assert initiative.member_count == 2


def test_anonymous_visitors_cannot_join(api):
    initiative = InitiativeFactory()
    assert_error(api.post(detail(initiative, "join/")), 401, "not_authenticated")
    assert Membership.objects.filter(initiative=initiative).count() == 1


def test_joining_a_members_only_initiative_without_an_invitation_gets_404():
    initiative = private_initiative()
    user = UserFactory()
    assert_error(signed_in(user).post(detail(initiative, "join/")), 404, "not_found")
    assert not Membership.objects.filter(user=user).exists()


def test_a_completed_initiative_takes_no_new_members():
    initiative = InitiativeFactory(status=Initiative.Status.COMPLETED)
    user = UserFactory()
    assert_error(signed_in(user).post(detail(initiative, "join/")), 400, "validation_error")
    assert not Membership.objects.filter(user=user).exists()


def test_leaving():
    initiative = InitiativeFactory()
    user = add_member(initiative)
    assert initiative.member_count == 2
    response = signed_in(user).post(detail(initiative, "leave/"))
    assert response.status_code == 204
    assert Membership.objects.get(user=user, initiative=initiative).status == "left"
    initiative.refresh_from_db()
    assert initiative.member_count == 1


def test_withdrawing_a_request_keeps_the_member_count():
    initiative = InitiativeFactory(join_policy=Initiative.JoinPolicy.APPROVAL)
    user = add_member(initiative, status=Membership.Status.PENDING)
    assert signed_in(user).post(detail(initiative, "leave/")).status_code == 204
    initiative.refresh_from_db()
    assert initiative.member_count == 1


def test_the_last_organiser_cannot_leave():
    initiative = InitiativeFactory()
    organiser = initiative.organiser_user
    response = signed_in(organiser).post(detail(initiative, "leave/"))
    error = assert_error(response, 400, "validation_error")
    assert "only organiser" in error["message"]
    membership = Membership.objects.get(user=organiser, initiative=initiative)
    assert membership.status == Membership.Status.APPROVED
    assert membership.role == Membership.Role.ORGANISER


def test_leaving_without_being_a_member_gets_404(api):
    initiative = InitiativeFactory()
    assert_error(signed_in(UserFactory()).post(detail(initiative, "leave/")), 404, "not_found")
    assert_error(api.post(detail(initiative, "leave/")), 401, "not_authenticated")
    response = signed_in(UserFactory()).post(f"{LIST}no-such-initiative/leave/")
    assert_error(response, 404, "not_found")


# --- members -------------------------------------------------------------------------------------


def test_organisers_and_staff_see_the_members_by_display_name_only():
    initiative = InitiativeFactory()
    member = add_member(initiative, UserFactory(display_name="Cedar Lark 7"))
    add_member(initiative, UserFactory(display_name="Olive Ibis 3"), status="pending")
    for user in (initiative.organiser_user, StaffFactory()):
        response = signed_in(user).get(detail(initiative, "members/"))
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 3
        by_name = {item["display_name"]: item for item in body["results"]}
        assert set(by_name) == {
            initiative.organiser_user.display_name,
            "Cedar Lark 7",
            "Olive Ibis 3",
        }
        assert by_name["Olive Ibis 3"]["status"] == "pending"
        assert by_name[initiative.organiser_user.display_name]["role"] == "organiser"
        text = response.content.decode()
        assert member.email not in text
        assert initiative.organiser_user.email not in text
        assert "@" not in text


def test_members_and_visitors_do_not_see_the_roster(api):
    initiative = InitiativeFactory()
    member = add_member(initiative)
    assert_error(signed_in(member).get(detail(initiative, "members/")), 404, "not_found")
    assert_error(signed_in(UserFactory()).get(detail(initiative, "members/")), 404, "not_found")
    assert_error(api.get(detail(initiative, "members/")), 404, "not_found")


# --- updates, events, needs ----------------------------------------------------------------------


def test_members_only_updates_are_hidden_from_non_members(api):
    initiative = InitiativeFactory()
    UpdateFactory(initiative=initiative, title="For everyone")
    UpdateFactory(initiative=initiative, title="For members", visibility=Visibility.MEMBERS)
    member = add_member(initiative)
    pending = add_member(initiative, status=Membership.Status.PENDING)
    url = detail(initiative, "updates/")
    assert titles(api.get(url)) == {"For everyone"}
    assert titles(signed_in(UserFactory()).get(url)) == {"For everyone"}
    assert titles(signed_in(pending).get(url)) == {"For everyone"}
    assert titles(signed_in(member).get(url)) == {"For everyone", "For members"}
    assert titles(signed_in(initiative.organiser_user).get(url)) == {"For everyone", "For members"}
    assert titles(signed_in(StaffFactory()).get(url)) == {"For everyone", "For members"}


def test_updates_of_a_private_initiative_answer_404(api):
    initiative = private_initiative()
    UpdateFactory(initiative=initiative)
    for suffix in ("updates/", "events/", "needs/"):
        assert_error(api.get(detail(initiative, suffix)), 404, "not_found")
        assert_error(signed_in(UserFactory()).get(detail(initiative, suffix)), 404, "not_found")


def test_the_organiser_posts_an_update_and_a_member_may_not():
    initiative = InitiativeFactory()
    member = add_member(initiative)
    url = detail(initiative, "updates/")
    data = {"title": " News ", "body": "We **met**.", "visibility": "members"}
    response = signed_in(initiative.organiser_user).post(url, data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "News"
    assert response.json()["body_html"] == "<p>We <strong>met</strong>.</p>\n"
    update = Update.objects.get(initiative=initiative)
    assert update.author == initiative.organiser_user
    assert update.visibility == Visibility.MEMBERS
    response = signed_in(member).post(url, {**data, "title": "Mine"}, format="json")
    assert_error(response, 403, "permission_denied")
    assert Update.objects.filter(initiative=initiative).count() == 1


def test_events_list_hides_members_only_events_from_non_members(api):
    initiative = InitiativeFactory()
    EventFactory(initiative=initiative, title="Open meeting")
    EventFactory(initiative=initiative, title="Members meeting", visibility=Visibility.MEMBERS)
    past = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=30)
    EventFactory(initiative=initiative, title="Last month", starts_at=past)
    member = add_member(initiative)
    url = detail(initiative, "events/")
    assert titles(api.get(url)) == {"Open meeting", "Last month"}
    assert titles(signed_in(member).get(url)) == {"Open meeting", "Members meeting", "Last month"}


EVENT = {
    "title": "Monthly meeting",
    "starts_at": "2031-03-01T18:00:00+01:00",
    "ends_at": "2031-03-01T20:00:00+01:00",
    "time_zone": "Africa/Tunis",
    "mode": "in_person",
    "city": "Tunis",
}


def test_the_organiser_creates_an_event_and_a_member_may_not():
    initiative = InitiativeFactory()
    member = add_member(initiative)
    url = detail(initiative, "events/")
    response = signed_in(initiative.organiser_user).post(url, EVENT, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Monthly meeting"
    assert response.json()["going_count"] == 0
    event = Event.objects.get(initiative=initiative)
    assert event.starts_at == datetime.datetime(2031, 3, 1, 17, 0, tzinfo=datetime.UTC)
    response = signed_in(member).post(url, {**EVENT, "title": "Mine"}, format="json")
    assert_error(response, 403, "permission_denied")
    assert Event.objects.filter(initiative=initiative).count() == 1


def test_an_event_that_ends_before_it_starts_is_refused():
    initiative = InitiativeFactory()
    data = {**EVENT, "ends_at": "2031-03-01T17:00:00+01:00"}
    response = signed_in(initiative.organiser_user).post(
        detail(initiative, "events/"), data, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert "ends_at" in error["fields"]
    assert not Event.objects.exists()


def test_needs_list(api):
    initiative = InitiativeFactory()
    NeedFactory(initiative=initiative, skill=SkillFactory(slug="translation"), quantity=2)
    NeedFactory(initiative=InitiativeFactory(), skill=SkillFactory(slug="design"))
    response = api.get(detail(initiative, "needs/"))
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(need["skill"], need["quantity"]) for need in results] == [("translation", 2)]


def test_the_organiser_adds_a_need_and_a_member_may_not():
    SkillFactory(slug="translation")
    initiative = InitiativeFactory()
    member = add_member(initiative)
    url = detail(initiative, "needs/")
    data = {"skill": "translation", "quantity": 3, "remote_possible": True, "language": "fr"}
    response = signed_in(initiative.organiser_user).post(url, data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["skill"] == "translation"
    assert response.json()["status"] == "open"
    need = Need.objects.get(initiative=initiative)
    assert (need.skill.slug, need.quantity, need.remote_possible) == ("translation", 3, True)
    response = signed_in(member).post(url, data, format="json")
    assert_error(response, 403, "permission_denied")
    assert Need.objects.filter(initiative=initiative).count() == 1


def test_a_need_with_an_unknown_skill_is_refused():
    initiative = InitiativeFactory()
    response = signed_in(initiative.organiser_user).post(
        detail(initiative, "needs/"), {"skill": "no-such-skill", "quantity": 1}, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert "skill" in error["fields"]
    assert not Need.objects.exists()


# --- GeoJSON -------------------------------------------------------------------------------------


def test_geojson_has_only_visible_initiatives_with_coordinates(api):
    InitiativeFactory(title="Wells", latitude="36.81", longitude="10.18", city="Tunis")
    InitiativeFactory(title="No place")
    private_initiative(title="Hidden circle", latitude="30.04", longitude="31.24")
    draft_initiative(title="Draft plan", latitude="33.89", longitude="35.50")
    response = api.get(GEOJSON)
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 1
    feature = body["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [10.18, 36.81]}
    assert feature["properties"]["title"] == "Wells"
    assert feature["properties"]["city"] == "Tunis"
    assert feature["properties"]["country"] == "TN"


def test_geojson_shows_a_members_only_initiative_to_its_members_and_applies_filters():
    circle = private_initiative(title="Circle", latitude="30.04", longitude="31.24", country="EG")
    InitiativeFactory(title="Wells", latitude="36.81", longitude="10.18", country="TN")
    member = add_member(circle)
    body = signed_in(member).get(GEOJSON).json()
    assert {f["properties"]["title"] for f in body["features"]} == {"Circle", "Wells"}
    body = signed_in(member).get(GEOJSON, {"country": "EG"}).json()
    assert [f["geometry"]["coordinates"] for f in body["features"]] == [[31.24, 30.04]]


# --- OpenAPI -------------------------------------------------------------------------------------


def test_the_schema_describes_the_initiatives_api(api):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    paths = schema["paths"]
    for path in (
        "/api/v1/initiatives/",
        "/api/v1/initiatives/{slug}/",
        "/api/v1/initiatives/{slug}/join/",
        "/api/v1/initiatives/{slug}/leave/",
        "/api/v1/initiatives/{slug}/members/",
        "/api/v1/initiatives/{slug}/updates/",
        "/api/v1/initiatives/{slug}/events/",
        "/api/v1/initiatives/{slug}/needs/",
        "/api/v1/initiatives.geojson",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/initiatives/{slug}/join/"]
    assert set(paths["/api/v1/initiatives/"]) >= {"get", "post"}
    assert "delete" not in paths["/api/v1/initiatives/{slug}/"]
    list_parameters = {p["name"] for p in paths["/api/v1/initiatives/"]["get"]["parameters"]}
    assert {"q", "country", "city", "theme", "status", "skill", "remote", "sort"} <= list_parameters


# --- more that the pages promise ------------------------------------------------------------------


def test_an_initiative_created_through_the_api_is_found_by_search(api):
    client = signed_in(UserFactory(is_trusted_organiser=True))  # published without review
    response = client.post(LIST, {**NEW_INITIATIVE, "title": "Rooftop beekeeping"}, format="json")
    assert response.status_code == 201
    assert titles(api.get(LIST, {"q": "beekeeping"})) == {"Rooftop beekeeping"}
    slug = response.json()["slug"]
    response = client.patch(f"{LIST}{slug}/", {"title": "Rooftop gardens"}, format="json")
    assert response.status_code == 200
    assert titles(api.get(LIST, {"q": "gardens"})) == {"Rooftop gardens"}


def test_an_arabic_title_gets_an_arabic_address_that_answers(api):
    response = signed_in(UserFactory(is_trusted_organiser=True)).post(
        LIST, {**NEW_INITIATIVE, "title": "مراقبة الميزانية"}, format="json"
    )
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    assert slug == "مراقبة-الميزانية"
    response = api.get(f"{LIST}{slug}/")
    assert response.status_code == 200
    assert response.json()["title"] == "مراقبة الميزانية"


def test_leaving_twice_answers_404_the_second_time():
    initiative = InitiativeFactory()
    client = signed_in(add_member(initiative))
    assert client.post(detail(initiative, "leave/")).status_code == 204
    assert_error(client.post(detail(initiative, "leave/")), 404, "not_found")


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        ("updates/", {"title": "News", "body": "Text."}),
        ("events/", EVENT),
        ("needs/", {"skill": "translation", "quantity": 1}),
    ],
)
def test_anonymous_posts_to_updates_events_and_needs_answer_401(api, suffix, data):
    SkillFactory(slug="translation")
    initiative = InitiativeFactory()
    response = api.post(detail(initiative, suffix), data, format="json")
    assert_error(response, 401, "not_authenticated")
    assert not Update.objects.exists()
    assert not Event.objects.exists()
    assert not Need.objects.exists()


def test_a_naive_event_time_is_read_in_the_event_time_zone():
    initiative = InitiativeFactory()
    data = {**EVENT, "starts_at": "2031-03-01T18:00:00", "ends_at": "2031-03-01T20:00:00"}
    response = signed_in(initiative.organiser_user).post(
        detail(initiative, "events/"), data, format="json"
    )
    assert response.status_code == 201, response.content
    event = Event.objects.get(initiative=initiative)
    assert event.starts_at == datetime.datetime(2031, 3, 1, 17, 0, tzinfo=datetime.UTC)


def test_an_in_person_event_without_a_city_is_refused():
    initiative = InitiativeFactory()
    data = {**EVENT, "city": ""}
    response = signed_in(initiative.organiser_user).post(
        detail(initiative, "events/"), data, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert "city" in error["fields"]
    assert not Event.objects.exists()


# --- query counts of the sub-resources ------------------------------------------------------------


def _rows(initiative: Initiative, resource: str, count: int) -> None:
    for n in range(count):
        visibility = Visibility.MEMBERS if n % 2 else Visibility.PUBLIC
        if resource == "members":
            add_member(
                initiative,
                status=Membership.Status.PENDING if n % 3 == 0 else Membership.Status.APPROVED,
            )
        elif resource == "updates":
            UpdateFactory(initiative=initiative, visibility=visibility)
        elif resource == "events":
            EventFactory(initiative=initiative, visibility=visibility)
        else:
            NeedFactory(initiative=initiative)


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("resource", "queries"), [("members", 5), ("updates", 5), ("events", 6), ("needs", 5)]
)
def test_sub_resource_query_count_does_not_grow(
    django_assert_num_queries, resource, queries, count
):
    initiative = InitiativeFactory(themes=[ThemeFactory()])
    _rows(initiative, resource, count)
    client = signed_in(initiative.organiser_user)
    # The initiative and its themes, the organiser's membership, the count and the page; the
    # roster joins its users, needs their skills; events add the organiser's answers.
    with django_assert_num_queries(queries):
        response = client.get(detail(initiative, f"{resource}/"))
    assert response.status_code == 200, response.content
    expected = count + 1 if resource == "members" else count  # the organiser is a member too
    assert response.json()["count"] == expected
    assert len(response.json()["results"]) == min(expected, 20)


@pytest.mark.parametrize("count", [1, 6])
def test_themes_are_read_in_one_query_however_many(count, django_assert_num_queries):
    """Creating with 1 or 6 themes costs the same number of queries."""
    themes = [ThemeFactory(slug=f"theme-{n}") for n in range(count)]
    client = signed_in(UserFactory())
    client.post(LIST, NEW_INITIATIVE, format="json")  # warm: slugs, caches
    data = {**NEW_INITIATIVE, "title": "Another one", "themes": [t.slug for t in themes]}
    # The same count for 1 and 6 themes: one query reads them all (it was one per theme).
    # PostgreSQL also refreshes the initiative's search vector.
    with django_assert_num_queries(16 if connection.vendor == "postgresql" else 15):
        response = client.post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    assert sorted(response.json()["themes"]) == sorted(t.slug for t in themes)


def test_unknown_themes_are_named():
    ThemeFactory(slug="water")
    data = {**NEW_INITIATIVE, "themes": ["water", "nope", 3]}
    response = signed_in(UserFactory()).post(LIST, data, format="json")
    assert response.status_code == 400
    assert "themes" in response.json()["error"]["fields"]
    response = signed_in(UserFactory()).post(
        LIST, {**NEW_INITIATIVE, "themes": ["water", "nope"]}, format="json"
    )
    assert "nope" in response.json()["error"]["fields"]["themes"][0]
