"""A member at risk on a phone, in Arabic: downloads a copy of their data, then deletes their
account; in a real browser, without any request to another origin."""

import io
import zipfile

import pytest

from humena.accounts.models import User
from tests.e2e.steps import submit
from tests.engagement.factories import InitiativeFactory, add_member
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_member_downloads_their_data_then_deletes_their_account(phone, live_server, screenshot):
    member = UserFactory(email="amal@example.org", display_name="Silver Olive")
    add_member(InitiativeFactory(title="Coast watch"), member)
    page = phone
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("#id_login", member.email)
    page.fill("#id_password", PASSWORD)
    submit(page)

    page.goto(f"{live_server.url}/ar/account/privacy/")
    screenshot(page, "privacy-ar-01-page")
    submit(page, "form[action$='/privacy/export/'] button")
    assert "/accounts/reauthenticate/" in page.url  # the password again, first
    page.fill("#id_password", PASSWORD)
    submit(page)  # allauth then carries out the request that asked for the password
    page.goto(f"{live_server.url}/ar/account/privacy/")
    screenshot(page, "privacy-ar-02-ready")
    with page.expect_download() as download_info:
        page.locator("a[href*='/privacy/export/']").click()
    with open(download_info.value.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert "engagement/initiative_memberships.json" in archive.namelist()
    assert "Coast watch" in archive.read("engagement/initiative_memberships.json").decode()

    page.goto(f"{live_server.url}/ar/account/delete/")
    screenshot(page, "privacy-ar-03-delete")
    page.check("#id_understand")
    submit(page)
    assert page.url == f"{live_server.url}/ar/"
    screenshot(page, "privacy-ar-04-deleted")
    assert User.objects.get(pk=member.pk).deleted_at is not None
    assert not User.objects.filter(email="amal@example.org").exists()
    assert page.foreign_requests == []
