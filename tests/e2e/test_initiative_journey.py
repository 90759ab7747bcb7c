"""An activist on a phone, in Arabic: filter, search, open an initiative, join, RSVP, and find it
under "my initiatives"; then the same without JavaScript."""

import pytest

from engagement.models import Initiative, Membership, Rsvp
from tests.e2e.steps import submit
from tests.engagement.factories import EventFactory, InitiativeFactory, ThemeFactory
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    youth = ThemeFactory(slug="youth", name_ar="الشباب", name_en="Youth")
    target = InitiativeFactory(
        slug="sfax-youth",
        title="مبادرة شباب صفاقس للمواطنة",
        summary="لقاءات أسبوعية للشباب حول الميزانية البلدية",
        language="ar",
        country="TN",
        city="صفاقس",
        themes=[youth],
    )
    EventFactory(initiative=target, title="لقاء مفتوح", city="صفاقس", capacity=30)
    InitiativeFactory(slug="beirut", title="Beirut coast watch", country="LB", city="Beirut")
    InitiativeFactory(slug="tunis-other", title="Tunis archives", country="TN", city="Tunis")
    user = UserFactory(email="activist@example.org", preferred_language="ar")
    return {"target": target, "user": user}


def _sign_in(page, live_server, email: str, language: str = "ar") -> None:
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    submit(page, "main form button[type=submit]")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_activist_finds_joins_and_rsvps(phone, live_server, screenshot, world, language):
    page = phone
    _sign_in(page, live_server, "activist@example.org", language)
    page.goto(f"{live_server.url}/{language}/initiatives/")
    screenshot(page, f"initiatives-{language}-01-browse")
    # Filter by country and theme (htmx updates the results in place).
    page.select_option("#id_country", "TN")
    page.locator("details.more-filters summary").click()
    page.locator("input[name=theme][value=youth]").check()
    page.locator("form.browse-filters button[type=submit]").click()
    page.wait_for_url("**country=TN**")
    page.wait_for_selector("text=مبادرة شباب صفاقس للمواطنة")
    assert page.locator(".initiative-card").count() == 1
    screenshot(page, f"initiatives-{language}-02-filtered")
    # Search.
    page.goto(f"{live_server.url}/{language}/initiatives/?q=شباب")
    assert page.locator(".initiative-card").count() == 1
    with page.expect_navigation():
        page.locator(".initiative-card a").first.click()
    assert f"/{language}/initiatives/sfax-youth/" in page.url
    screenshot(page, f"initiatives-{language}-03-detail")
    # Join in one tap.
    submit(page, "form[action$='/join/'] button")
    assert Membership.objects.get(user=world["user"]).status == Membership.Status.APPROVED
    # RSVP to the event.
    with page.expect_navigation():
        page.locator("section[aria-labelledby=events-heading] ul a").first.click()
    submit(page, "button[value=going]")
    assert Rsvp.objects.get(user=world["user"]).response == Rsvp.Response.GOING
    screenshot(page, f"initiatives-{language}-04-rsvp")
    page.goto(f"{live_server.url}/{language}/initiatives/mine/")
    assert "مبادرة شباب صفاقس للمواطنة" in page.locator("main").inner_text()
    screenshot(page, f"initiatives-{language}-05-mine")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert page.foreign_requests == []


def test_the_same_journey_without_javascript(browser, live_server, screenshot, world):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, live_server, "activist@example.org")
    page.goto(f"{live_server.url}/ar/initiatives/")
    page.select_option("#id_country", "TN")
    page.locator("details.more-filters summary").click()
    page.locator("input[name=theme][value=youth]").check()
    submit(page, "form.browse-filters button[type=submit]")
    assert "country=TN" in page.url
    assert page.locator(".initiative-card").count() == 1
    with page.expect_navigation():
        page.locator(".initiative-card a").first.click()
    submit(page, "form[action$='/join/'] button")
    with page.expect_navigation():
        page.locator("section[aria-labelledby=events-heading] ul a").first.click()
    submit(page, "button[value=going]")
    assert Rsvp.objects.get(user=world["user"]).response == Rsvp.Response.GOING
    screenshot(page, "initiatives-nojs-ar-rsvp")
    context.close()


def test_map_draws_points_without_any_third_party_request(phone, live_server, screenshot, world):
    Initiative.objects.filter(slug="sfax-youth").update(latitude="34.74", longitude="10.76")
    page = phone
    page.goto(f"{live_server.url}/en/initiatives/map/")
    page.wait_for_selector("path.leaflet-interactive")
    assert page.locator("path.leaflet-interactive").count() >= 1
    screenshot(page, "initiatives-en-map")
    assert page.foreign_requests == []
