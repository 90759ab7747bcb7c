import pytest
from rest_framework.test import APIClient

from humena.notifications.models import Notification, OutboxEvent
from tests.conftest import warm_navigation
from tests.engagement.factories import InitiativeFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def notify(user, count: int) -> list[Notification]:
    initiative = InitiativeFactory(title="Coast watch")
    rows = []
    for _ in range(count):
        event = OutboxEvent.objects.create(
            name="engagement.update.published", payload={"initiative_id": initiative.pk}
        )
        rows.append(
            Notification.objects.create(event=event, recipient=user, category="initiatives")
        )
    return rows


def test_inbox_lists_reads_and_counts(client):
    user = UserFactory()
    first, second = notify(user, 2)
    Notification.objects.create(
        event=first.event, recipient=UserFactory(), category="initiatives"
    )  # someone else's
    client.force_login(user)
    html = client.get("/en/notifications/").content.decode()
    assert html.count("New update in Coast watch") == 2
    assert "Notifications <span" in html  # the unread badge in the navigation
    client.post("/en/notifications/read/", {"id": [first.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    client.post("/en/notifications/read/", {"all": "1"})
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    other = Notification.objects.exclude(recipient=user).get()
    assert other.read_at is None  # nobody marks another person's notifications


def test_marking_read_skips_ids_that_are_not_numbers(client):
    user = UserFactory()
    (row,) = notify(user, 1)
    client.force_login(user)
    # "²" is a digit to str.isdigit, not to int(); 30 digits overflow any integer column.
    response = client.post("/en/notifications/read/", {"id": ["²", "9" * 30, "x", str(row.pk)]})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.read_at is not None


def test_inbox_empty_state_and_sign_in(client):
    assert client.get("/en/notifications/").status_code == 302
    client.force_login(UserFactory())
    assert "Nothing new" in client.get("/en/notifications/").content.decode()


def test_unread_count_is_cached_and_refreshed_when_read(client):
    user = UserFactory()
    notify(user, 1)
    client.force_login(user)
    assert client.get("/en/").context["UNREAD_NOTIFICATIONS"] == 1
    client.post("/en/notifications/read/", {"all": "1"})
    assert client.get("/en/").context["UNREAD_NOTIFICATIONS"] == 0


@pytest.mark.parametrize("count", [3, 30])
def test_inbox_query_count_does_not_grow(client, django_assert_num_queries, count):
    user = UserFactory()
    notify(user, count)
    client.force_login(user)
    warm_navigation(client)
    # session, user, page of notifications with their events, the initiatives named (never a
    # count: pages go older and newer).
    with django_assert_num_queries(4):
        response = client.get("/en/notifications/")
    assert len(response.context["items"]) == min(count, 20)


def test_inbox_pages_go_older_and_newer_without_counting(client):
    user = UserFactory()
    notify(user, 25)
    client.force_login(user)
    first = client.get("/en/notifications/")
    html = first.content.decode()
    assert len(first.context["items"]) == 20
    assert 'rel="next"' in html
    assert 'rel="prev"' not in html
    second = client.get("/en/notifications/", {"page": "2"})
    assert len(second.context["items"]) == 5
    assert 'rel="prev"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()
    newest = {item["notification"].pk for item in first.context["items"]}
    assert newest.isdisjoint(item["notification"].pk for item in second.context["items"])
    for junk in ("abc", "-3", "0"):
        assert len(client.get("/en/notifications/", {"page": junk}).context["items"]) == 20
    beyond = client.get("/en/notifications/", {"page": "9"})
    assert beyond.status_code == 200
    assert "Nothing new" in beyond.content.decode()
    assert 'rel="prev"' in beyond.content.decode()


def test_a_page_number_no_inbox_reaches_is_404_not_an_overflow(client):
    user = UserFactory()
    notify(user, 3)
    client.force_login(user)
    huge = "9" * 23  # as an offset it overflows SQLite's and PostgreSQL's integers
    assert client.get("/en/notifications/", {"page": huge}).status_code == 404
    farthest = client.get("/en/notifications/", {"page": "999999999"})
    assert farthest.status_code == 200
    assert "Nothing new" in farthest.content.decode()
    # A digit to str.isdigit, not to int(): not a page number, so the first page.
    assert len(client.get("/en/notifications/", {"page": "²"}).context["items"]) == 3
    api = APIClient()
    api.force_authenticate(user)
    response = api.get("/api/v1/notifications/", {"page": huge})
    assert response.status_code == 404
    assert response.json()["error"]["code"]


@pytest.mark.parametrize("count", [3, 30])
def test_api_list_query_count_does_not_grow(django_assert_num_queries, count):
    user = UserFactory()
    notify(user, count)
    api = APIClient()
    api.force_authenticate(user)
    with django_assert_num_queries(3):
        response = api.get("/api/v1/notifications/")
    body = response.json()
    assert body["count"] == count
    assert body["results"][0]["title"] == "New update in Coast watch"


def test_api_marks_read_and_needs_an_account():
    user = UserFactory()
    rows = notify(user, 3)
    api = APIClient()
    assert api.get("/api/v1/notifications/").status_code == 401
    api.force_authenticate(user)
    response = api.post("/api/v1/notifications/read/", {"ids": [rows[0].pk]}, format="json")
    assert response.json() == {"marked": 1, "unread": 2}
    response = api.post("/api/v1/notifications/read/", {"all": True}, format="json")
    assert response.json() == {"marked": 2, "unread": 0}
    bad = api.post("/api/v1/notifications/read/", {"ids": ["x"]}, format="json")
    assert bad.status_code == 400
    assert "ids" in bad.json()["error"]["fields"]


def test_preferences_page(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/en/notifications/settings/").content.decode()
    assert "Daily digest" in page
    client.post(
        "/en/notifications/settings/",
        {"initiatives-email": "immediate", "account-email": "off", "content_free": "1"},
    )
    from humena.notifications.models import EmailSettings, Preference

    assert Preference.objects.get(user=user, category="initiatives", channel="email").frequency == (
        "immediate"
    )
    assert not Preference.objects.filter(category="account").exists()  # cannot be switched off
    assert EmailSettings.objects.get(user=user).content_free is True
