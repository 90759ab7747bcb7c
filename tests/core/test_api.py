import pytest
import yaml
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from humena.taxonomy.models import Skill, SkillCategory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_schema_is_valid_openapi(api):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on an invalid document
    assert "/api/v1/me/" in schema["paths"]
    assert "/api/v1/taxonomy/skills/" in schema["paths"]


def test_docs_load_nothing_from_another_host(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn." not in html
    assert "https://" not in html
    assert "http://" not in html.replace("http://testserver", "")


def test_me_requires_authentication_with_the_error_shape(api):
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response.json()["error"]["message"]


def test_token_authentication(api):
    user = UserFactory(display_name="Cedar Lark 11")
    token = Token.objects.create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["display_name"] == "Cedar Lark 11"


def test_bad_token_is_refused_with_the_error_shape(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_validation_errors_name_the_field_and_change_nothing(api):
    user = UserFactory(time_zone="Africa/Cairo", display_name="Olive Ibis 30")
    api.force_authenticate(user)
    response = api.patch(
        "/api/v1/me/", {"time_zone": "Mars/Olympus", "display_name": "New"}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert "time_zone" in error["fields"]
    user.refresh_from_db()
    assert user.time_zone == "Africa/Cairo"
    assert user.display_name == "Olive Ibis 30"


def test_me_update(api):
    user = UserFactory()
    api.force_authenticate(user)
    response = api.patch("/api/v1/me/", {"display_name": "Jasmine Oryx 12"}, format="json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.display_name == "Jasmine Oryx 12"
    # The email address cannot be changed here (it needs verification).
    api.patch("/api/v1/me/", {"email": "other@example.org"}, format="json")
    user.refresh_from_db()
    assert user.email != "other@example.org"


def test_not_found_has_the_error_shape(api):
    response = api.get("/api/v1/taxonomy/skills/no-such-skill/")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}
    response = api.get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_throttling_has_the_error_shape(api, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # The rates are read once, at import, into the throttle class: patch them there.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "3/minute"}
    )
    statuses = [api.get("/api/v1/taxonomy/themes/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/taxonomy/themes/")
    assert response.json()["error"]["code"] == "throttled"
    assert response.json()["error"]["retry_after"] > 0
    assert "Retry-After" in response


def _make_skills(count: int) -> None:
    category = SkillCategory.objects.create(
        slug="cat", name_en="Cat", name_ar="فئة", name_fr="Catégorie"
    )
    Skill.objects.bulk_create(
        Skill(
            slug=f"skill-{n}", name_en=f"S{n}", name_ar=f"م{n}", name_fr=f"C{n}", category=category
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [3, 30])
def test_skill_list_query_count_does_not_grow(api, django_assert_num_queries, count):
    _make_skills(count)
    # 1 count for the paginator + 1 page of skills joined to their category.
    with django_assert_num_queries(2):
        response = api.get("/api/v1/taxonomy/skills/", {"category": "cat"})
    assert response.status_code == 200
    assert response.json()["count"] == count
    assert len(response.json()["results"]) == min(count, 20)


def test_skill_names_follow_the_request_language(api):
    _make_skills(1)
    response = api.get("/api/v1/taxonomy/skills/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.json()["results"][0]["name"] == "م0"
    assert response.json()["results"][0]["category"] == "cat"


def test_api_reads_are_public_but_writes_are_not_allowed(api):
    _make_skills(1)
    response = api.post("/api/v1/taxonomy/skills/", {"slug": "x"}, format="json")
    assert response.status_code in {401, 403, 405}
    assert "error" in response.json()


def test_unauthenticated_api_root_urls_resolve():
    assert reverse("taxonomy-api:skill-list") == "/api/v1/taxonomy/skills/"


@pytest.mark.parametrize("count", [3, 30])
def test_theme_and_category_lists_query_count_does_not_grow(api, django_assert_num_queries, count):
    from humena.taxonomy.models import Theme

    Theme.objects.bulk_create(
        Theme(slug=f"t{n}", name_en=f"T{n}", name_ar=f"ت{n}", name_fr=f"T{n}") for n in range(count)
    )
    SkillCategory.objects.bulk_create(
        SkillCategory(slug=f"c{n}", name_en=f"C{n}", name_ar=f"ف{n}", name_fr=f"C{n}")
        for n in range(count)
    )
    with django_assert_num_queries(2):
        assert api.get("/api/v1/taxonomy/themes/").json()["count"] == count
    with django_assert_num_queries(2):
        assert api.get("/api/v1/taxonomy/skill-categories/").json()["count"] == count


def test_the_api_speaks_json_only(api):
    response = api.get("/api/v1/taxonomy/themes/?format=api")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_schema_generates_without_warnings(tmp_path):
    from django.core.management import call_command

    # --fail-on-warn: an ambiguous enum or an unresolvable parameter fails the build.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    assert "InitiativeStatusEnum" in (tmp_path / "schema.yml").read_text()
