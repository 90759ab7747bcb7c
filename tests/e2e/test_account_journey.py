"""Sign up, verify the email, sign in, enrol TOTP and sign in again with a second factor,
in a real browser on a phone-sized screen, in Arabic and in English."""

import re

import pytest
from django.core import mail

from humena.accounts.models import User
from tests.e2e.steps import submit
from tests.factories import totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-unusual-passphrase-42"


def _confirmation_link(email: str) -> str:
    messages = [m for m in mail.outbox if m.to == [email]]
    assert messages, "no verification email"
    match = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+)", messages[-1].body)
    assert match
    return match.group(1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_sign_up_verify_sign_in_and_enrol_totp(phone, live_server, screenshot, language):
    page = phone
    email = f"journey-{language}@example.org"
    page.goto(f"{live_server.url}/{language}/")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, f"account-{language}-01-home")

    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_accept_terms")
    submit(page)
    assert "/accounts/confirm-email/" in page.url
    screenshot(page, f"account-{language}-02-verify-sent")

    page.goto(live_server.url + _confirmation_link(email))
    submit(page)
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert page.url == f"{live_server.url}/{language}/"
    display_name = page.locator("header nav a").first.inner_text()
    assert display_name
    assert "@" not in display_name

    # Enrolling a second factor asks for the password again first.
    page.goto(f"{live_server.url}/{language}/accounts/2fa/totp/activate/")
    assert "/accounts/reauthenticate/" in page.url
    page.fill("#id_password", PASSWORD)
    submit(page)
    secret = page.input_value("#authenticator_secret")
    screenshot(page, f"account-{language}-03-totp-activate")
    page.fill("#id_code", totp_code(secret))
    submit(page)
    assert "/accounts/2fa/recovery-codes/" in page.url
    codes = page.input_value("#recovery_codes").split()
    assert codes, "the recovery codes are shown after enrolment"
    screenshot(page, f"account-{language}-04-recovery-codes")

    # Sign out, and in again: the password is not enough any more.
    page.goto(f"{live_server.url}/{language}/accounts/logout/")
    submit(page)
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert "/accounts/2fa/authenticate/" in page.url
    screenshot(page, f"account-{language}-05-second-factor")
    page.fill("#id_code", codes[0])  # a recovery code: the TOTP code was used already
    submit(page)
    if "/accounts/2fa/trust/" in page.url:
        submit(page, "main form button[value=trust]")
    assert page.url == f"{live_server.url}/{language}/"
    assert display_name in page.locator("header").inner_text()
    screenshot(page, f"account-{language}-06-signed-in")
    assert page.foreign_requests == []


def _fill_sign_up(page, email: str) -> None:
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_accept_terms")


def test_sign_up_needs_javascript_and_says_why_then_all_else_works_without(
    browser, live_server, screenshot
):
    """Sign-up's check that one is not a robot runs on the device (humena.core.challenge):
    without JavaScript the page says so and refuses; verifying and signing in need none."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    email = "nojs@example.org"
    page.goto(f"{live_server.url}/ar/accounts/signup/")
    notice = page.locator("main noscript .alert, main .alert-warning").first
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()  # in Arabic: why the check needs it
    _fill_sign_up(page, email)
    submit(page)
    assert "/accounts/signup/" in page.url
    assert page.locator("main .alert-danger").is_visible()
    assert not User.objects.filter(email=email).exists()
    screenshot(page, "account-nojs-sign-up-refused")

    # Signed up with JavaScript on; the rest without it.
    with_js = browser.new_context(viewport={"width": 390, "height": 844})
    signup_page = with_js.new_page()
    signup_page.goto(f"{live_server.url}/ar/accounts/signup/")
    _fill_sign_up(signup_page, email)
    submit(signup_page)
    assert "/accounts/confirm-email/" in signup_page.url
    with_js.close()
    page.goto(live_server.url + _confirmation_link(email))
    submit(page)
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert page.url == f"{live_server.url}/ar/"
    # The language switcher is a form: it works without JavaScript too.
    submit(page, "form.lang-switch button[value=fr]")
    assert page.url == f"{live_server.url}/fr/"
    assert page.evaluate("document.documentElement.lang") == "fr"
    screenshot(page, "account-nojs-signed-in-fr")
    context.close()
