"""Moderation in a real browser: a member on a phone reports a hateful update (Arabic and English),
a moderator hides it from the admin queue, and the update is gone for the reporter; nothing is
asked of another origin."""

import pytest

from humena.moderation.models import Case
from tests.e2e.steps import open_admin, sign_in, submit
from tests.engagement.factories import InitiativeFactory, UpdateFactory
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_member_reports_and_a_moderator_hides(phone, browser, live_server, screenshot, language):
    author = UserFactory(display_name="Loud Crow")
    initiative = InitiativeFactory(title="Coast watch", slug="coast-watch", organiser=author)
    update = UpdateFactory(initiative=initiative, author=author, title="Insulting post")
    reporter = UserFactory(display_name="Quiet Heron", preferred_language=language)
    base = f"{live_server.url}/{language}"

    page = phone
    sign_in(page, base, reporter)
    page.goto(f"{base}/initiatives/coast-watch/")
    page.locator(f"#update-{update.pk} a.report-link").click()
    page.wait_for_url(f"**/moderation/report/update/{update.pk}/")
    screenshot(page, f"moderation-{language}-01-report-form")
    submit(page)  # no reason chosen: the form says so next to the field
    assert page.locator("#id_reason_error, .invalid-feedback, .errorlist").count() >= 1
    page.locator("input[name=reason][value=hate]").check()
    page.fill("#id_note", "It insults a member of the group.")
    submit(page)
    screenshot(page, f"moderation-{language}-02-thanks")
    assert page.url.endswith(f"/initiatives/coast-watch/#update-{update.pk}")
    assert Case.objects.get().report_count == 1

    moderator = StaffFactory(email="moderator@example.org", preferred_language=language)
    desk = open_admin(browser, base, moderator)
    desk.goto(f"{base}/admin/moderation/case/")
    screenshot(desk, f"moderation-{language}-03-queue")
    desk.locator("#result_list tbody tr th a, #result_list tbody tr td a").first.click()
    desk.wait_for_url("**/change/")
    assert "Quiet Heron" in desk.content()  # staff see who reported
    desk.locator("input[name=action][value=hide]").check()
    desk.fill("#id_reason", "Insults a member.")
    screenshot(desk, f"moderation-{language}-04-case")
    submit(desk, "input[type=submit]")
    assert Case.objects.get().state == Case.State.HIDDEN

    page.goto(f"{base}/initiatives/coast-watch/")
    assert "Insulting post" not in page.content()
    screenshot(page, f"moderation-{language}-05-hidden")
    assert page.foreign_requests == []
