import pytest
from allauth.usersessions.models import UserSession
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD, StaffFactory, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db

URL = "/en/account/api-token/"
LOGIN = "/en/accounts/login/"


def _reauthenticate(client) -> None:
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def test_creating_a_token_asks_for_the_password_again(client):
    user = UserFactory()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    response = client.post(URL, {"action": "create"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not Token.objects.filter(user=user).exists()
    _reauthenticate(client)
    response = client.post(URL, {"action": "create"})
    assert response.status_code == 200
    assert Token.objects.filter(user=user).exists()
    assert "no-cache" in response["Cache-Control"]


def test_unknown_action_creates_nothing(client):
    user = UserFactory()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    _reauthenticate(client)
    client.post(URL, {"action": "something-else"})
    assert not Token.objects.filter(user=user).exists()


def test_staff_need_a_second_factor_for_a_token(client):
    staff = StaffFactory()
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    _reauthenticate(client)
    response = client.post(URL, {"action": "create"})
    assert response["Location"] == reverse("mfa_index")
    assert not Token.objects.filter(user=staff).exists()


def test_staff_who_passed_mfa_may_create_a_token(client):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    _reauthenticate(client)
    response = client.post(URL, {"action": "create"})
    assert response.status_code == 200
    assert Token.objects.filter(user=staff).exists()


def _with_token(user) -> APIClient:
    token = Token.objects.create(user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/me/").status_code == 200
    return api


def test_changing_the_password_revokes_the_token(client):
    user = UserFactory()
    api = _with_token(user)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    new = "another-long-passphrase-77"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert api.get("/api/v1/me/").status_code == 401


def test_signing_out_other_sessions_revokes_the_token(client):
    user = UserFactory()
    api = _with_token(user)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=user).exists()
    client.post(reverse("usersessions_list"))
    assert api.get("/api/v1/me/").status_code == 401


def test_adding_a_second_factor_revokes_the_token(client, run_on_commit):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    user = UserFactory()
    api = _with_token(user)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    _reauthenticate(client)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    with run_on_commit():  # allauth announces the new authenticator after commit
        client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert api.get("/api/v1/me/").status_code == 401


def test_the_token_admin_is_not_offered(client):
    from django.contrib import admin
    from rest_framework.authtoken.admin import TokenProxy

    assert not admin.site.is_registered(TokenProxy)
