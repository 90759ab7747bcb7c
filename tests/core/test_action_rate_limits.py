import pytest
from rest_framework.test import APIClient

from engagement.models import Membership
from tests.engagement.factories import InitiativeFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_asking_to_join_too_often_is_refused_with_429(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": (3, 3600)}
    user = UserFactory()
    client.force_login(user)
    initiatives = [InitiativeFactory() for _ in range(4)]
    statuses = [client.post(f"/en/initiatives/{i.slug}/join/").status_code for i in initiatives]
    assert statuses == [302, 302, 302, 429]
    assert Membership.objects.filter(user=user).count() == 3
    response = client.post(f"/en/initiatives/{initiatives[3].slug}/join/")
    assert "Too many attempts" in response.content.decode()
    assert response["Retry-After"] == "3600"


def test_the_api_answers_with_the_error_shape(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": (1, 3600)}
    api = APIClient()
    api.force_authenticate(UserFactory())
    first, second = InitiativeFactory(), InitiativeFactory()
    assert api.post(f"/api/v1/initiatives/{first.slug}/join/").status_code == 201
    response = api.post(f"/api/v1/initiatives/{second.slug}/join/")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert response.json()["error"]["retry_after"] == 3600


def test_limits_are_per_account(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": (1, 3600)}
    for _ in range(2):
        client.force_login(UserFactory())
        assert client.post(f"/en/initiatives/{InitiativeFactory().slug}/join/").status_code == 302
