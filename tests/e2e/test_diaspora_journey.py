"""A diaspora member, on a phone: signs up, verifies the email, enrols TOTP, completes the
profile wizard with skills, joins a network, receives an introduction request and accepts it; in
English, then the wizard in Arabic."""

import re

import pytest
from django.core import mail

from diaspora.models import DiasporaProfile, Introduction, NetworkMembership
from diaspora.services import introduction_request
from humena.accounts.models import User
from tests.diaspora.factories import NetworkFactory
from tests.e2e.steps import submit
from tests.engagement.factories import InitiativeFactory, NeedFactory, SkillFactory
from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, email: str, language: str) -> None:
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    submit(page, "main form button[type=submit]")


def _sign_up_with_totp(page, live_server, email: str, language: str, screenshot) -> None:
    """Sign up, verify the address by its emailed link, sign in, enrol an authenticator app."""
    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_accept_terms")
    submit(page, "main form button[type=submit]")
    link = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    submit(page, "main form button[type=submit]")
    _sign_in(page, live_server, email, language)
    page.goto(f"{live_server.url}/{language}/accounts/2fa/totp/activate/")
    page.fill("#id_password", PASSWORD)  # enrolling asks for the password again
    submit(page, "main form button[type=submit]")
    page.fill("#id_code", totp_code(page.input_value("#authenticator_secret")))
    submit(page, "main form button[type=submit]")
    assert "/accounts/2fa/recovery-codes/" in page.url
    screenshot(page, f"diaspora-{language}-00-totp-enrolled")


def _wizard(page, live_server, language: str, screenshot) -> None:
    base = f"{live_server.url}/{language}/diaspora/profile/step"
    page.goto(f"{base}/1/")
    page.select_option("#id_origin_country", "SY")
    page.select_option("#id_residence_country", "DE")
    page.fill("#id_residence_city", "Berlin")
    screenshot(page, f"diaspora-{language}-01-wizard-about")
    submit(page, "main form button[type=submit]:not([name=finish])")
    page.select_option("#id_languages-0-language", "ar")
    page.select_option("#id_languages-0-level", "4")
    submit(page, "main form button[type=submit]:not([name=finish])")
    page.select_option("#id_skills-0-skill", "legal-translation")
    page.select_option("#id_skills-0-level", "4")
    page.fill("#id_skills-0-years", "8")
    screenshot(page, f"diaspora-{language}-02-wizard-skills")
    submit(page, "main form button[type=submit]:not([name=finish])")
    page.fill("#id_hours_per_month", "10")
    page.select_option("#id_work_mode", "remote")
    submit(page, "main form button[type=submit]:not([name=finish])")
    page.check("#id_consent_to_matching")
    page.select_option("#id_visibility_skills", "public")
    screenshot(page, f"diaspora-{language}-03-wizard-privacy")
    submit(page, "main form button[name=finish]")


def test_member_builds_a_profile_joins_a_network_and_accepts_an_introduction(
    phone, live_server, screenshot
):
    skill = SkillFactory(slug="legal-translation", name_en="Legal translation")
    network = NetworkFactory(name="Syrian lawyers for accountability")
    need = NeedFactory(initiative=InitiativeFactory(), skill=skill)
    page = phone
    _sign_up_with_totp(page, live_server, "lawyer@example.org", "en", screenshot)
    member = User.objects.get(email="lawyer@example.org")
    assert member.authenticator_set.filter(type="totp").exists()
    _wizard(page, live_server, "en", screenshot)
    profile = DiasporaProfile.objects.get(user=member)
    assert profile.consent_to_matching
    assert profile.skills.get().level == 4
    screenshot(page, "diaspora-en-04-profile")

    page.goto(f"{live_server.url}/en/diaspora/networks/{network.slug}/")
    submit(page, "form[action$='/join/'] button")
    assert NetworkMembership.objects.get(user=member).status == "pending"

    # The initiative's organiser asks for an introduction (their side is tested elsewhere).
    introduction_request(
        need=need,
        actor=need.initiative.organiser_user,
        profile=profile,
        message="Could you help translate a legal brief?",
    )
    page.goto(f"{live_server.url}/en/diaspora/introductions/")
    assert need.initiative.organiser_user.email not in page.content()
    screenshot(page, "diaspora-en-05-introduction")
    submit(page, "main form button[value=accept]")
    assert Introduction.objects.get().status == Introduction.Status.ACCEPTED
    assert need.initiative.organiser_user.email in page.content()
    assert page.foreign_requests == []


def test_the_wizard_in_arabic_without_javascript(browser, live_server, screenshot):
    SkillFactory(slug="legal-translation", name_ar="الترجمة القانونية")
    member = UserFactory(email="nojs@example.org")
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, live_server, member.email, "ar")
    _wizard(page, live_server, "ar", screenshot)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert DiasporaProfile.objects.get(user=member).skills.count() == 1
    context.close()
