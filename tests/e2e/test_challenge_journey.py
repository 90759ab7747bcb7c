"""The proof of work in a real browser (humena.core.challenge, static/js/challenge.js): it runs
on the device when someone starts filling a form, says so in a live region, asks only our own
server, and its solution is the one the server accepts."""

import time

import pytest

from advocacy.models import Signature
from tests.advocacy.factories import CampaignFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STATUS = "[data-challenge-status]"
SOLVED = f"{STATUS}:text-matches('^Checked')"


def _solved_requests(page) -> list[str]:
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.fixture
def only_solved_signatures(settings):
    """A signature without a solution would be refused (429): what passes was solved."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "petition_sign_unsolved": (0, 3600)}


@pytest.mark.usefixtures("only_solved_signatures")
def test_signing_solves_the_check_on_the_device_and_says_so(phone, live_server, screenshot):
    campaign = CampaignFactory(slug="solved")
    requests = _solved_requests(phone)
    phone.goto(f"{live_server.url}/en/campaigns/{campaign.slug}/")
    assert phone.locator(STATUS).inner_text() == ""  # nothing runs for people who only read
    assert not [url for url in requests if "/api/v1/challenge/" in url]
    phone.fill("#id_email", "solver@example.org")
    phone.wait_for_selector(SOLVED)
    assert phone.locator(STATUS).get_attribute("aria-live") == "polite"
    assert phone.input_value("input[name=challenge]")
    screenshot(phone, "challenge-en-solved")
    phone.check("#id_agree")
    with phone.expect_navigation():
        phone.locator("#sign form button[type=submit]").click()
    assert "/campaigns/solved/signed/" in phone.url
    assert Signature.objects.filter(email="solver@example.org").exists()
    assert [url for url in requests if "/api/v1/challenge/" in url] == [
        f"{live_server.url}/api/v1/challenge/"
    ]
    assert phone.foreign_requests == []


@pytest.mark.usefixtures("only_solved_signatures")
def test_sending_at_once_waits_for_the_check(phone, live_server):
    """Someone quick (or a password manager) sends before the check is done: the form waits."""
    campaign = CampaignFactory(slug="quick")
    phone.goto(f"{live_server.url}/ar/campaigns/{campaign.slug}/")
    phone.evaluate(
        "() => { const form = document.querySelector('#sign form');"
        " form.querySelector('#id_email').value = 'quick@example.org';"
        " form.querySelector('#id_agree').checked = true; }"
    )
    with phone.expect_navigation():
        phone.locator("#sign form button[type=submit]").click()
    assert "/campaigns/quick/signed/" in phone.url
    assert Signature.objects.filter(email="quick@example.org").exists()


@pytest.mark.usefixtures("only_solved_signatures")
def test_the_production_difficulty_takes_a_moment_on_a_phone(phone, live_server, settings):
    """100,000 (the production default): measured here so that docs/architecture.md stays
    true. The machine running the tests is slower than most phones' browsers; the bound is loose."""
    settings.CHALLENGE_MAX_NUMBER = 100_000
    campaign = CampaignFactory(slug="hard")
    phone.goto(f"{live_server.url}/en/campaigns/{campaign.slug}/")
    started = time.monotonic()
    phone.fill("#id_email", "patient@example.org")
    phone.wait_for_selector(SOLVED, timeout=30_000)
    took = time.monotonic() - started
    print(f"proof of work at 100,000: {took:.2f} s")  # noqa: T201 - the figure
    assert took < 15
    phone.check("#id_agree")
    with phone.expect_navigation():
        phone.locator("#sign form button[type=submit]").click()
    assert Signature.objects.filter(email="patient@example.org").exists()
