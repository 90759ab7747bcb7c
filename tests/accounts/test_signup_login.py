import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from humena.accounts.models import User
from tests.challenge import solved
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"
NEW_PASSWORD = "a-long-unusual-passphrase-42"


def _link_in(body: str, path_part: str) -> str:
    match = re.search(rf"https?://[^/\s]+(/\S*{path_part}\S*)", body)
    assert match, f"no link containing {path_part!r} in: {body}"
    return match.group(1)


def test_signup_requires_email_verification_then_login_works(client, mailoutbox, run_on_commit):
    with run_on_commit():
        response = client.post(
            SIGNUP,
            {
                "email": "Activist@Example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
                "challenge": solved(),
            },
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "activist@example.org"
    assert user.display_name  # a pseudonym, never the email address
    assert "@" not in user.display_name
    assert user.preferred_language == "en"

    # Not signed in until the address is verified.
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["activist@example.org"]
    confirm_path = _link_in(message.body, "confirm-email")

    # Signing in before verifying sends people to the "verify your email" page.
    with run_on_commit():
        response = client.post(LOGIN, {"login": "activist@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    response = client.get(confirm_path)
    assert response.status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(LOGIN, {"login": "ACTIVIST@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    home = client.get(response["Location"])
    assert user.display_name in home.content.decode()


def test_signup_in_arabic_keeps_the_language_for_the_account_and_email(
    client, mailoutbox, run_on_commit
):
    with run_on_commit():
        client.post(
            "/ar/accounts/signup/",
            {
                "email": "rtl@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
                "challenge": solved(),
            },
        )
    assert User.objects.get().preferred_language == "ar"
    assert len(mailoutbox) == 1
    assert "/ar/accounts/confirm-email/" in mailoutbox[0].body


def test_signup_with_a_taken_email_reveals_nothing(client, mailoutbox, run_on_commit):
    UserFactory(email="taken@example.org")
    with run_on_commit():
        taken = client.post(
            SIGNUP,
            {
                "email": "taken@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
                "challenge": solved(),
            },
        )
    other = client.__class__()
    with run_on_commit():
        fresh = other.post(
            SIGNUP,
            {
                "email": "fresh@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
                "challenge": solved(),
            },
        )
    # Same answer whether or not the address has an account (no enumeration).
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert User.objects.filter(email="taken@example.org").count() == 1
    # The owner of the taken address is told by email instead.
    recipients = sorted(message.to[0] for message in mailoutbox)
    assert recipients == ["fresh@example.org", "taken@example.org"]


def test_signup_errors_are_shown_next_to_the_field(client):
    response = client.post(SIGNUP, {"email": "not-an-email", "password1": "x", "password2": "y"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_errors"' in html
    assert 'aria-invalid="true"' in html
    assert User.objects.count() == 0


def test_wrong_password_gives_one_generic_error(client):
    UserFactory(email="known@example.org")
    known = client.post(LOGIN, {"login": "known@example.org", "password": "wrong-password"})
    unknown = client.post(LOGIN, {"login": "nobody@example.org", "password": "wrong-password"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_password_reset_does_not_reveal_accounts(client, mailoutbox, run_on_commit):
    UserFactory(email="known@example.org")
    url = reverse("account_reset_password")
    with run_on_commit():
        known = client.post(url, {"email": "known@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    reset_mail = [m for m in mailoutbox if m.to == ["known@example.org"]]
    assert len(reset_mail) == 1
    reset_path = _link_in(reset_mail[0].body, "password/reset/key")
    response = client.get(reset_path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "accept_terms": "on"}
    )
    assert response.status_code == 302
    assert User.objects.get(email="known@example.org").check_password(NEW_PASSWORD)


def test_login_by_emailed_code(client, mailoutbox, run_on_commit):
    user = UserFactory(email="code@example.org")
    with run_on_commit():
        response = client.post(reverse("account_request_login_code"), {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailoutbox[0].body, re.MULTILINE)
    assert code, mailoutbox[0].body
    response = client.post(reverse("account_confirm_login_code"), {"code": code.group(1)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_logout(client):
    user = UserFactory()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_rate_limited(client):
    user = UserFactory(email="target@example.org")
    responses = [
        client.post(LOGIN, {"login": user.email, "password": f"guess-{attempt}"})
        for attempt in range(6)
    ]
    # ACCOUNT_RATE_LIMITS["login_failed"] allows 5 failures per 5 minutes for one account.
    limited = "Too many failed login attempts"
    assert all(limited not in r.content.decode() for r in responses[:5])
    assert limited in responses[5].content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert limited in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=False)
def test_signups_from_one_address_are_rate_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    statuses = [
        client.post(
            SIGNUP,
            {
                "email": f"bot{n}@example.org",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
                "challenge": solved(),
            },
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert User.objects.count() == 3


def test_an_unreachable_broker_does_not_break_a_committed_sign_up(
    client, monkeypatch, run_on_commit
):
    """The account is saved; the email waits. The page must not turn into an error."""
    from humena.celery import app as celery_app

    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")  # nothing there
    monkeypatch.setitem(celery_app.conf, "task_publish_retry", False)
    celery_app._pool = None  # connect with the URL above
    try:
        with run_on_commit():
            response = client.post(
                SIGNUP,
                {
                    "email": "broker-down@example.org",
                    "password1": NEW_PASSWORD,
                    "password2": NEW_PASSWORD,
                    "accept_terms": "on",
                    "challenge": solved(),
                },
            )
    finally:
        celery_app._pool = None  # later tests reconnect with the real URL
    assert response.status_code == 302
    assert User.objects.filter(email="broker-down@example.org").exists()


@pytest.mark.django_db(transaction=False)
def test_password_resets_are_rate_limited(client, settings, mailoutbox, run_on_commit):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/m/ip"}
    UserFactory(email="known@example.org")
    with run_on_commit():
        statuses = [
            client.post("/en/accounts/password/reset/", {"email": "known@example.org"}).status_code
            for _ in range(3)
        ]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2
