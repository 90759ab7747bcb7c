"""Trust in a real browser, on a phone in Arabic and English: a new organiser's first initiative
waits for review and staff approve it from the admin; a member blocks someone from their profile
and finds the block in their list."""

import pytest

from diaspora.models import DiasporaProfile
from engagement.models import Initiative
from humena.moderation.models import Block
from tests.diaspora.factories import ProfileFactory
from tests.e2e.steps import open_admin, sign_in, submit
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_first_initiative_waits_for_review_then_staff_approve_it(
    phone, browser, live_server, screenshot, language
):
    organiser = UserFactory(display_name="New Organiser", preferred_language=language)
    base = f"{live_server.url}/{language}"
    page = phone
    sign_in(page, base, organiser)

    page.goto(f"{base}/initiatives/new/")
    page.fill("#id_title", "Neighbourhood library")
    page.fill("#id_summary", "Books for the children of the old town.")
    page.select_option("#id_country", "MA")
    page.fill("#id_city", "Fes")
    page.select_option("#id_status", "open")
    submit(page)
    screenshot(page, f"review-{language}-01-waiting")
    initiative = Initiative.objects.get(title="Neighbourhood library")
    assert initiative.status == Initiative.Status.IN_REVIEW
    anonymous = browser.new_context().new_page()
    assert anonymous.goto(f"{base}/initiatives/{initiative.slug}/").status == 404

    staff = StaffFactory(email="reviewer@example.org", preferred_language=language)
    desk = open_admin(browser, base, staff)
    desk.goto(f"{base}/admin/engagement/initiative/review/")
    screenshot(desk, f"review-{language}-02-queue")
    desk.goto(f"{base}/admin/engagement/initiative/{initiative.pk}/review/")
    screenshot(desk, f"review-{language}-03-review")
    submit(desk, "button[name=decision][value=approve], input[name=decision][value=approve]")

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.OPEN
    assert anonymous.goto(f"{base}/initiatives/{initiative.slug}/").status == 200
    page.goto(f"{base}/initiatives/mine/")
    screenshot(page, f"review-{language}-04-published")
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_member_blocks_someone_from_their_profile(phone, live_server, screenshot, language):
    member = UserFactory(display_name="Careful Member", preferred_language=language)
    other: DiasporaProfile = ProfileFactory(user=UserFactory(display_name="Pushy Person"))
    base = f"{live_server.url}/{language}"
    page = phone
    sign_in(page, base, member)

    page.goto(f"{base}/diaspora/profiles/{other.public_id}/")
    page.locator(f"a[href$='/moderation/blocks/new/profile/{other.public_id}/']").click()
    page.wait_for_url("**/moderation/blocks/new/**")
    screenshot(page, f"block-{language}-01-confirm")
    submit(page)
    assert Block.objects.filter(blocker=member, blocked=other.user).exists()
    page.goto(f"{base}/moderation/blocks/")
    screenshot(page, f"block-{language}-02-list")
    assert "Pushy Person" in page.content()
    submit(page, "main form button[type=submit]")  # unblock
    assert not Block.objects.exists()
    assert page.foreign_requests == []
