import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/account/settings/"


def test_settings_require_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_update_profile_and_switch_language(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        URL,
        {
            "display_name": "Saffron Crane 77",
            "real_name": "Leila Haddad",
            "preferred_language": "ar",
            "time_zone": "Africa/Tunis",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/account/settings/"
    user.refresh_from_db()
    assert (user.display_name, user.real_name, user.preferred_language, user.time_zone) == (
        "Saffron Crane 77",
        "Leila Haddad",
        "ar",
        "Africa/Tunis",
    )


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(client):
    user = UserFactory(display_name="Fig Swift 40")
    client.force_login(user)
    response = client.post(
        URL,
        {
            "display_name": " ",
            "real_name": "",
            "preferred_language": "en",
            "time_zone": "Nowhere/Town",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_display_name_errors"' in html
    assert 'id="id_time_zone_errors"' in html
    user.refresh_from_db()
    assert user.display_name == "Fig Swift 40"
    # The page header still shows the saved name, not the rejected input.
    assert "Fig Swift 40" in html


def test_api_token_page_creates_replaces_and_revokes(client):
    from rest_framework.authtoken.models import Token

    from tests.factories import PASSWORD

    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("accounts:api_token"), {"action": "create"})
    first = Token.objects.get(user=user).key
    assert first in response.content.decode()
    client.post(reverse("accounts:api_token"), {"action": "create"})
    second = Token.objects.get(user=user).key
    assert second != first
    # Shown once only.
    assert second not in client.get(reverse("accounts:api_token")).content.decode()
    client.post(reverse("accounts:api_token"), {"action": "revoke"})
    assert not Token.objects.filter(user=user).exists()


def test_display_names_default_to_a_pseudonym():
    from humena.accounts.models import User

    user = User.objects.create_user("someone@example.org", "x" * 12)
    assert user.display_name
    assert "someone" not in user.display_name.lower()
