import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.db import connection
from django.urls import reverse

from tests.conftest import repeated_lookup
from tests.factories import PASSWORD, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def test_totp_enrolment_stores_the_secret_encrypted(client):
    user = UserFactory()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    # Changing security settings asks for the password again.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not Authenticator.objects.filter(user=user).exists()

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    # Recovery codes come with the first authenticator.
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()

    # At rest the secret is a Fernet token, not the secret itself, even read with raw SQL.
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [totp.pk])
        raw = str(cursor.fetchone()[0])
    assert secret not in raw
    assert get_adapter().decrypt(totp.data["secret"]) == secret


def test_login_with_totp_and_trust_this_browser(client):
    user = UserFactory()
    secret = give_totp(user)
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response["Location"] == reverse("mfa_trust")
    response = client.post(reverse("mfa_trust"), {"action": "trust"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk

    # Next time on this browser, the password is enough.
    client.post(reverse("account_logout"))
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] != reverse("mfa_authenticate")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_recovery_code_signs_in_once(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = UserFactory()
    give_totp(user)
    codes = RecoveryCodes.activate(user).get_unused_codes()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 302
    client.post(reverse("mfa_trust"), {"action": "no"})
    assert int(client.session["_auth_user_id"]) == user.pk

    client.post(reverse("account_logout"))
    client.cookies.clear()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200  # used already
    assert "_auth_user_id" not in client.session


def test_mfa_pages_offer_totp_and_security_keys(client):
    user = UserFactory()
    client.force_login(user)
    html = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_activate_totp") in html
    assert reverse("mfa_add_webauthn") in html


def test_sessions_page_lists_and_ends_other_sessions(client):
    from allauth.usersessions.models import UserSession

    user = UserFactory()
    other = client.__class__()
    other.post(LOGIN, {"login": user.email, "password": PASSWORD})
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=user).count() == 2
    # allauth's sessions page checks each session's user with a query of its own: as many as
    # one person's signed-in browsers.
    with repeated_lookup("accounts.User"):
        response = client.get(reverse("usersessions_list"))
        assert response.status_code == 200
        response = client.post(reverse("usersessions_list"))
        assert response.status_code == 302
    assert UserSession.objects.filter(user=user).count() == 1
    # The other browser is signed out; this one is not.
    assert other.get(reverse("accounts:settings")).status_code == 302
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_login_by_code_still_asks_for_the_second_factor(client, mailoutbox, run_on_commit):
    import re

    user = UserFactory()
    give_totp(user)
    with run_on_commit():
        client.post(reverse("account_request_login_code"), {"email": user.email})
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailoutbox[0].body, re.MULTILINE)
    response = client.post(reverse("account_confirm_login_code"), {"code": code.group(1)})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_mfa_secrets_can_be_rotated_to_a_new_key(settings):
    import io

    from cryptography.fernet import Fernet
    from django.core.management import call_command

    user = UserFactory()
    secret = give_totp(user)
    old_keys = list(settings.MFA_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [new_key, *old_keys]
    call_command("rotate_mfa_keys", stdout=io.StringIO())
    settings.MFA_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert get_adapter().decrypt(stored) == secret


@pytest.mark.django_db
def test_guessing_the_second_factor_is_rate_limited(client):
    """Wrong codes count as failed sign-ins (allauth's per-account limit, as for passwords): after
    a few, even the right code is refused, with a clear message, until the period passes."""
    from tests.factories import PASSWORD, UserFactory, give_totp, totp_code

    user = UserFactory(email="guessed@example.org")
    secret = give_totp(user)
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    for _ in range(6):
        client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
