import pytest
from django.urls import reverse

from engagement.models import Initiative, Need
from tests.engagement.factories import (
    InitiativeFactory,
    NeedFactory,
    SkillFactory,
    ThemeFactory,
    add_member,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/initiatives/"


def titles(response) -> list[str]:
    return [initiative.title for initiative in response.context["page"].object_list]


def test_empty_state(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "No initiative matches" in response.content.decode()


def test_only_published_public_initiatives_are_listed(client):
    InitiativeFactory(title="Public open")
    InitiativeFactory(title="A draft", status=Initiative.Status.DRAFT)
    InitiativeFactory(title="Members only", visibility=Initiative.Visibility.MEMBERS)
    InitiativeFactory(title="Archived", status=Initiative.Status.ARCHIVED)
    assert titles(client.get(URL)) == ["Public open"]
    # Archived ones when asked for.
    assert titles(client.get(URL, {"status": "archived"})) == ["Archived"]


def test_members_see_their_members_only_initiatives(client):
    private = InitiativeFactory(title="Members only", visibility=Initiative.Visibility.MEMBERS)
    member = add_member(private)
    client.force_login(member)
    assert titles(client.get(URL)) == ["Members only"]
    client.force_login(UserFactory())
    assert titles(client.get(URL)) == []


def test_filters(client):
    youth = ThemeFactory(slug="youth")
    law = SkillFactory(slug="legal-aid")
    tunis = InitiativeFactory(title="Tunis youth", country="TN", city="Tunis", themes=[youth])
    InitiativeFactory(title="Beirut", country="LB", city="Beirut")
    InitiativeFactory(title="Sfax", country="TN", city="Sfax", status=Initiative.Status.ACTIVE)
    NeedFactory(initiative=tunis, skill=law, remote_possible=True)
    filled = InitiativeFactory(title="Filled need", country="MA", city="Rabat")
    NeedFactory(initiative=filled, skill=law, status=Need.Status.FILLED)

    assert sorted(titles(client.get(URL, {"country": "TN"}))) == ["Sfax", "Tunis youth"]
    assert titles(client.get(URL, {"city": "beirut"})) == ["Beirut"]
    assert titles(client.get(URL, {"theme": "youth"})) == ["Tunis youth"]
    assert titles(client.get(URL, {"status": "active"})) == ["Sfax"]
    assert titles(client.get(URL, {"skill": "legal-aid"})) == ["Tunis youth"]
    assert titles(client.get(URL, {"remote": "on"})) == ["Tunis youth"]


def test_bad_filter_values_are_ignored_not_errors(client):
    InitiativeFactory(title="Still listed")
    response = client.get(URL, {"country": "XX", "status": "nonsense", "page": "abc"})
    assert response.status_code == 200
    assert titles(response) == ["Still listed"]
    assert response.context["form"].errors


def test_search_falls_back_to_substrings(client):
    InitiativeFactory(title="Budget watch", summary="Reading the municipal budget")
    InitiativeFactory(title="Coastline monitoring")
    assert titles(client.get(URL, {"q": "budget"})) == ["Budget watch"]


def test_sort_by_title(client):
    for title in ["Charlie", "Alpha", "Bravo"]:
        InitiativeFactory(title=title)
    assert titles(client.get(URL, {"sort": "title"})) == ["Alpha", "Bravo", "Charlie"]


def test_pagination_links_keep_the_filters(client):
    for n in range(25):
        InitiativeFactory(title=f"Item {n:02}", country="JO", city="Amman")
    response = client.get(URL, {"country": "JO"})
    assert len(titles(response)) == 20
    html = response.content.decode()
    assert "?country=JO&amp;page=2" in html
    second = client.get(URL, {"country": "JO", "page": 2})
    assert len(titles(second)) == 5


def test_htmx_requests_get_only_the_results(client):
    InitiativeFactory(title="Partial")
    response = client.get(URL, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Partial" in html
    assert "<html" not in html


def test_member_counts_never_single_anyone_out(client):
    small = InitiativeFactory(title="Small")
    big = InitiativeFactory(title="Big")
    for _ in range(6):
        add_member(big)
    html = client.get(URL).content.decode()
    assert "fewer than 5 members" in html
    assert "7 members" in html
    assert small.organiser_user.display_name not in html


def _populate(count: int) -> None:
    themes = [ThemeFactory(), ThemeFactory()]
    for _ in range(count):
        InitiativeFactory(themes=themes)


@pytest.mark.parametrize("count", [3, 30])
def test_browse_query_count_does_not_grow(client, django_assert_num_queries, count):
    _populate(count)
    ThemeFactory.reset_sequence(0)
    # count + page + the page's themes (the filter form's choices come from the cache, filled
    # by the first page).
    client.get(URL)
    with django_assert_num_queries(3):
        response = client.get(URL)
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [3, 30])
def test_browse_query_count_for_a_member_does_not_grow(client, django_assert_num_queries, count):
    _populate(count)
    user = UserFactory()
    client.force_login(user)
    # + the session and the user.
    client.get(URL)
    with django_assert_num_queries(5):
        response = client.get(URL, {"country": "TN", "sort": "members"})
    assert response.context["page"].paginator.count == count


def test_map_page_and_geojson(client):
    InitiativeFactory(title="On the map", latitude="36.81", longitude="10.18")
    InitiativeFactory(title="No place")
    InitiativeFactory(
        title="Private", visibility=Initiative.Visibility.MEMBERS, latitude="1", longitude="1"
    )
    page = client.get(reverse("engagement:map"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "leaflet.js" in html
    assert "geo/countries.geojson" in html  # no tile server configured: self-hosted outlines
    data = client.get(reverse("engagement:geojson")).json()
    assert [f["properties"]["title"] for f in data["features"]] == ["On the map"]
    assert data["features"][0]["geometry"]["coordinates"] == [10.18, 36.81]


def test_map_uses_the_configured_tile_server(client, settings):
    settings.MAP_TILE_URL = "https://tiles.humena.example/{z}/{x}/{y}.png"
    html = client.get(reverse("engagement:map")).content.decode()
    assert "tiles.humena.example" in html


@pytest.mark.parametrize("count", [3, 30])
def test_geojson_query_count_does_not_grow(client, django_assert_num_queries, count):
    themes = [ThemeFactory(), ThemeFactory()]
    for n in range(count):
        InitiativeFactory(themes=themes, latitude=f"36.{n:02d}", longitude="10.18")
    InitiativeFactory(title="No place")
    # The rows (the filter form's choices come from the cache).
    client.get(reverse("engagement:geojson"))
    with django_assert_num_queries(1):
        response = client.get(reverse("engagement:geojson"))
    assert len(response.json()["features"]) == count
