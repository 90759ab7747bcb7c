import pytest
from icalendar import Calendar

from engagement.models import Event, Initiative, Visibility
from tests.conftest import warm_navigation
from tests.engagement.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    UpdateFactory,
    add_member,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(initiative, suffix="") -> str:
    return f"/en/initiatives/{initiative.slug}/{suffix}"


def test_detail_shows_updates_events_needs_and_organisers(client):
    initiative = InitiativeFactory(title="Coast watch")
    UpdateFactory(initiative=initiative, title="First results")
    UpdateFactory(initiative=initiative, title="Members' notes", visibility=Visibility.MEMBERS)
    EventFactory(initiative=initiative, title="Beach survey")
    NeedFactory(initiative=initiative, skill__name_en="Data analysis")
    html = client.get(url(initiative)).content.decode()
    assert "Coast watch" in html
    assert "First results" in html
    assert "Members&#x27; notes" not in html
    assert "Members' notes" not in html
    assert "Beach survey" in html
    assert "Data analysis" in html
    assert initiative.organiser_user.display_name in html
    assert "Sign in to join" in html


def test_members_see_members_only_updates(client):
    initiative = InitiativeFactory()
    UpdateFactory(initiative=initiative, title="Members' notes", visibility=Visibility.MEMBERS)
    client.force_login(add_member(initiative))
    assert "Members&#x27; notes" in client.get(url(initiative)).content.decode()


def test_arabic_initiative_is_marked_right_to_left_even_in_english(client):
    initiative = InitiativeFactory(language="ar", title="مبادرة الشباب")
    html = client.get(url(initiative)).content.decode()
    assert 'lang="ar" dir="rtl"' in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Initiative.Status.DRAFT},
        {"visibility": Initiative.Visibility.MEMBERS},
    ],
)
def test_private_initiatives_answer_404_with_every_sub_page(client, fields):
    initiative = InitiativeFactory(**fields)
    event = EventFactory(initiative=initiative)
    client.force_login(UserFactory())
    for suffix in ["", "calendar.ics", f"events/{event.pk}/", f"events/{event.pk}.ics", "members/"]:
        assert client.get(url(initiative, suffix)).status_code == 404, suffix
    assert client.post(url(initiative, "join/")).status_code == 404
    # Exactly what a slug that does not exist answers.
    assert client.get("/en/initiatives/no-such-thing/").status_code == 404


def test_members_only_event_is_private_in_a_public_initiative(client):
    initiative = InitiativeFactory()
    event = EventFactory(initiative=initiative, visibility=Visibility.MEMBERS)
    assert client.get(url(initiative, f"events/{event.pk}/")).status_code == 404
    client.force_login(add_member(initiative))
    assert client.get(url(initiative, f"events/{event.pk}/")).status_code == 200


def test_online_link_only_for_members(client):
    initiative = InitiativeFactory()
    event = EventFactory(
        initiative=initiative,
        mode=Event.Mode.ONLINE,
        city="",
        online_url="https://meet.humena.example/room-42",
    )
    page = url(initiative, f"events/{event.pk}/")
    assert "room-42" not in client.get(page).content.decode()
    client.force_login(add_member(initiative))
    assert "room-42" in client.get(page).content.decode()


def test_ics_files(client):
    initiative = InitiativeFactory(title="Coast watch")
    event = EventFactory(initiative=initiative, title="Beach survey", city="Gabès")
    EventFactory(initiative=initiative, title="Secret", visibility=Visibility.MEMBERS)
    response = client.get(url(initiative, f"events/{event.pk}.ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Beach survey"
    assert str(vevent["LOCATION"]) == "Gabès"  # a city, never an address
    assert vevent.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert vevent["DTSTART"].params["TZID"] == "Africa/Tunis"
    assert calendar.walk("VTIMEZONE")
    feed = Calendar.from_ical(client.get(url(initiative, "calendar.ics")).content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Beach survey"]


def _populate(initiative, count: int) -> None:
    for n in range(count):
        UpdateFactory(initiative=initiative)
        EventFactory(initiative=initiative)
        NeedFactory(initiative=initiative, skill__slug=f"s-{count}-{n}")
        add_member(initiative)


@pytest.mark.parametrize("count", [3, 30])
def test_detail_query_count_does_not_grow(client, django_assert_num_queries, count):
    initiative = InitiativeFactory()
    _populate(initiative, count)
    # initiative+themes (2), organisers, updates, events, needs.
    with django_assert_num_queries(6):
        response = client.get(url(initiative))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_detail_query_count_for_a_member_does_not_grow(client, django_assert_num_queries, count):
    initiative = InitiativeFactory()
    _populate(initiative, count)
    member = add_member(initiative)
    client.force_login(member)
    # + session, user, the member's membership, and the member's RSVPs for the events.
    warm_navigation(client)
    with django_assert_num_queries(10):
        response = client.get(url(initiative))
    assert response.status_code == 200


def test_event_reminders_are_announced_once():
    import datetime

    from django.utils import timezone

    from engagement.services import events_remind
    from engagement.tasks import events_remind_task
    from humena.notifications.models import OutboxEvent

    now = timezone.now()
    soon = EventFactory(starts_at=now + datetime.timedelta(hours=3))
    EventFactory(starts_at=now + datetime.timedelta(days=3))  # too early to remind
    EventFactory(starts_at=now + datetime.timedelta(hours=2), status=Event.Status.CANCELLED)
    assert events_remind_task.delay().get() == 1  # eager in tests: the real task code runs
    assert events_remind(now=now) == 0  # twice is harmless
    [outbox] = OutboxEvent.objects.filter(name="engagement.event.reminder")
    assert outbox.payload == {"initiative_id": soon.initiative_id, "event_id": soon.pk}
