import pytest
from django.urls import reverse

from tests.factories import PASSWORD, StaffFactory, UserFactory, give_totp, totp_code

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
LOGIN = "/en/accounts/login/"


def test_anonymous_visitors_are_sent_to_the_allauth_login(client):
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "next=" in response.redirect_chain[-1][0]


def test_members_are_refused(client):
    client.force_login(UserFactory())
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"does not have access" in response.content


def test_staff_without_mfa_are_refused_and_sent_to_set_it_up(client):
    staff = StaffFactory()
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert b"two-factor authentication" in response.content
    # No admin page answers, not even a model's changelist.
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302


def test_staff_with_mfa_whose_session_skipped_it_must_confirm(client):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.force_login(staff)  # a session that never passed the second factor
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))
    response = client.post(
        reverse("mfa_reauthenticate") + "?next=" + ADMIN, {"code": totp_code(secret)}
    )
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_staff_who_pass_mfa_reach_the_admin(client):
    staff = StaffFactory()
    secret = give_totp(staff)
    response = client.post(LOGIN + "?next=" + ADMIN, {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert b"HuMENA administration" in response.content
    changelist = client.get(reverse("admin:taxonomy_skill_changelist"))
    assert changelist.status_code == 200


def test_a_trusted_browser_is_not_enough_for_the_admin(client):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "trust"})
    assert client.get(ADMIN).status_code == 200
    client.post(reverse("account_logout"))
    # Signing in again on the trusted browser skips the code...
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    # ...but the admin asks for the second factor once more.
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))


def test_an_old_second_factor_must_be_confirmed_again(client, settings):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    assert client.get(ADMIN).status_code == 200
    settings.ADMIN_MFA_MAX_AGE = 0
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/admin/"])
def test_admin_login_never_redirects_elsewhere(client, next_url):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    response = client.get(reverse("admin:login"), {"next": next_url})
    assert response["Location"] == reverse("admin:index")


def test_the_admin_is_right_to_left_in_arabic(client):
    staff = StaffFactory()
    secret = give_totp(staff)
    client.post("/ar/accounts/login/", {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("mfa_trust"), {"action": "no"})
    html = client.get("/ar/admin/").content.decode()
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html
