import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction", "stylesheet"),
    [
        ("ar", "rtl", "bootstrap.rtl.min.css"),
        ("en", "ltr", "bootstrap.min.css"),
        ("fr", "ltr", "bootstrap.min.css"),
    ],
)
def test_each_language_has_its_url_prefix_and_direction(client, language, direction, stylesheet):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert stylesheet in html


def test_pages_are_translated(client):
    assert "المبادرات" in client.get("/ar/").content.decode()
    assert "Initiatives" in client.get("/fr/").content.decode()
    assert "Campagnes" in client.get("/fr/").content.decode()


def test_root_redirects_by_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_language_switcher_remembers_the_choice(client):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "/en/initiatives/?page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/initiatives/?page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    # The cookie then decides where the bare root leads.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").headers["Location"] == "/fr/"


def test_language_switcher_translates_a_page_of_another_language(client):
    # The switch request itself is made in English (Accept-Language), from an Arabic page.
    response = client.post(
        reverse("set_language"),
        {"language": "fr", "next": "/ar/account/settings/"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response["Location"] == "/fr/account/settings/"


def test_language_switcher_saves_the_choice_on_the_account(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "ar", "next": "/en/"})
    user.refresh_from_db()
    assert user.preferred_language == "ar"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_language_switcher_refuses_to_redirect_elsewhere(client, next_url):
    response = client.post(reverse("set_language"), {"language": "ar", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


@pytest.mark.parametrize("language", ["xx", "de"])  # de: Django has a catalog, we do not offer it
def test_a_language_we_do_not_offer_is_ignored(client, language):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": language, "next": "/en/"})
    assert response["Location"] == "/en/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_signing_in_continues_in_the_preferred_language(client):
    from tests.factories import PASSWORD

    user = UserFactory(preferred_language="ar")
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/ar/"
