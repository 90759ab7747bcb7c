"""Staff act as staff only in a session that passed a second factor; without it a staff
account has a member's powers, on the pages and in the API alike."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from diaspora.models import Network
from engagement.models import Initiative
from tests.diaspora.factories import NetworkFactory, ProfileFactory
from tests.engagement.factories import InitiativeFactory
from tests.factories import StaffFactory, login_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_things():
    return {
        "draft": InitiativeFactory(status=Initiative.Status.DRAFT),
        "network": NetworkFactory(visibility=Network.Visibility.MEMBERS),
        "profile": ProfileFactory(visibility={}),  # everything staff-only
    }


def _urls(things) -> list[str]:
    return [
        things["draft"].get_absolute_url(),
        things["network"].get_absolute_url(),
        things["profile"].get_absolute_url(),
    ]


def test_a_password_alone_gives_staff_no_powers(client, private_things):
    client.force_login(StaffFactory(mfa=False))
    for url in _urls(private_things):
        assert client.get(url).status_code == 404, url


def test_after_the_second_factor_staff_see_what_they_must(client, private_things):
    login_with_mfa(client, StaffFactory())
    for url in _urls(private_things):
        assert client.get(url).status_code == 200, url


def test_the_api_follows_the_same_rule(private_things):
    draft = private_things["draft"]
    url = f"/api/v1/initiatives/{draft.slug}/"
    api = APIClient()
    api.force_authenticate(StaffFactory(mfa=False))
    assert api.get(url).status_code == 404
    # A staff token is made after MFA (see test_api_token): it carries staff powers.
    staff = StaffFactory(mfa=False)
    token = Token.objects.create(user=staff)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get(url).status_code == 200


def test_superuser_shortcut_needs_mfa_too():
    staff = StaffFactory(mfa=False)
    draft = InitiativeFactory(status=Initiative.Status.DRAFT)
    assert not staff.has_perm("engagement.change_initiative", draft)
    staff.mfa_passed = True
    assert staff.has_perm("engagement.change_initiative", draft)
