"""Campaigns in a real browser: an officer creates a campaign with two targets in the admin,
sends a test to themselves, launches it and watches the progress; a member signs the petition
on a phone in Arabic and in English, confirms by the emailed link, and the count goes up; the
signing again without JavaScript."""

import re

import pytest
from django.core import mail

from advocacy.models import Campaign, Mobilisation, Signature
from tests.advocacy.factories import CampaignFactory, CampaignTargetFactory, StakeholderFactory
from tests.diaspora.factories import NetworkFactory, add_network_member
from tests.e2e.steps import submit
from tests.factories import PASSWORD, StaffFactory, give_totp, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _emailed_path(address: str, name: str) -> str:
    messages = [m for m in mail.outbox if m.to == [address]]
    assert messages, f"no email to {address}"
    match = re.search(
        rf"https?://[^/\s]+(/[a-z]{{2}}/campaigns/{name}/[^/\s]+/)", messages[-1].body
    )
    assert match, messages[-1].body
    return match.group(1)


def _choose_in_autocomplete(page, row: str, text: str) -> None:
    """Pick `text` in an admin autocomplete (select2) field of an inline row."""
    page.locator(f"#{row} .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option:not(.loading-results)", has_text=text).first.click()
    # The choice lands in the hidden <select> the form posts: wait for it, a busy machine is slow.
    page.wait_for_function(
        "id => document.getElementById(id).value !== ''", arg=f"id_{row}-stakeholder"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_officer_creates_tests_launches_and_watches_a_campaign(
    browser, live_server, screenshot, language
):
    officer = StaffFactory(email="officer@example.org", preferred_language=language)
    secret = give_totp(officer)
    StakeholderFactory(name="Ministry of Interior")
    StakeholderFactory(name="Parliament committee", public_email="")
    network = NetworkFactory(name="Lawyers network")
    supporters = [add_network_member(network) for _ in range(3)]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    page.goto(f"{live_server.url}/{language}/admin/")
    page.fill("#id_login", officer.email)
    page.fill("#id_password", PASSWORD)
    submit(page)
    page.fill("#id_code", totp_code(secret))
    submit(page)
    if "/accounts/2fa/trust/" in page.url:
        submit(page, "main form button[value=trust]")
    assert page.url.endswith(f"/{language}/admin/")

    page.goto(f"{live_server.url}/{language}/admin/advocacy/campaign/add/")
    page.locator("#id_title").press_sequentially("Protect civic space")
    assert page.input_value("#id_slug") == "protect-civic-space"  # filled as the title is typed
    page.fill("#id_summary", "Withdraw the draft law on associations.")
    page.fill("#id_asks", "Withdraw the draft law\nConsult civil society")
    page.select_option("#id_countries", ["TN"])
    page.fill("#id_petition_text", "We ask parliament to withdraw the draft law.")
    page.fill("#id_goal", "5000")
    page.fill("#id_mobilisation_message", "Sign before the vote on Friday.")
    page.select_option("#id_audience_networks_from", label="Lawyers network")
    page.click("#id_audience_networks_add")
    for index, name in enumerate(["Ministry of Interior", "Parliament committee"]):
        page.locator("#targets-group .add-row a").click()
        _choose_in_autocomplete(page, f"targets-{index}", name)
        page.fill(f"#id_targets-{index}-ask", f"Our ask of the {name}")
    screenshot(page, f"campaign-admin-{language}-01-create")
    submit(page, "input[name=_continue]")
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert errors == [], errors
    campaign = Campaign.objects.get(slug="protect-civic-space")
    assert campaign.targets.count() == 2
    assert "4" in page.locator(".field-audience_preview").inner_text()  # before launching

    submit(page, "form[action$='/do/test/'] button")
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    submit(page, "form[action$='/do/launch/'] button")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.LIVE
    launched = Mobilisation.objects.get(campaign=campaign, is_test=False)
    assert launched.audience_size == 4
    emailed = sorted(m.to[0] for m in mail.outbox[1:])
    assert emailed == sorted([network.coordinator_user.email, *(u.email for u in supporters)])
    progress = page.locator(".mobilisation-progress table")
    cells = progress.locator("tbody tr").first.locator("td").all_inner_texts()
    assert cells[2:6] == ["4", "0", "4", "0"]  # audience, queued, sent, failed
    screenshot(page, f"campaign-admin-{language}-02-launched")
    with page.expect_navigation():
        page.click("a[href$='/dashboard/']")
    assert page.locator("svg.signature-chart").count() == 1
    screenshot(page, f"campaign-admin-{language}-03-dashboard")
    context.close()


@pytest.fixture
def campaign():
    live = CampaignFactory(
        slug="water-basra",
        title="الماء حقّ لا امتياز",
        summary="مياه صالحة للشرب لأحياء البصرة غير الرسمية",
        language="ar",
        countries=["IQ"],
        goal=10,
    )
    CampaignTargetFactory(campaign=live, stakeholder=StakeholderFactory(name="Basra Water"))
    CampaignFactory(slug="elsewhere", title="Elsewhere", countries=["MA"])
    return live


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_member_signs_on_a_phone_and_confirms_by_email(
    phone, live_server, screenshot, campaign, language
):
    page = phone
    page.goto(f"{live_server.url}/{language}/campaigns/")
    page.locator("details.filters summary").click()
    page.select_option("#id_country", "IQ")
    submit(page, "details.filters button[type=submit]")
    assert page.locator("article.card").count() == 1
    screenshot(page, f"campaign-{language}-01-list")
    with page.expect_navigation():
        page.locator("article.card a").first.click()
    page.click("a[href='#sign']")
    screenshot(page, f"campaign-{language}-02-page")
    address = f"signer-{language}@example.org"
    page.fill("#id_email", address)
    page.fill("#id_name", "Noor")
    page.check("#id_show_name")
    page.check("#id_agree")
    submit(page, "#sign form button[type=submit]")
    assert "/campaigns/water-basra/signed/" in page.url
    screenshot(page, f"campaign-{language}-03-check-email")
    page.goto(live_server.url + _emailed_path(address, "confirm"))
    submit(page, "main form button[type=submit]")
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    assert Signature.objects.get().confirmed_at is not None
    assert "Noor" in page.locator("main").inner_text()
    screenshot(page, f"campaign-{language}-04-counted")
    if language == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.foreign_requests == []


def test_signing_without_javascript(browser, live_server, screenshot, campaign):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/campaigns/water-basra/")
    page.fill("#id_email", "nojs@example.org")
    page.check("#id_agree")
    submit(page, "#sign form button[type=submit]")
    assert "/signed/" in page.url
    page.goto(live_server.url + _emailed_path("nojs@example.org", "confirm"))
    submit(page, "main form button[type=submit]")
    campaign.refresh_from_db()
    assert campaign.signature_count == 1
    screenshot(page, "campaign-nojs-ar-counted")
    context.close()
